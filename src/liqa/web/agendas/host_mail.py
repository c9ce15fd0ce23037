"""What a host administrator's sign-in e-mail says of their host: its name and the visits
(a trade mission) or the meetings at the event's tables (a brokerage event) the published
programme gives it, each on the host's clock with its zone."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from liqa.core.model import EventKind
from liqa.core.outputs.labels import isolate, org_name
from liqa.web.accounts.host_mail_memo import HostMailMemo
from liqa.web.accounts.models import Membership


@dataclass(frozen=True)
class MailedVisit:
    """One published visit or meeting of the host, as the e-mail lists it."""

    start: datetime
    """Aware, on the clock of where it happens (the host's venue)."""
    end: datetime
    zones: str
    """The zone's short name beside the times (``CST``), isolated in Arabic."""
    title: str
    """As the host's agenda titles it, names isolated where they run against the language."""


def composing_host_mail(
    sender: object,
    *,
    member: Membership,
    lang: str,
    memo: HostMailMemo | None = None,
    **_kwargs: object,
) -> dict[str, object]:
    """Receiver of ``accounts.signals.host_mail_composing``: :func:`host_mail_context`."""
    return host_mail_context(member, lang, memo)


MEMO_NAME = "agendas.host-mail"
"""What this app's contexts are kept under in a round's :class:`HostMailMemo`."""


def host_mail_context(
    member: Membership, lang: str, memo: HostMailMemo | None = None
) -> dict[str, object]:
    """The host's name (``host``), its published visits or meetings (``visits``, in time
    order; empty before publication) and whether the event is a brokerage event, where the
    host meets participants at the event's tables rather than being visited
    (``brokerage``), for ``accounts/email_host.txt``, read in ``lang``.

    ``memo``: kept for one round of e-mails (``invite_participants``): a host with several
    administrators has its agenda read and built once per language, not once per
    administrator.
    """
    if memo is None:
        return _host_mail_context(member, lang)
    return memo.context(MEMO_NAME, member, lang, lambda: _host_mail_context(member, lang))


def _host_mail_context(member: Membership, lang: str) -> dict[str, object]:
    from liqa.web.agendas import domain
    from liqa.web.events.records import event_record

    event = event_record(member.event)
    try:
        host = isolate(org_name(event.organization(member.organization), lang), lang)
    except KeyError:  # the organization left the event since
        host = member.organization
    agenda = domain.agenda_of(member.event, member.organization, lang)  # the published one
    entries = [e for day in agenda.days for e in day.entries] if agenda is not None else []
    visits = [
        MailedVisit(e.start, e.end, e.zones, e.print_title or e.title)
        for e in entries
        if e.kind != "programme"
    ]
    return {"host": host, "visits": visits, "brokerage": event.kind == EventKind.BROKERAGE}
