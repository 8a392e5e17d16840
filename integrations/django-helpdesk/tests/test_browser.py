"""End to end in headless Chromium (Playwright driving the system's /usr/bin/chromium): an
agent shares from django-helpdesk, the collaborator opens the emailed link, enters a wrong then
the right code, reads the thread and replies with a file; the agent sees the reply and cancels;
the collaborator's reload shows the cancelled page; 72 hours on, a new link shows the expired
page. A screenshot of each page goes to ``target/screenshots/django-helpdesk/``."""

from __future__ import annotations

import os
import re
import shutil
from pathlib import Path
from typing import Any, Iterator

import pytest
from django.core import mail
from django.db import connections
from django.utils import timezone

from .conftest import Clock, code_in, wrong

SHOTS = Path(os.environ.get("TICKETSHARE_SCREENSHOTS",
                            Path(__file__).resolve().parents[3] / "target" / "screenshots" / "django-helpdesk"))
CHROMIUM = os.environ.get("CHROMIUM", "/usr/bin/chromium")
# The flags a sandboxed machine with no network needs (see the machine notes).
ARGS = ["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking",
        "--disable-component-update", "--disable-sync"]


def _unavailable() -> str:
    try:
        import playwright.sync_api  # noqa: F401
    except ImportError:
        return "playwright is not installed (pip install playwright)"
    if not shutil.which(CHROMIUM):
        return f"no Chromium at {CHROMIUM} (apt-get install chromium)"
    return ""


@pytest.fixture
def browser(monkeypatch: pytest.MonkeyPatch, live_server: Any) -> Iterator[Any]:
    """Chromium, closed before the live server stops."""
    # Playwright's sync API keeps an event loop in this thread; the test's own ORM calls are
    # synchronous all the same (Django's documented switch for such test code).
    monkeypatch.setenv("DJANGO_ALLOW_ASYNC_UNSAFE", "true")
    reason = _unavailable()
    if reason:
        if os.environ.get("TICKETSHARE_REQUIRE_BROWSER"):
            pytest.fail(reason)
        pytest.skip(reason)
    from playwright.sync_api import sync_playwright

    with sync_playwright() as p:
        chromium = p.chromium.launch(executable_path=CHROMIUM, args=ARGS)
        yield chromium
        chromium.close()
        # Playwright's sync API runs the test inside a greenlet with its own context, where
        # Django opened a connection of its own: close it before the test database goes.
        connections.close_all()


def shot(page: Any, name: str) -> None:
    SHOTS.mkdir(parents=True, exist_ok=True)
    page.screenshot(path=str(SHOTS / f"{name}.png"), full_page=True)


def share_from_ticket(agent: Any, base: str, ticket_id: int, recipient: str) -> str:
    """The agent shares from the ticket page; the emailed link."""
    agent.goto(f"{base}/helpdesk/tickets/{ticket_id}/")
    if not agent.locator("#ts-share-form").is_visible():
        agent.click("#ts-share summary")
    agent.fill("#ts-share-form [name=recipient]", recipient)
    agent.fill("#ts-share-form [name=message]", "Could you check batch B-17? Size 42 fits like a 39.")
    agent.click("#ts-share-submit")
    agent.wait_for_selector("#ts-share-list")
    url = re.search(r"https?://\S+/shared/\S+", mail.outbox[-1].body)
    assert url and mail.outbox[-1].to == [recipient]
    return url.group(0)


def test_the_whole_story_in_a_browser(browser: Any, live_server: Any, settings: Any, demo: Any,
                                      clock: Clock, tmp_path: Path) -> None:
    settings.TICKETSHARE_PUBLIC_URL = live_server.url  # http on localhost: the engine allows it
    clock.at = timezone.now()  # the browser keeps cookies by its own clock
    base = live_server.url
    agent = browser.new_context(viewport={"width": 1280, "height": 900}).new_page()
    agent.goto(f"{base}/helpdesk/login/")
    agent.fill("[name=username]", "ana")
    agent.fill("[name=password]", "ana")
    agent.press("[name=password]", "Enter")
    agent.wait_for_url(re.compile(r".*/helpdesk/.*"))

    link = share_from_ticket(agent, base, demo.pk, "orders@supplier.example")
    assert agent.inner_text("#ts-share-list .ts-status") == "pending"
    shot(agent, "1-agent-shared")

    collaborator = browser.new_context(viewport={"width": 900, "height": 900}).new_page()
    collaborator.goto(link)
    collaborator.wait_for_selector("#code")
    code = code_in(mail.outbox[-1])
    shot(collaborator, "2-code-page")
    clock.move(seconds=5)
    collaborator.fill("#code", wrong(code))
    collaborator.click("#submit-code")
    assert "That code is not right. 4 tries left." in collaborator.inner_text("#error")
    shot(collaborator, "3-wrong-code")
    collaborator.fill("#code", code)
    collaborator.click("#submit-code")
    collaborator.wait_for_selector("#reply-form")
    thread = collaborator.inner_text("#thread")
    assert "Sorry about that, Carla." in thread and "VIP customer" not in thread
    cookies = {c["name"]: c for c in collaborator.context.cookies()}
    session = next(c for n, c in cookies.items() if n.startswith("ts_session_"))
    assert session["httpOnly"] and session["sameSite"] == "Lax" and cookies["ts_device"]["httpOnly"]
    shot(collaborator, "4-thread")

    upload = tmp_path / "batch-b17.txt"
    upload.write_text("Batch B-17: labelled 42, measured 39.\n")
    clock.move(minutes=2)
    collaborator.fill("#body", "Batch B-17 was mislabelled; we are sending new pairs.")
    collaborator.set_input_files("#attachments", str(upload))
    collaborator.click("#send-reply")
    collaborator.wait_for_selector("#latest")
    assert "Batch B-17 was mislabelled" in collaborator.inner_text("#latest")
    assert "batch-b17.txt" in collaborator.inner_text("#latest")
    shot(collaborator, "5-replied")
    assert not [m for m in mail.outbox if "carla@customer.example" in m.to]

    agent.goto(f"{base}/helpdesk/tickets/{demo.pk}/")
    assert "Batch B-17 was mislabelled" in agent.content()
    assert "batch-b17.txt" in agent.content()
    assert agent.inner_text("#ts-share-list .ts-status") == "verified"
    shot(agent, "6-agent-sees-reply")

    agent.click("#ts-share-list .ts-cancel")
    agent.wait_for_selector(".ts-status-cancelled")
    collaborator.reload()
    assert collaborator.inner_text("#refused") == "This link is not valid"
    assert "Batch B-17" not in collaborator.content()
    shot(collaborator, "7-cancelled")

    second = share_from_ticket(agent, base, demo.pk, "quality@supplier.example")
    clock.move(hours=72)
    late = browser.new_context().new_page()
    late.goto(second)
    assert late.inner_text("#refused") == "This link has expired"
    shot(late, "8-expired")
