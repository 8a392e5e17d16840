"""Two code submissions for one challenge at once: each is decided on the records the other
left, so neither try is lost and two right codes never both open (SEC-02). The share's row
is locked (``select_for_update``; SQLite's IMMEDIATE transactions take the one write lock at
BEGIN), and a write over a record that changed since it was read is refused and decided again.
"""

from __future__ import annotations

import threading
import time
from typing import Any, Callable, Dict, List

import pytest
from django.core import mail
from django.db import connection, connections
from django.test import Client

from ticketshare_django import records, services
from ticketshare_django.models import AuditEvent, CodeChallenge, ExternalShare

from .conftest import Clock, code_in, wrong


def open_share(shared: Callable[..., str]) -> tuple:
    link = shared()
    Client().get(link)
    token = link.rsplit("/", 1)[1]
    return token, ExternalShare.objects.get().pk, code_in(mail.outbox[-1])


def at_once(calls: List[Callable[[], Any]], monkeypatch: pytest.MonkeyPatch) -> List[Any]:
    """Runs the calls in threads started together, each holding its transaction open a while
    after the engine decided (so that, unguarded, both would decide on the same records)."""
    original = records.save_challenge

    def slow(*args: Any, **kwargs: Any) -> None:
        time.sleep(0.3)
        original(*args, **kwargs)

    monkeypatch.setattr(services, "save_challenge", slow)
    barrier = threading.Barrier(len(calls))
    results: List[Any] = [None] * len(calls)

    def run(i: int) -> None:
        barrier.wait()
        try:
            results[i] = calls[i]()
        except Exception as error:  # noqa: BLE001 (the result under test)
            results[i] = error
        finally:
            connections.close_all()

    threads = [threading.Thread(target=run, args=(i,)) for i in range(len(calls))]
    for t in threads:
        t.start()
    for t in threads:
        t.join(60)
    return results


def test_two_wrong_codes_at_once_both_count(shared: Any, clock: Clock, monkeypatch: pytest.MonkeyPatch) -> None:
    token, share_id, code = open_share(shared)
    results = at_once([lambda: services.check_code(token, share_id, wrong(code))] * 2, monkeypatch)
    assert [r["outcome"] for r in results] == ["rejected", "rejected"], results
    assert sorted(r["attempts_left"] for r in results) == [3, 4]
    challenge = CodeChallenge.objects.get()
    assert challenge.record["wrong_attempts"] == 2 and challenge.revision == 3
    assert ExternalShare.objects.get().record["failures_in_a_row"] == 2
    assert AuditEvent.objects.filter(kind="code_rejected").count() == 2


def test_the_right_code_twice_at_once_opens_once(shared: Any, clock: Clock, monkeypatch: pytest.MonkeyPatch) -> None:
    token, share_id, code = open_share(shared)
    results = at_once([lambda: services.check_code(token, share_id, code)] * 2, monkeypatch)
    outcomes = sorted(r["outcome"] if isinstance(r, dict) else r.code for r in results)
    assert outcomes == ["accepted", "code_already_used"], results
    assert AuditEvent.objects.filter(kind="code_accepted").count() == 1


def test_a_write_over_a_changed_record_is_refused_and_decided_again(
        shared: Any, clock: Clock, monkeypatch: pytest.MonkeyPatch) -> None:
    token, share_id, code = open_share(shared)
    stale = CodeChallenge.objects.get()
    services.check_code(token, share_id, wrong(code))
    # Deciding on the stale record and writing it over the newer one is refused ...
    with pytest.raises(records.Conflict):
        records.save_challenge(share_id, stale, {**stale.record, "revision": stale.revision + 1})
    # ... and an operation that loses such a race is decided again on fresh records.
    reads: Dict[str, int] = {"n": 0}
    original = services._locked

    def first_read_is_stale(pk: Any) -> Any:
        row, challenge = original(pk)
        reads["n"] += 1
        if reads["n"] == 1:
            # As if read before the other submission committed.
            challenge.record, challenge.revision = stale.record, stale.revision
        return row, challenge

    monkeypatch.setattr(services, "_locked", first_read_is_stale)
    result = services.check_code(token, share_id, wrong(code))
    assert reads["n"] == 2 and result["attempts_left"] == 3
    assert CodeChallenge.objects.get().record["wrong_attempts"] == 2


def test_the_database_in_use(db: Any) -> None:
    """Printed so that the log says which database this run proved."""
    print(f"database: {connection.vendor}")
    assert connection.vendor in ("sqlite", "postgresql")
