"""Whether an e-mail was delivered, in numbers the organizer can trust.

A mail backend that prints, files or drops its messages (the console backend is the default
outside production) accepts every message and delivers none: a message handed to it is
*not set up*, never *sent*. :func:`deliver` hands one message to the configured backend and
says which it was; :class:`Tally` counts the outcomes of a batch (the e-mails publishing a
version sent, the invitations) for the pages and the history.

A leaf module (settings and Django's mail only): the accounts and scheduling apps use it,
and the audit trail listens to :data:`e_mailed`.
"""

from __future__ import annotations

import smtplib
from dataclasses import asdict, dataclass
from typing import Any

from django.conf import settings
from django.core.mail import send_mail
from django.dispatch import Signal

NOT_DELIVERING = (
    "django.core.mail.backends.console.EmailBackend",
    "django.core.mail.backends.dummy.EmailBackend",
    "django.core.mail.backends.filebased.EmailBackend",
)
"""Mail backends that accept every message and deliver none: e-mail is not set up (the
console backend is the default outside production)."""

NOT_SET_UP = "NotSetUp"
"""How a message handed to a backend of :data:`NOT_DELIVERING` is recorded (the start of a
notification's ``error``): not delivered, to send again once e-mail is set up."""

ONE_MESSAGE = (smtplib.SMTPRecipientsRefused, smtplib.SMTPSenderRefused, smtplib.SMTPDataError)
"""Errors that concern one message: the next one may still go through."""

e_mailed = Signal()
"""Sent once a batch of e-mails about a published version was handed to the mail backend
(``version``: the ScheduleVersion; ``before``: its :class:`Tally` as a dict before this
batch, ``None`` for the publication's own; ``after``: the tally now), so that the history
records how many were delivered."""


def backend() -> str:
    """The configured mail backend's dotted path."""
    mailers: dict[str, dict[str, object]] = getattr(settings, "MAILERS", {})
    return str(mailers.get("default", {}).get("BACKEND", ""))


def mail_delivers() -> bool:
    """False when the configured mail backend only prints, files or drops the messages."""
    return backend() not in NOT_DELIVERING


def not_set_up_error() -> str:
    """The error recorded for a message handed to a backend that delivers nothing."""
    return f"{NOT_SET_UP}: {backend().rsplit('.', 2)[-2]} delivers nothing"


def deliver(subject: str, body: str, to: str) -> str:
    """Hand one message to the configured mail backend: "" once a delivering backend
    accepted it, :func:`not_set_up_error` when e-mail is not set up (the message is still
    handed over: the console shows it to whoever runs the server), else raise the backend's
    error (``smtplib.SMTPException`` or ``OSError``)."""
    send_mail(subject, body, None, [to])
    return "" if mail_delivers() else not_set_up_error()


@dataclass(frozen=True)
class Tally:
    """How many messages a batch concerned (``total``: one per person) and what came of
    them: ``sent`` (accepted by a delivering backend), ``not_set_up`` (e-mail is not set up
    on the server), ``failed`` (the mail server refused or could not be reached),
    ``no_address`` (the person has no e-mail address) and ``pending`` (not tried yet:
    the mail host was down before their turn, or the process stopped)."""

    total: int = 0
    sent: int = 0
    not_set_up: int = 0
    failed: int = 0
    no_address: int = 0
    pending: int = 0

    def as_json(self) -> dict[str, Any]:
        """The tally as the history records it (counts only, no address)."""
        return asdict(self)


def outcome(email: str, sent: bool, error: str) -> str:
    """Which :class:`Tally` count one message belongs to."""
    if sent:
        return "sent"
    if not email:
        return "no_address"
    if error.startswith(NOT_SET_UP):
        return "not_set_up"
    return "failed" if error else "pending"


def tally(outcomes: list[tuple[str, bool, str]]) -> Tally:
    """The :class:`Tally` of messages given as (address, sent, error)."""
    counts = dict.fromkeys(("sent", "not_set_up", "failed", "no_address", "pending"), 0)
    for email, sent, error in outcomes:
        counts[outcome(email, sent, error)] += 1
    return Tally(total=len(outcomes), **counts)
