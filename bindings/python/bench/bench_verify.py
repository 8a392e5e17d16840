"""Python link verify against itsdangerous, on an equivalent payload, in one run.

    ./scripts/bench.sh   (or: python bindings/python/bench/bench_verify.py)
"""

import json
import timeit
from datetime import datetime, timezone

import itsdangerous

import ticketshare

CONFIG = {
    "keyring": {"active": 1, "keys": [{"id": 1, "secret": "AAECAwQFBgcICQoLDA0ODxAREhMUFRYXGBkaGxwdHh8"}]},
    "view_url": "https://help.example.com/shared/",
}
NOW = datetime(2026, 11, 23, 10, 0, tzinfo=timezone.utc)


def best_ns(stmt, number=20000, repeat=7):
    return min(timeit.repeat(stmt, number=number, repeat=repeat)) / number * 1e9


def main():
    with ticketshare.Engine(CONFIG) as engine:
        created = engine.create_share(
            actor={"id": "a", "name": "Ana", "role": "agent"},
            account={"company_name": "Acme", "plan": "enterprise"},
            request={"ticket_id": "T-1", "recipient": "s@example.com", "subject": "s", "message": "m"},
            now=datetime(2026, 11, 23, 9, 0, tzinfo=timezone.utc),
        )
        token = created["link_token"]
        share_id = created["share"]["id"]
        # The same claims, signed the itsdangerous way (HMAC-SHA1 by default; SHA-256 here to match).
        serializer = itsdangerous.URLSafeTimedSerializer(
            "AAECAwQFBgcICQoLDA0ODxAREhMUFRYXGBkaGxwdHh8", salt="link", signer_kwargs={"digest_method": __import__("hashlib").sha256}
        )
        its_token = serializer.dumps({"share_id": share_id, "key_id": 1, "purpose": "link"})
        assert serializer.loads(its_token, max_age=72 * 3600)["share_id"] == share_id
        assert engine.verify_link(token, NOW).share_id == share_id

        ours = best_ns(lambda: engine.verify_link(token, NOW))
        ours_json = best_ns(lambda: engine.call("link.verify", {"token": token, "now": "2026-11-23T10:00:00Z"}))
        theirs = best_ns(lambda: serializer.loads(its_token, max_age=72 * 3600))
        print(json.dumps({"ticketshare_verify_link_ns": ours, "ticketshare_json_call_ns": ours_json,
                          "itsdangerous_loads_ns": theirs}))
        print("| operation | median | ratio |")
        print("| --- | --- | --- |")
        print(f"| itsdangerous URLSafeTimedSerializer.loads, HMAC-SHA256 (reference) | {theirs:.0f} ns | 1.00x |")
        print(f"| ticketshare Engine.verify_link (typed, C ABI) | {ours:.0f} ns | {theirs / ours:.1f}x faster |")
        print(f"| ticketshare Engine.call('link.verify') (JSON) | {ours_json:.0f} ns | {theirs / ours_json:.1f}x faster |")


if __name__ == "__main__":
    main()
