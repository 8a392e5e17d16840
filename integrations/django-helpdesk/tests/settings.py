"""The demo's settings for the tests: SQLite by default, PostgreSQL when
``TICKETSHARE_TEST_DATABASE=postgres`` (``PGHOST``, ``PGPORT``, ``PGUSER``, ``PGPASSWORD``)."""

import os
import tempfile

from demo_site.settings import *  # noqa: F401,F403

DEBUG = False
ALLOWED_HOSTS = ["*"]
MEDIA_ROOT = tempfile.mkdtemp(prefix="ticketshare-media-")
PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
TICKETSHARE_PUBLIC_URL = "https://help.example.com"

if os.environ.get("TICKETSHARE_TEST_DATABASE") == "postgres":
    DATABASES = {
        "default": {
            "ENGINE": "django.db.backends.postgresql",
            "NAME": "ticketshare",
            "HOST": os.environ.get("PGHOST", "127.0.0.1"),
            "PORT": os.environ.get("PGPORT", "5432"),
            "USER": os.environ.get("PGUSER", "postgres"),
            "PASSWORD": os.environ.get("PGPASSWORD", "postgres"),
        }
    }
else:
    DATABASES = {
        "default": {
            "ENGINE": "django.db.backends.sqlite3",
            "NAME": os.path.join(tempfile.gettempdir(), "ticketshare-tests.sqlite3"),
            # A file, so that threads share it; one writer at a time, from BEGIN.
            "TEST": {"NAME": os.path.join(tempfile.mkdtemp(prefix="ticketshare-db-"), "test.sqlite3")},
            "OPTIONS": {"transaction_mode": "IMMEDIATE", "timeout": 20},
        }
    }
