#!/usr/bin/env python
"""The demo helpdesk: django-helpdesk with ticket sharing, on SQLite.

    python manage.py migrate && python manage.py ticketshare_demo && python manage.py runserver
"""
import os
import sys

if __name__ == "__main__":
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "demo_site.settings")
    from django.core.management import execute_from_command_line

    execute_from_command_line(sys.argv)
