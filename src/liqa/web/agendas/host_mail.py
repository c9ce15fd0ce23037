"""What a host administrator's sign-in e-mail says of their host: its name and the visits
the published programme makes to it, each on the host's clock with its zone."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from liqa.core.outputs.labels import isolate, org_name
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
    sender: object, *, member: Membership, lang: str, **_kwargs: object
) -> dict[str, object]:
    """Receiver of ``accounts.signals.host_mail_composing``: :func:`host_mail_context`."""
    return host_mail_context(member, lang)


def host_mail_context(member: Membership, lang: str) -> dict[str, object]:
    """The host's name (``host``) and its published visits (``visits``, in time order;
    empty before publication) for ``accounts/email_host.txt``, read in ``lang``."""
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
    return {"host": host, "visits": visits}
