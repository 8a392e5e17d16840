"""The seed-000 story through the Python package, type-checked (mypy --strict).

    pip install ./bindings/python && python examples/python/quickstart.py
"""

from datetime import datetime, timedelta, timezone

import ticketshare
from ticketshare.types import Account, Actor, EngineConfig

CONFIG: EngineConfig = {
    # In production the key comes from a secret store: 32+ random bytes, unpadded base64url.
    "keyring": {"active": 1, "keys": [{"id": 1, "secret": "AAECAwQFBgcICQoLDA0ODxAREhMUFRYXGBkaGxwdHh8"}]},
    "view_url": "https://help.acme.example/shared/",
}
AGENT: Actor = {"id": "agent-7", "name": "Ana Agent", "role": "agent"}
ACCOUNT: Account = {"company_name": "Acme Shoes", "plan": "enterprise"}
T0 = datetime(2026, 11, 23, 9, 0, tzinfo=timezone.utc)


def at(seconds: int) -> datetime:
    return T0 + timedelta(seconds=seconds)


def main() -> None:
    with ticketshare.Engine(CONFIG) as engine:
        created = engine.create_share(
            actor=AGENT,
            account=ACCOUNT,
            request={
                "ticket_id": "T-1001",
                "recipient": "orders@supplier.example",
                "subject": "Trainers labelled 42 are far smaller",
                "message": "Could you check batch B-17?",
            },
            now=at(0),
        )
        share, token = created["share"], created["link_token"]
        print("1. shared:", created["link_url"])

        claims = engine.verify_link(token, at(10))
        print("2. link verified for share", claims.share_id)

        opened = engine.open_link(token, share, ACCOUNT, at(60))
        print("3. link opened:", opened["outcome"])
        if opened["outcome"] != "code_sent":
            raise SystemExit("a new share always sends a code")
        code = "".join(c for c in opened["email"]["text_body"] if c.isdigit())[:6]

        wrong = "".join("1" if c == "0" else "0" for c in code)
        rejected = engine.check_code(token, share, opened["challenge"], wrong, at(70))
        if rejected["outcome"] != "rejected":
            raise SystemExit("a wrong code is never accepted")
        print(f"4. wrong code {rejected['outcome']}, {rejected['attempts_left']} tries left")
        accepted = engine.check_code(token, share, rejected["challenge"], code, at(80))
        if accepted["outcome"] != "accepted":
            raise SystemExit("the right code is accepted")
        share, session = accepted["share"], accepted["session_token"]
        print("   right code", accepted["outcome"])

        replied = engine.reply(session, share, {"body": "Batch B-17 was mislabelled."}, ACCOUNT, at(200))
        print("5. reply stored as", replied["note"]["kind"]["type"])

        cancelled = engine.cancel_share(AGENT, share, at(300))
        try:
            engine.open_link(token, cancelled["share"], ACCOUNT, at(301))
        except ticketshare.LinkError as refused:
            print(f"6. after cancelling: {refused.code} (the collaborator sees: {refused.category})")

        try:
            engine.verify_link(token, at(72 * 3600))
        except ticketshare.LinkError as refused:
            print(f"7. 72 h later: {refused.code} ({refused.category})")


if __name__ == "__main__":
    main()
