"""A one-screen summary of an event, as rows of (label, text) for any front end, in the
reader's language: ``summary(event, "fr")`` says each label, count and word in French with the
catalog's plural forms; ``summary(event)`` is the English one (what ``--json`` prints)."""

from __future__ import annotations

from collections import Counter
from datetime import date

from liqa.core.i18n import Plural, Translator, npgettext_noop, translator
from liqa.core.model import Event, EventKind, ProgrammeKind, RequestStatus, Side, pick
from liqa.core.outputs.labels import city_label, date_range, org_label
from liqa.core.outputs.labels import comma as list_comma
from liqa.core.problems import Message, translated

_SHOWN = 5


def summary(event: Event, lang: str = "en") -> list[tuple[str, str]]:
    """Rows describing ``event`` in ``lang``: title, legs, parties, requests, visits,
    programme. The English rows are the machine-readable ones (``liqa validate --json``)."""
    t = translator(lang)
    comma = list_comma(lang)
    days = (event.end - event.start).days + 1
    rows = [
        (t.gettext("Event"), f"{pick(event.title, lang)} ({event.id})"),
        (
            t.gettext("Kind"),
            f"{_event_kind(t, event.kind)}{comma}{_dates(event.start, event.end, lang)} "
            f"({_days(t, days)})",
        ),
    ]
    for leg in sorted(event.legs, key=lambda leg: leg.start):
        count = len(leg.days())
        rows.append(
            (
                str(translated(Message("Leg {leg}", leg=leg.id), t.gettext, lang)),
                f"{city_label(leg.city, lang)} · {leg.timezone} · "
                f"{_dates(leg.start, leg.end, lang)} ({_days(t, count)})",
            )
        )
    sides = Counter(org.side for org in event.organizations)
    rows.append(
        (
            t.gettext("Organizations"),
            f"{len(event.organizations)}: "
            + comma.join(t.counted(_ORGANIZATIONS_ON[side], sides[side]) for side in Side),
        )
    )
    for side, label in (
        (Side.DELEGATION, t.gettext("Delegation")),
        (Side.HOST, t.gettext("Hosts")),
    ):
        names = [
            org_label(org, lang) for org in event.organizations if org.side in (side, Side.BOTH)
        ]
        if names:
            shown = comma.join(names[:_SHOWN]) + (
                f"{comma}… (+{len(names) - _SHOWN})" if len(names) > _SHOWN else ""
            )
            rows.append((label, shown))
    side_of = {org.id: org.side for org in event.organizations}
    people_sides = Counter(side_of.get(person.organization) for person in event.people)
    rows.append(
        (
            t.gettext("People"),
            f"{len(event.people)}: "
            + comma.join(t.counted(_PEOPLE_ON[side], people_sides[side]) for side in Side),
        )
    )
    statuses = Counter(request.status for request in event.requests)
    rows.append(
        (
            t.gettext("Requests"),
            f"{len(event.requests)}: "
            + comma.join(
                t.counted(_REQUESTS[status], statuses[status])
                for status in sorted(statuses, key=lambda status: status.value)
            )
            if event.requests
            else t.pgettext("no requests", "none"),
        )
    )
    if event.visits:
        required = sum(1 for visit in event.visits if visit.required)
        visits = len(event.visits)
        rows.append(
            (
                t.gettext("Visits"),
                t.ngettext("%(num)d candidate visits", "%(num)d candidate visits", visits)
                % {"num": visits}
                + comma
                + t.npgettext("visits", "%(num)d required", "%(num)d required", required)
                % {"num": required},
            )
        )
    kinds = Counter(item.kind for item in event.programme)
    rows.append(
        (
            t.gettext("Programme"),
            f"{len(event.programme)}: "
            + comma.join(
                t.counted(_PROGRAMME[kind], kinds[kind])
                for kind in sorted(kinds, key=lambda kind: kind.value)
            )
            if event.programme
            else t.pgettext("no programme items", "none"),
        )
    )
    if event.brokerage is not None:
        setup = event.brokerage
        sessions, slots, tables = len(setup.sessions), len(setup.slots()), setup.tables
        rows.append(
            (
                t.gettext("Brokerage"),
                t.ngettext("%(num)d sessions", "%(num)d sessions", sessions) % {"num": sessions}
                + comma
                + t.ngettext(
                    "%(num)d slots of %(minutes)d min", "%(num)d slots of %(minutes)d min", slots
                )
                % {"num": slots, "minutes": setup.slot_minutes}
                + comma
                + t.ngettext("%(num)d tables", "%(num)d tables", tables) % {"num": tables},
            )
        )
    rows.append((t.gettext("Venues"), str(len(event.venues))))
    return rows


