"""Re-plan any event around a previous schedule, and say per person what changed.

The brokerage scheduler's minimal-change :func:`~liqa.core.scheduling.brokerage.replan.replan`
(pinned meetings stay in their slots) or the itinerary planner's
:func:`~liqa.core.scheduling.itinerary.replan.replan` (subgroups, days and order kept), by
the event's kind; then, for each person, the meetings and visits moved, dropped or added,
with their old and new times in the local time of where they take place.
"""

from __future__ import annotations

from dataclasses import dataclass, replace

from liqa.core.local_time import LocalTime
from liqa.core.model import Assignment, Event, EventKind, Schedule, pick
from liqa.core.outputs.labels import item_titles
from liqa.core.outputs.timeline import zone_at
from liqa.core.problems import Message
from liqa.core.scheduling.planning import PlanOutcome, PlanSettings


@dataclass(frozen=True)
class PersonChanges:
    """What changed in one person's schedule (assignments of the old and new schedules)."""

    person: str
    moved: tuple[tuple[Assignment, Assignment], ...] = ()
    dropped: tuple[Assignment, ...] = ()
    added: tuple[Assignment, ...] = ()


def replan_event(event: Event, previous: Schedule, settings: PlanSettings) -> PlanOutcome:
    """A new version of ``previous`` for the changed ``event``, changing as little as possible.

    Keys of ``previous`` the event no longer has are left out (and show as dropped).
    """
    if event.kind is EventKind.BROKERAGE:
        return _replan_brokerage(event, previous, settings)
    from liqa.core.scheduling.itinerary.render import render_itinerary
    from liqa.core.scheduling.itinerary.replan import replan

    schedule, result, _changes = replan(event, previous)
    terms = dict(result.terms)
    report = "\n".join(
        [
            f"Re-plan of version {previous.version}: value {result.score:g}",
            "Objective terms: " + ", ".join(f"{k} = {v:g}" for k, v in terms.items()),
            "",
            render_itinerary(event, schedule),
        ]
    )
    return PlanOutcome(
        schedule=schedule,
        status=schedule.provenance.status,
        objective=terms,
        bound=result.bound,
        gap=result.gap,
        report=report,
    )


def _replan_brokerage(event: Event, previous: Schedule, settings: PlanSettings) -> PlanOutcome:
    from liqa.core.scheduling.brokerage import Settings
    from liqa.core.scheduling.brokerage.from_event import previous_problem, to_schedule
    from liqa.core.scheduling.brokerage.replan import replan

    assert event.brokerage is not None  # the mission file's checks require it
    problem, kept = previous_problem(event, previous)
    result, _diff = replan(
        problem,
        kept,
        Settings(
            time_limit=settings.time_limit,
            workers=settings.workers,
            seed=settings.seed,
            log=settings.log,
            on_progress=settings.on_progress,
        ),
    )
    schedule = to_schedule(event, problem, result, version=previous.version + 1)
    schedule = replace(
        schedule, provenance=replace(schedule.provenance, parent_version=previous.version)
    )
    objective = {name: float(value) for name, value in result.objective.items()}
    report = "\n".join(
        [
            f"Re-plan of version {previous.version}: {result.status.value} ({result.method}), "
            f"{result.seconds:.1f} s",
            "Objective terms: " + ", ".join(f"{k} = {v:g}" for k, v in objective.items()),
            f"Meetings placed: {len(schedule.assignments)}; not placed: {len(schedule.unplaced)}",
        ]
    )
    return PlanOutcome(
        schedule=schedule,
        status=result.status.value,
        objective=objective,
        bound=result.bound,
        seconds=result.seconds,
        report=report,
        stopped=result.stopped,
    )


def _where(a: Assignment) -> tuple[object, ...]:
    return (a.start, a.end, a.venue, a.table, a.group)


def person_changes(old: Schedule, new: Schedule) -> list[PersonChanges]:
    """Per person whose schedule changed (by id): assignments moved (other time, place,
    table or subgroup), dropped and added."""
    people = sorted({pid for s in (old, new) for a in s.assignments for pid in a.attendees})
    out = []
    for pid in people:
        before = {a.id: a for a in old.for_person(pid)}
        after = {a.id: a for a in new.for_person(pid)}
        moved = tuple(
            (before[key], after[key])
            for key in sorted(before.keys() & after.keys(), key=lambda k: before[k].start)
            if _where(before[key]) != _where(after[key])
        )
        dropped = tuple(before[k] for k in before if k not in after)
        added = tuple(after[k] for k in after if k not in before)
        if moved or dropped or added:
            out.append(PersonChanges(pid, moved, dropped, added))
    return out


def _when(event: Event, a: Assignment) -> str:
    venue = next((v for v in event.venues if v.id == a.venue), None)
    at = LocalTime(a.start.astimezone(zone_at(event, a.start, venue)), dated=True)
    if a.table is not None:
        return Message("{time}, table {table}", time=at, table=a.table)
    return at


def _other_titles(event: Event, keys: set[str]) -> dict[str, str]:
    """Programme items by their English title, lunches as such."""
    out: dict[str, str] = {p.id: pick(p.title, "en") or p.id for p in event.programme}
    out |= {key: Message("Lunch") for key in keys if key.startswith("lunch-")}
    return {key: out[key] for key in keys if key in out}


def change_lines(event: Event, changes: list[PersonChanges]) -> list[tuple[int, Message]]:
    """The changes in words, each with its depth: a line per person (0), then one per moved,
    dropped or added item (1)."""
    names = {p.id: p.name for p in event.people}
    keys = {a.id for c in changes for a in (*c.dropped, *c.added, *(pair[0] for pair in c.moved))}
    titles = item_titles(event, keys) | _other_titles(event, keys)
    lines: list[tuple[int, Message]] = []
    for c in changes:
        lines.append(
            (0, Message("{name} ({id}):", name=names.get(c.person, c.person), id=c.person))
        )
        for before, after in c.moved:
            lines.append(
                (
                    1,
                    Message(
                        "moved: {title} ({key}) from {old} to {new}",
                        title=titles[before.id],
                        key=before.id,
                        old=_when(event, before),
                        new=_when(event, after),
                    ),
                )
            )
        for a in c.dropped:
            lines.append(
                (
                    1,
                    Message(
                        "dropped: {title} ({key}), was {old}",
                        title=titles[a.id],
                        key=a.id,
                        old=_when(event, a),
                    ),
                )
            )
        for a in c.added:
            lines.append(
                (
                    1,
                    Message(
                        "added: {title} ({key}) at {new}",
                        title=titles[a.id],
                        key=a.id,
                        new=_when(event, a),
                    ),
                )
            )
    return lines
