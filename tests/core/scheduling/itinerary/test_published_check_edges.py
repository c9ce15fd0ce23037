"""Edges of the published-itinerary check (``from_schedule.check_published``) on the demo
mission's stored plan: an optional visit the version lists as not made, made required
since, is missing; a visit that breaks two rules is listed under both; an event whose own
records cannot be planned is not checked, and the check says why (before: silently
"nothing to report", whatever the error)."""

from __future__ import annotations

import dataclasses
from datetime import timedelta
from functools import cache
from pathlib import Path

from liqa.core import model as core
from liqa.core.i18n import translator
from liqa.core.missionfile import load_event
from liqa.core.outputs.planfile import read_plan
from liqa.core.problems import Message
from liqa.core.scheduling.itinerary.from_schedule import (
    MISSING_REQUIRED,
    PublishedCheck,
    check_published,
)

ROOT = Path(__file__).resolve().parents[4]
DEMO = ROOT / "examples" / "morocco-us-digital-2024" / "mission.yaml"
PLAN = ROOT / "tests" / "web" / "data" / "demo_mission_plan.json"
"""The demo mission planned once and stored (the mission staleness tests' plan)."""
NOT_MADE = "vis-baylink"
"""The one optional visit the stored plan lists as not made."""
VISIT = "vis-tx-cyber"
"""A visit of the stored plan (Houston, Wednesday 14 February, 9:00)."""


@cache
def demo() -> tuple[core.Event, core.Schedule]:
    event = load_event(DEMO)
    return event, read_plan(PLAN, event).schedule


def with_visit(event: core.Event, key: str, **changes: object) -> core.Event:
    visits = tuple(
        dataclasses.replace(v, **changes) if v.id == key else v  # type: ignore[arg-type]
        for v in event.visits
    )
    return dataclasses.replace(event, visits=visits)


def published(schedule: core.Schedule, key: str) -> core.Assignment:
    return next(a for a in schedule.assignments if a.id == key)


def test_the_stored_plan_fits_the_demo_as_it_is() -> None:
    event, schedule = demo()
    assert [u.id for u in schedule.unplaced] == [NOT_MADE]
    assert not any(v.required for v in event.visits if v.id == NOT_MADE)
    assert check_published(event, schedule) == PublishedCheck()


def test_an_optional_visit_listed_as_not_made_then_made_required_is_missing() -> None:
    event, schedule = demo()
    changed = with_visit(event, NOT_MADE, required=True)
    found = check_published(changed, schedule)
    assert found.missing == (NOT_MADE,)
    assert found.unchecked == ()


def test_a_version_published_knowing_required_visits_were_missing_is_not_told_again() -> None:
    """Planned with required visits left out (its status says so): the visit it lists as not
    made may have been required already, and was published so knowingly."""
    event, schedule = demo()
    changed = with_visit(event, NOT_MADE, required=True)
    knowing = dataclasses.replace(
        schedule, provenance=dataclasses.replace(schedule.provenance, status=MISSING_REQUIRED)
    )
    assert check_published(changed, knowing).missing == ()


def test_a_visit_breaking_two_rules_is_listed_under_both() -> None:
    """Its host receives two hours later now, and its first attendee is available only
    from its end: the window and the availability (before: the first one found alone)."""
    event, schedule = demo()
    visit = published(schedule, VISIT)
    later = visit.start + timedelta(hours=2)
    changed = with_visit(
        event, VISIT, windows=(core.TimeWindow(later, later + timedelta(hours=4)),)
    )
    who = visit.attendees[0]
    people = tuple(
        dataclasses.replace(
            p, availability=(core.TimeWindow(visit.end, visit.end + timedelta(days=30)),)
        )
        if p.id == who
        else p
        for p in changed.people
    )
    changed = dataclasses.replace(changed, people=people)
    found = check_published(changed, schedule)
    rules = sorted(f.rule for f in found.broken if f.visit == VISIT)
    assert rules == ["availability", "window"]
    words = {f.rule: str(f.message) for f in found.broken if f.visit == VISIT}
    assert "outside its host's window now" in words["window"]
    assert "not available at" in words["availability"]


def test_an_event_that_cannot_be_planned_is_not_checked_and_says_why() -> None:
    """A visit's venue the event no longer has: the routing problem cannot be built, so
    nothing is checked, and the check names the problem (before: nothing to report)."""
    event, schedule = demo()
    changed = with_visit(event, VISIT, venue="v-nowhere")
    found = check_published(changed, schedule)
    assert (found.broken, found.gone, found.missing) == ((), (), ())
    assert len(found.unchecked) == 1
    (words,) = found.unchecked
    assert VISIT in str(words)
    assert "v-nowhere" in str(words)


def test_a_person_no_longer_available_is_named_in_arabic_for_an_arabic_reader() -> None:
    """The availability finding named the person in English whatever the reader's language."""
    event, schedule = demo()
    visit = published(schedule, VISIT)
    who = next(p for p in event.people if p.id in visit.attendees and p.name_ar)
    people = tuple(
        dataclasses.replace(
            p, availability=(core.TimeWindow(visit.end, visit.end + timedelta(days=30)),)
        )
        if p.id == who.id
        else p
        for p in event.people
    )
    found = check_published(dataclasses.replace(event, people=people), schedule)
    [message] = [f.message for f in found.broken if f.visit == VISIT and f.rule == "availability"]
    assert isinstance(message, Message)
    arabic = message.in_language(translator("ar").gettext, "ar")
    assert who.name_ar in arabic
    assert who.name not in arabic
