"""The app's URLs: include them at the site's root, ``path("", include("ticketshare_django.urls"))``.

The collaborator's links are ``<TICKETSHARE_PUBLIC_URL>/shared/<token>``.
"""

from django.urls import path

from . import views_agent, views_collaborator

app_name = "ticketshare"

urlpatterns = [
    path("shared/", views_collaborator.collaborator_root, name="collaborator_root"),
    path("shared/<str:token>", views_collaborator.open_link, name="open"),
    path("shared/<str:token>/code", views_collaborator.enter_code, name="code"),
    path("shared/<str:token>/resend", views_collaborator.resend_code, name="resend"),
    path("shared/<str:token>/reply", views_collaborator.reply, name="reply"),
    path("shared/<str:token>/files/<str:reference>", views_collaborator.download, name="file"),
    path("sharing/logo", views_collaborator.logo, name="logo"),
    path("sharing/tickets/<int:ticket_id>/share", views_agent.share, name="share"),
    path("sharing/shares/<uuid:share_id>/cancel", views_agent.cancel, name="cancel"),
]
