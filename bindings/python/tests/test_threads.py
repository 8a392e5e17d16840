"""Closing an engine while other threads are inside calls on it (the native module releases the
GIL during every JSON call): each call either completes with the right answer or raises "the
engine_closed"; none reads freed memory and comes back with a wrong answer."""

import threading
from typing import List

import ticketshare
from conftest import ACCOUNT, CONFIG, at


def test_close_while_calls_are_in_flight():
    wrong: List[str] = []
    closed = answered = 0
    for round_ in range(2000):
        engine = ticketshare.Engine(CONFIG)
        created = engine.create_share(
            {"id": "a", "name": "Ana", "role": "agent"},
            ACCOUNT,
            {"ticket_id": "T-1", "recipient": "s@example.com", "subject": "s", "message": "m"},
            at(0),
        )
        opened = engine.open_link(created["link_token"], created["share"], ACCOUNT, at(1))
        assert opened["outcome"] == "code_sent"
        results: List[str] = []

        def resend() -> None:
            for _ in range(3):
                try:
                    engine.resend_code(created["link_token"], created["share"], ACCOUNT, at(2),
                                       challenge=opened["challenge"])
                    results.append("sent")
                except ticketshare.CodeError as error:
                    results.append(error.code)
                except ticketshare.RequestError as error:
                    results.append("closed" if error.code == "engine_closed" else error.code)

        thread = threading.Thread(target=resend)
        thread.start()
        if round_ % 2:
            threading.Event().wait(0.00001 * (round_ % 7))
        engine.close()
        thread.join()
        for result in results:
            if result == "code_send_limited":
                answered += 1
            elif result == "closed":
                closed += 1
            else:
                wrong.append(result)
    assert not wrong, f"wrong answers after close: {sorted(set(wrong))}"
    assert answered > 0 and closed > 0, (answered, closed)
