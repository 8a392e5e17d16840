"""Fixtures: the demo's users and ticket, a clock the tests move, a collaborator's browser."""

from __future__ import annotations

import datetime
import re
from typing import Any, Callable, Dict, Iterator, List

import pytest
from django.contrib.auth.models import Permission
from django.core import mail
from django.core.management import call_command
from django.test import Client
from helpdesk.models import Ticket

from ticketshare_django import engine

T0 = datetime.datetime(2026, 11, 23, 9, 0, tzinfo=datetime.timezone.utc)


class Clock:
    """The time every operation is decided at; tests move it."""

    def __init__(self) -> None:
        self.at = T0

    def __call__(self) -> datetime.datetime:
        return self.at

    def move(self, **delta: float) -> None:
        self.at += datetime.timedelta(**delta)


@pytest.fixture
def clock(monkeypatch: pytest.MonkeyPatch) -> Clock:
    c = Clock()
    monkeypatch.setattr(engine, "now", c)
    return c


@pytest.fixture
def demo(transactional_db: Any) -> Ticket:
    call_command("ticketshare_demo", stdout=open("/dev/null", "w"))
    return Ticket.objects.get(title__startswith="Trainers")


@pytest.fixture
def agent(demo: Ticket) -> Client:
    c = Client()
    assert c.login(username="ana", password="ana")
    return c


@pytest.fixture
def admin_client_demo(demo: Ticket) -> Client:
    c = Client()
    assert c.login(username="admin", password="admin")
    return c


def link_in(message: Any) -> str:
    """The collaborator's link in a share email, as a path."""
    url = re.search(r"https?://\S+/shared/\S+", message.body)
    assert url, message.body
    return "/shared/" + url.group(0).rsplit("/shared/", 1)[1]


def code_in(message: Any) -> str:
    found = re.search(r"\b(\d{6})\b", message.body)
    assert found, message.body
    return found.group(1)


def wrong(code: str) -> str:
    return "".join("1" if c == "0" else "0" for c in code)


def share(agent: Client, ticket: Ticket, recipient: str = "orders@supplier.example", **extra: Any) -> str:
    """Shares the ticket as the agent; the link's path."""
    before = len(mail.outbox)
    response = agent.post(f"/sharing/tickets/{ticket.pk}/share",
                          {"recipient": recipient, "subject": "Size 42", "message": "Please check batch B-17", **extra})
    assert response.status_code == 302
    assert len(mail.outbox) == before + 1, [m.subject for m in mail.outbox]
    return link_in(mail.outbox[-1])


def verified(link: str) -> Client:
    """A collaborator's browser that opened the link and entered the right code."""
    browser = Client()
    assert browser.get(link).status_code == 200
    response = browser.post(link + "/code", {"code": code_in(mail.outbox[-1])})
    assert response.status_code == 302, response.content
    return browser


@pytest.fixture
def shared(agent: Client, demo: Ticket, clock: Clock) -> Callable[..., str]:
    return lambda **extra: share(agent, demo, **extra)


def outbox_to(address: str) -> List[Any]:
    return [m for m in mail.outbox if address in m.to]


def events(kind: str) -> List[Dict[str, Any]]:
    from ticketshare_django.models import AuditEvent

    return [e.record for e in AuditEvent.objects.filter(kind=kind)]


@pytest.fixture(autouse=True)
def fresh_engine() -> Iterator[None]:
    engine.reset()
    yield
    engine.reset()
