"""Signals the organizer's pages send for what no model's save records.

``invitations_sent`` (sent with ``event`` and ``invited``, the
:class:`liqa.web.delivery.Tally` of the invitations): the organizer e-mailed every
participant a sign-in link. The history
(``liqa.web.audit.receivers``) listens; nothing here knows it.
"""

from __future__ import annotations

from django.dispatch import Signal

invitations_sent = Signal()
