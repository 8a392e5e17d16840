"""One collaborator page view through Django's test client (session check, records loaded,
the engine's view, the page rendered), the part of it spent in the engine, and a trivial
Django view through the same client as the reference of the same run.

    cd integrations/django-helpdesk && python bench/bench_page_view.py [views]
"""

from __future__ import annotations

import os
import re
import statistics
import sys
import time
from pathlib import Path
from typing import Any, Callable, Dict, List

HERE = Path(__file__).resolve().parent.parent
sys.path[:0] = [str(HERE), str(HERE / "demo")]
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "tests.settings")

import django  # noqa: E402

django.setup()

from django.core import mail  # noqa: E402
from django.core.management import call_command  # noqa: E402
from django.db import connection  # noqa: E402
from django.http import HttpResponse  # noqa: E402
from django.test import Client  # noqa: E402
from django.test.utils import override_settings, setup_test_environment  # noqa: E402
from django.urls import include, path  # noqa: E402

import ticketshare  # noqa: E402

ENGINE_CALLS: List[float] = []


def timed(method: Callable[..., Any]) -> Callable[..., Any]:
    def wrapper(*args: Any, **kwargs: Any) -> Any:
        start = time.perf_counter()
        try:
            return method(*args, **kwargs)
        finally:
            ENGINE_CALLS.append(time.perf_counter() - start)

    return wrapper


urlpatterns = [
    path("trivial", lambda request: HttpResponse("ok")),
    path("", include("demo_site.urls")),
]


def median_of(run: Callable[[], Any], views: int) -> float:
    samples = []
    for _ in range(views):
        start = time.perf_counter()
        run()
        samples.append(time.perf_counter() - start)
    return statistics.median(samples)


def main() -> None:
    views = int(sys.argv[1]) if len(sys.argv) > 1 else 300
    setup_test_environment()
    original_name = connection.settings_dict["NAME"]
    connection.creation.create_test_db(verbosity=0)
    call_command("ticketshare_demo", stdout=open(os.devnull, "w"))
    with override_settings(ROOT_URLCONF=__name__):
        agent = Client()
        agent.login(username="ana", password="ana")
        from helpdesk.models import Ticket

        ticket = Ticket.objects.get()
        agent.post(f"/sharing/tickets/{ticket.pk}/share",
                   {"recipient": "orders@supplier.example", "subject": "Size 42", "message": "Please check"})
        link = "/shared/" + re.search(r"/shared/(\S+)", mail.outbox[-1].body).group(1)
        browser = Client()
        browser.get(link)
        code = re.search(r"\b(\d{6})\b", mail.outbox[-1].body).group(1)
        assert browser.post(link + "/code", {"code": code}).status_code == 302
        assert b'id="reply-form"' in browser.get(link).content

        for name in ("verify_link", "view"):
            setattr(ticketshare.Engine, name, timed(getattr(ticketshare.Engine, name)))
        trivial = median_of(lambda: browser.get("/trivial"), views)
        ENGINE_CALLS.clear()
        page = median_of(lambda: browser.get(link), views)
        per_view = sum(ENGINE_CALLS) / views
    result: Dict[str, float] = {
        "page_ms": page * 1e3, "engine_ms": per_view * 1e3, "trivial_ms": trivial * 1e3,
    }
    print(f"collaborator page view (test client): {result['page_ms']:.2f} ms median over {views} views")
    print(f"  in the engine (link.verify + share.view): {result['engine_ms']:.3f} ms = "
          f"{100 * per_view / page:.1f}% of the view")
    print(f"  a trivial Django view through the same client: {result['trivial_ms']:.2f} ms "
          f"(the page is {page / trivial:.1f}x that)")
    print(f"  database: {connection.vendor}")
    print("| django collaborator page view | %d ns |" % (page * 1e9))
    print("| django page view, in the engine | %d ns |" % (per_view * 1e9))
    print("| django trivial view | %d ns |" % (trivial * 1e9))
    connection.creation.destroy_test_db(original_name, verbosity=0)


if __name__ == "__main__":
    main()
