"""Signals the accounts app sends where no model of the event changes (the audit trail
listens: :mod:`liqa.web.audit.receivers`)."""

from __future__ import annotations

from django.dispatch import Signal

host_role_changed = Signal()
"""Sent with ``event`` (the row), ``organization`` (its key), ``before`` and ``after`` (the
host administrator's e-mail address before and after; ``""`` for none) when a host
administrator's role is granted or withdrawn: a :class:`~liqa.web.accounts.models.Membership`
changes, which is not one of the event's own records."""

host_mail_composing = Signal()
"""Sent with ``member`` (a host administrator's
:class:`~liqa.web.accounts.models.Membership`) and ``lang`` while their sign-in e-mail is
written, and ``memo``: the :class:`~liqa.web.accounts.host_mail_memo.HostMailMemo` one
round of e-mails shares (``None`` for a single e-mail), where a receiver keeps what every
administrator of a host is told alike (the agendas app keeps the host's agenda there:
built once per host and language). Each receiver answers a dict the e-mail's template
context is updated with (the agendas app answers the host's name and its published visits:
the published programme is above this app)."""
