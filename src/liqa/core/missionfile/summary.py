"""A one-screen summary of an event, as rows of (label, text) for any front end."""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable

from liqa.core.model import Event, Side, pick


def summary(event: Event, lang: str = "en") -> list[tuple[str, str]]:
    """Rows describing ``event``: title, legs, parties, requests, visits, programme."""
    days = (event.end - event.start).days + 1
    rows = [
        ("Event", f"{pick(event.title, lang)} ({event.id})"),
        (
            "Kind",
            f"{event.kind.value.replace('_', ' ')}, {event.start} → {event.end} ({_days(days)})",
        ),
    ]
    for leg in sorted(event.legs, key=lambda leg: leg.start):
        count = len(leg.days())
        rows.append(
            (
                f"Leg {leg.id}",
                f"{leg.city} · {leg.timezone} · {leg.start} → {leg.end} ({_days(count)})",
            )
        )
    sides = Counter(org.side for org in event.organizations)
    rows.append(
        (
            "Organizations",
            f"{len(event.organizations)}: {sides[Side.DELEGATION]} delegation, "
            f"{sides[Side.HOST]} host, {sides[Side.BOTH]} both",
        )
    )
    for side, label in ((Side.DELEGATION, "Delegation"), (Side.HOST, "Hosts")):
        names = [org.label for org in event.organizations if org.side in (side, Side.BOTH)]
        if names:
            shown = ", ".join(names[:_SHOWN]) + (
                f", … (+{len(names) - _SHOWN})" if len(names) > _SHOWN else ""
            )
            rows.append((label, shown))
    side_of = {org.id: org.side for org in event.organizations}
    people_sides = Counter(side_of.get(person.organization) for person in event.people)
    rows.append(
        (
            "People",
            f"{len(event.people)}: {people_sides[Side.DELEGATION]} delegation, "
            f"{people_sides[Side.HOST]} host, {people_sides[Side.BOTH]} both sides",
        )
    )
    rows.append(
        ("Requests", _counted(len(event.requests), (r.status.value for r in event.requests)))
    )
    if event.visits:
        required = sum(1 for visit in event.visits if visit.required)
        rows.append(("Visits", f"{len(event.visits)} candidate visits, {required} required"))
    rows.append(
        ("Programme", _counted(len(event.programme), (i.kind.value for i in event.programme)))
    )
    if event.brokerage is not None:
        setup = event.brokerage
        rows.append(
            (
                "Brokerage",
                f"{len(setup.sessions)} sessions, {len(setup.slots())} slots of "
                f"{setup.slot_minutes} min, {setup.tables} tables",
            )
        )
    rows.append(("Venues", str(len(event.venues))))
    return rows


_SHOWN = 5


def _counted(total: int, labels: Iterable[str]) -> str:
    counts = Counter(labels)
    if not total:
        return "none"
    return f"{total}: " + ", ".join(f"{n} {label}" for label, n in sorted(counts.items()))


def _days(count: int) -> str:
    return "1 day" if count == 1 else f"{count} days"
