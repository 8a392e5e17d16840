"""Shared fixtures for the Python tests."""

import pathlib
from datetime import datetime, timedelta, timezone

import pytest

import ticketshare

ROOT = pathlib.Path(__file__).resolve().parents[3]
VECTORS = ROOT / "tests" / "vectors"
CONFIG = {
    "keyring": {"active": 1, "keys": [{"id": 1, "secret": "AAECAwQFBgcICQoLDA0ODxAREhMUFRYXGBkaGxwdHh8"}]},
    "view_url": "https://help.example.com/shared/",
}
T0 = datetime(2026, 11, 23, 9, 0, tzinfo=timezone.utc)
ACTOR = {"id": "agent-7", "name": "Ana Agent", "role": "agent"}
ACCOUNT = {"company_name": "Acme Shoes", "plan": "enterprise"}


def at(seconds: float) -> datetime:
    return T0 + timedelta(seconds=seconds)


@pytest.fixture
def engine():
    with ticketshare.Engine.seeded_for_tests(CONFIG, 42) as engine:
        yield engine
