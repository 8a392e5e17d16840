"""``manage.py ticketshare_demo``: seeds the demo helpdesk with an admin, an agent who may
share, a queue and a ticket with a conversation. Safe to run twice."""

from typing import Any

from django.contrib.auth import get_user_model
from django.contrib.auth.models import Permission
from django.core.management.base import BaseCommand
from helpdesk.models import FollowUp, Queue, Ticket

CUSTOMER = "carla@customer.example"


class Command(BaseCommand):
    help = "Seeds a demo ticket and users: admin/admin (superuser) and ana/ana (an agent who may share)."

    def handle(self, *args: Any, **options: Any) -> None:
        users = get_user_model()
        admin, created = users.objects.get_or_create(
            username="admin", defaults={"email": "admin@acme.example", "is_staff": True, "is_superuser": True,
                                        "first_name": "Ada", "last_name": "Admin"})
        if created:
            admin.set_password("admin")
            admin.save()
        agent, created = users.objects.get_or_create(
            username="ana", defaults={"email": "ana@acme.example", "is_staff": True,
                                      "first_name": "Ana", "last_name": "Agent"})
        if created:
            agent.set_password("ana")
            agent.save()
            agent.user_permissions.add(Permission.objects.get(codename="share_externally"))
        users.objects.get_or_create(username="carla", defaults={"email": CUSTOMER, "first_name": "Carla",
                                                                "last_name": "Customer"})
        queue, _ = Queue.objects.get_or_create(slug="orders", defaults={"title": "Orders",
                                                                        "allow_email_submission": False})
        ticket, created = Ticket.objects.get_or_create(
            title="Trainers labelled 42 are far smaller", queue=queue,
            defaults={"submitter_email": CUSTOMER, "assigned_to": agent,
                      "description": "The trainers I ordered in size 42 fit like a 39. Order ORD-555."})
        if created:
            FollowUp.objects.create(ticket=ticket, user=agent, public=True, title="Reply",
                                    comment="Sorry about that, Carla. I am asking our supplier.")
            FollowUp.objects.create(ticket=ticket, user=agent, public=False, title="Internal note",
                                    comment="VIP customer: refund at once if the supplier is slow.")
        self.stdout.write(f"ticket {ticket.pk} ready: log in as ana/ana (agent) or admin/admin at /helpdesk/")
