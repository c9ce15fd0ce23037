"""Re-plan any event around a previous schedule, and say per person what changed.

The brokerage scheduler's minimal-change :func:`~liqa.core.scheduling.brokerage.replan.replan`
(pinned meetings stay in their slots; with the greedy method, the repaired previous
timetable alone; on request, every published meeting the change allows kept in place) or
the itinerary planner's :func:`~liqa.core.scheduling.itinerary.replan.replan` (subgroups,
days and order kept), by the event's kind; then, for each person whose agenda changed
(:func:`~liqa.core.outputs.agenda_changes.agenda_diff`: attendees, and a host's staff for
the visits to their organization), the meetings and visits moved, dropped or added, with
their old and new times in the local time of where they take place.
"""

from __future__ import annotations

import time
from dataclasses import replace
from typing import TYPE_CHECKING

from liqa.core.local_time import LocalTime
from liqa.core.model import Assignment, Event, EventKind, Schedule, pick
from liqa.core.outputs.agenda_changes import agenda_diff
from liqa.core.outputs.labels import display_names, isolate, item_titles
from liqa.core.outputs.timeline import zone_at
from liqa.core.problems import Message, Name
from liqa.core.scheduling.planning import (
    PlanOutcome,
    PlanSettings,
    Released,
    ReportWords,
    unplaced_lines,
)
from liqa.core.scheduling.progress import relative_gap

if TYPE_CHECKING:
    from collections.abc import Sequence

    from liqa.core.scheduling.brokerage import ReleasedMeeting


def replan_event(
    event: Event, previous: Schedule, settings: PlanSettings, *, keep_published: bool = False
) -> PlanOutcome:
    """A new version of ``previous`` for the changed ``event``, changing as little as possible.

    Keys of ``previous`` the event no longer has are left out (and show as dropped). A
    listener (``settings.on_progress``) hears one last report with the result's figures.
    ``keep_published`` (brokerage events): every meeting of ``previous`` the changed event
    still allows keeps its slot and table, and new or moved meetings go only where they fit
    (those that do not are unplaced, reason ``kept_in_place``); when no timetable keeps
    them all (every meeting required, fairness) the fewest move, and the report lists each
    with why, as it lists each one the change itself ruled out of its place (a party no
    longer available then, its table gone, a new fixed meeting there: :mod:`.not_kept`);
    ``released`` holds both, for every caller. Without it a meeting of higher priority may
    move the published meetings of others. An itinerary re-plan ignores it.
    """
    if event.kind is EventKind.BROKERAGE:
        return _replan_brokerage(event, previous, settings, keep_published)
    from liqa.core.scheduling.itinerary.progress import report_result
    from liqa.core.scheduling.itinerary.render import render_itinerary
    from liqa.core.scheduling.itinerary.replan import replan

    began = time.perf_counter()
    schedule, result, _changes = replan(event, previous)
    report_result(settings.on_progress, result, began=began)
    terms = dict(result.terms)
    w = ReportWords(settings.lang)
    value = w.gettext("value %(value)s", value=w.number(result.score))
    report = "\n".join(
        [
            w.gettext(
                "Re-plan of version %(version)s: %(figures)s",
                version=w.count(previous.version),
                figures=value,
            ),
            w.terms(terms),
            "",
            render_itinerary(event, schedule, settings.lang),
        ]
    )
    return PlanOutcome(
        schedule=schedule,
        status=schedule.provenance.status,
        objective=terms,
        bound=result.bound,
        gap=result.gap,
        report=report,
        bound_term=None if result.bound is None else "value",
    )


def _replan_brokerage(
    event: Event, previous: Schedule, settings: PlanSettings, keep_published: bool
) -> PlanOutcome:
    from liqa.core.scheduling.brokerage import Settings
    from liqa.core.scheduling.brokerage.from_event import previous_problem, to_schedule
    from liqa.core.scheduling.brokerage.replan import replan
    from liqa.core.scheduling.not_kept import not_kept, not_kept_detail

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
            method="greedy" if settings.method == "greedy" else "cpsat",
            on_progress=settings.on_progress,
        ),
        keep_published=keep_published,
    )
    schedule = to_schedule(event, problem, result, version=previous.version + 1)
    schedule = replace(
        schedule, provenance=replace(schedule.provenance, parent_version=previous.version)
    )
    released = _released(event, previous, result.released)
    extra: tuple[Released, ...] = ()
    if keep_published:
        listed = {r.meeting for r in released}
        extra = not_kept(event, problem, previous, schedule, listed)
    objective = {name: float(value) for name, value in result.objective.items()}
    solved = objective.get("weighted", objective.get("breaks"))
    w = ReportWords(settings.lang)
    figures = [
        f"{w.status(result.status.value)} ({w.method(result.method)})",
        w.seconds(result.seconds),
    ]
    report = "\n".join(
        [
            w.gettext(
                "Re-plan of version %(version)s: %(figures)s",
                version=w.count(previous.version),
                figures=w.figures(figures),
            ),
            w.terms(objective),
            w.placed(schedule),
            *unplaced_lines(event, schedule, w),
            *_released_lines(
                result.released, w, [not_kept_detail(event, problem, r) for r in extra]
            ),
        ]
    )
    return PlanOutcome(
        schedule=schedule,
        status=result.status.value,
        objective=objective,
        bound=result.bound,
        gap=None if result.gap is None else relative_gap(solved, result.bound),
        seconds=result.seconds,
        report=report,
        stopped=result.stopped,
        bound_term=result.bound_term,
        released=released + extra,
    )


