"""django-helpdesk at /helpdesk/, the admin at /admin/, ticket sharing at the root."""

from django.conf import settings
from django.conf.urls.static import static
from django.contrib import admin
from django.urls import include, path
from django.views.generic import RedirectView

urlpatterns = [
    path("", RedirectView.as_view(url="/helpdesk/")),
    path("admin/", admin.site.urls),
    path("helpdesk/", include("helpdesk.urls", namespace="helpdesk")),
    path("", include("ticketshare_django.urls")),  # ticketshare
] + static(settings.MEDIA_URL, document_root=settings.MEDIA_ROOT)
