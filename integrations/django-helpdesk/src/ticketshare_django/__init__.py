"""External ticket sharing for django-helpdesk, decided by the ticketshare engine.

The app stores what the engine returns (shares, code challenges, notes, audit events) and
renders the pages; every decision (permissions, expiry, codes, what a collaborator may see)
is the engine's. See README.md for the settings.
"""

__version__ = "0.1.0"