def _released(
    event: Event, previous: Schedule, released: Sequence[ReleasedMeeting]
) -> tuple[Released, ...]:
    """Each released meeting with the start and table it had in ``previous``."""
    assert event.brokerage is not None
    starts = [slot.start for slot in event.brokerage.slots()]
    tables = {a.id: a.table for a in previous.assignments}
    return tuple(
        Released(r.meeting, starts[r.slot], tables.get(r.meeting), tuple(r.blocking))
        for r in released
    )


def _released_lines(
    released: Sequence[ReleasedMeeting], w: ReportWords, more: Sequence[str] = ()
) -> list[str]:
    """A heading and one line per published meeting a keep-in-place re-plan could not keep
    in place, saying why: those it released, then ``more`` (the words of those the change
    itself ruled out, :func:`.not_kept.not_kept_detail`); none when every one stayed."""
    details = [r.detail for r in released] + list(more)
    if not details:
        return []
    heading = w.gettext("Published meetings that could not stay in place:")
    return [heading, *(f"  - {w.message(detail)}" for detail in details)]


def _when(event: Event, a: Assignment) -> str:
    venue = next((v for v in event.venues if v.id == a.venue), None)
    at = LocalTime(a.start.astimezone(zone_at(event, a.start, venue)), dated=True)
    if a.table is not None:
        return Message("{time}, table {table}", time=at, table=a.table)
    return at


def _other_titles(event: Event, keys: set[str], lang: str) -> dict[str, str]:
    """Programme items by their title in ``lang``, lunches as such."""
    out: dict[str, str] = {p.id: pick(p.title, lang) or p.id for p in event.programme}
    out |= {key: Message("Lunch") for key in keys if key.startswith("lunch-")}
    return {key: out[key] for key in keys if key in out}


def _gone_titles(
    event: Event, before: dict[str, Assignment], keys: set[str], lang: str | None
) -> dict[str, str]:
    """Meetings the event no longer has (a cancelled request), named as
    :func:`~liqa.core.outputs.labels.item_titles` names a request, by their two parties
    ("A – B", names as read in ``lang``, each isolated where it runs against it; an id
    when the event no longer has that party), from the previous schedule; keys that had no
    parties are left out."""
    if lang is None:
        names = {o.id: o.name for o in event.organizations} | {p.id: p.name for p in event.people}
    else:
        # each name isolated where it runs against the language (a Latin name in Arabic)
        shown = display_names(event, lang)
        names = {pid: isolate(name, lang) for pid, name in shown.items()}
    return {
        key: " – ".join(
            names.get(pid, pid if lang is None else isolate(pid, lang))
            for pid in before[key].parties
        )
        for key in keys
        if key in before and before[key].parties
    }


def change_lines(
    event: Event, old: Schedule, new: Schedule, lang: str | None = None
) -> list[tuple[int, Message]]:
    """What changed from ``old`` to ``new`` on each person's agenda
    (:func:`~liqa.core.outputs.agenda_changes.agenda_diff`), in words, each line with its
    depth: a line per person (0, by id), then one per moved, dropped or added item (1, by
    time). Meetings and programme items are named as read in ``lang`` (the records' names
    and English titles without it); people by their names, which know their Arabic form."""
    names = {p.id: Name(p.name, ar=p.name_ar or "") for p in event.people}
    before = {a.id: a for a in old.assignments}
    after = {a.id: a for a in new.assignments}
    changes = agenda_diff(event, old, new)
    keys = {key for c in changes.values() for key in (*c.moved, *c.removed, *c.added)}
    titles = item_titles(event, keys, lang) | _other_titles(event, keys, lang or "en")
    untitled = {key for key in keys if titles.get(key, key) == key}
    titles |= _gone_titles(event, before, untitled, lang)
    lines: list[tuple[int, Message]] = []
    for pid, change in changes.items():
        lines.append((0, Message("{name} ({id}):", name=names.get(pid, pid), id=pid)))
        for key in sorted(change.moved, key=lambda k: (before[k].start, k)):
            lines.append(
                (
                    1,
                    Message(
                        "moved: {title} ({key}) from {old} to {new}",
                        title=titles[key],
                        key=key,
                        old=_when(event, before[key]),
                        new=_when(event, after[key]),
                    ),
                )
            )
        for key in sorted(change.removed, key=lambda k: (before[k].start, k)):
            lines.append(
                (
                    1,
                    Message(
                        "dropped: {title} ({key}), was {old}",
                        title=titles[key],
                        key=key,
                        old=_when(event, before[key]),
                    ),
                )
            )
        for key in sorted(change.added, key=lambda k: (after[k].start, k)):
            lines.append(
                (
                    1,
                    Message(
                        "added: {title} ({key}) at {new}",
                        title=titles[key],
                        key=key,
                        new=_when(event, after[key]),
                    ),
                )
            )
    return lines
