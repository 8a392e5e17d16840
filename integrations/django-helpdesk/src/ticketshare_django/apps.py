"""The Django app."""

from django.apps import AppConfig


class TicketShareConfig(AppConfig):
    """Ticket sharing with external collaborators, for django-helpdesk."""

    name = "ticketshare_django"
    verbose_name = "Ticket sharing"
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self) -> None:
        from . import engine

        engine.connect_signals()