def _dates(start: date, end: date, lang: str) -> str:
    """From ``start`` to ``end`` as their reader writes them: ``2024-02-11 → 2024-02-21`` in
    English (as the summary always said it, and as ``--json`` keeps it), the catalog's
    range in French and Arabic (``11–21 février 2024``, one date for one day)."""
    if lang == "en":
        return f"{start.isoformat()} → {end.isoformat()}"
    return date_range(start, end, lang)


def _days(t: Translator, count: int) -> str:
    return t.ngettext("%(num)d day", "%(num)d days", count) % {"num": count}


def _event_kind(t: Translator, kind: EventKind) -> str:
    if kind is EventKind.BROKERAGE:
        return t.pgettext("event kind", "brokerage")
    return t.pgettext("event kind", "trade mission")


_ORGANIZATIONS_ON: dict[Side, Plural] = {
    Side.DELEGATION: npgettext_noop(
        "organizations by side", "%(num)d delegation", "%(num)d delegation"
    ),
    Side.HOST: npgettext_noop("organizations by side", "%(num)d host", "%(num)d host"),
    Side.BOTH: npgettext_noop("organizations by side", "%(num)d both", "%(num)d both"),
}
_PEOPLE_ON: dict[Side, Plural] = {
    Side.DELEGATION: npgettext_noop("people by side", "%(num)d delegation", "%(num)d delegation"),
    Side.HOST: npgettext_noop("people by side", "%(num)d host", "%(num)d host"),
    Side.BOTH: npgettext_noop("people by side", "%(num)d both sides", "%(num)d both sides"),
}
_REQUESTS: dict[RequestStatus, Plural] = {  # in the words of the web's overview
    RequestStatus.PROPOSED: npgettext_noop(
        "requests by status", "%(num)d proposed", "%(num)d proposed"
    ),
    RequestStatus.ACCEPTED: npgettext_noop(
        "requests by status", "%(num)d accepted", "%(num)d accepted"
    ),
    RequestStatus.DECLINED: npgettext_noop(
        "requests by status", "%(num)d declined", "%(num)d declined"
    ),
    RequestStatus.CANCELLED: npgettext_noop(
        "requests by status", "%(num)d cancelled", "%(num)d cancelled"
    ),
    RequestStatus.EXPIRED: npgettext_noop(
        "requests by status", "%(num)d expired", "%(num)d expired"
    ),
}
_PROGRAMME: dict[ProgrammeKind, Plural] = {
    ProgrammeKind.BRIEFING: npgettext_noop(
        "programme items by kind", "%(num)d briefing", "%(num)d briefing"
    ),
    ProgrammeKind.FLIGHT: npgettext_noop(
        "programme items by kind", "%(num)d flight", "%(num)d flight"
    ),
    ProgrammeKind.TRANSFER: npgettext_noop(
        "programme items by kind", "%(num)d transfer", "%(num)d transfer"
    ),
    ProgrammeKind.RECEPTION: npgettext_noop(
        "programme items by kind", "%(num)d reception", "%(num)d reception"
    ),
    ProgrammeKind.MEAL: npgettext_noop("programme items by kind", "%(num)d meal", "%(num)d meal"),
    ProgrammeKind.OTHER: npgettext_noop(
        "programme items by kind", "%(num)d other", "%(num)d other"
    ),
}
