"""A meeting not placed names the few meetings in its way that matter most (those holding
its parties' free common slots, highest priority first; five at most, then how many
others), in the reader's language; the full list stays in ``blocking``."""

from __future__ import annotations

import dataclasses
import gettext
import io
import itertools
import json
from pathlib import Path

import pytest
from babel.messages.catalog import Catalog
from babel.messages.mofile import write_mo

from liqa.core.missionfile import load_event
from liqa.core.model import Event, MeetingRequest, RequestStatus, Schedule
from liqa.core.problems import Message, message_from_json, message_json, translated
from liqa.core.scheduling.brokerage import Meeting, Problem
from liqa.core.scheduling.brokerage.constraints.placement import allowed_slots
from liqa.core.scheduling.brokerage.explain import explain_released, explain_unplaced
from liqa.core.scheduling.brokerage.from_event import event_problem, previous_problem
from liqa.core.scheduling.brokerage.state import PartialTimetable
from liqa.core.scheduling.planning import PlanSettings, plan_event
from liqa.core.scheduling.replanning import replan_event
from tests.core.scheduling.brokerage.factories import people, slots

ROOT = Path(__file__).parents[3]
BROKERAGE = ROOT / "examples" / "brokerage-day" / "mission.yaml"
FEW = 5
ONE, MANY = "{names} and {n} other meeting", "{names} and {n} other meetings"
FR = (
    "{names} et {n} autre rendez-vous",
    "{names} et {n} autres rendez-vous",
    "{names} et {n} autres rendez-vous",
)
AR = tuple(
    "{names} و" + form
    for form in (
        "{n} لقاء آخر",
        "لقاء آخر واحد",
        "لقاءان آخران",
        "{n} لقاءات أخرى",
        "{n} لقاءً آخر",
        "{n} لقاء آخر",
    )
)


def _catalog(lang: str) -> gettext.GNUTranslations:
    """The catalog's plural message as the report gives it to the lead, compiled."""
    catalog = Catalog(locale=lang)  # CLDR's plural forms: French 3, Arabic 6
    catalog.add((ONE, MANY), FR if lang == "fr" else AR)
    buffer = io.BytesIO()
    write_mo(buffer, catalog)
    buffer.seek(0)
    return gettext.GNUTranslations(buffer)


def _names(words: str) -> list[str]:
    """The meetings a detail names between its brackets (kept-in-place wording)."""
    inside = words.split(" (", 1)[1].rsplit(");", 1)[0]
    return inside.split(" and ")[0].split("; ")


@pytest.fixture(scope="module")
def kept() -> tuple[Event, Schedule, Schedule, str, str]:
    """The brokerage day planned (greedy), then a must-meet request added between two
    participants without a booth who never meet and whose every slot is taken (at least
    one where both are free but every shared table is in use), re-planned keeping the
    published meetings in place: the new event, the first and second schedules, the
    English report line of the new request and the pair."""
    event = load_event(BROKERAGE)
    first = plan_event(event, PlanSettings(method="greedy")).schedule
    problem, timetable = previous_problem(event, first)
    state = PartialTimetable(problem)
    for p in timetable.placements:
        state.place(problem.meeting(p.meeting), p.slot)
    met = {frozenset(m.people) for m in problem.meetings}
    ids = sorted(p.id for p in problem.participants if p.table is None)
    pair = None
    for a, b in itertools.combinations(ids, 2):
        m = Meeting("x", (a, b))
        found = [state.obstacles(m, t) for t in allowed_slots(problem, m)]
        tables_only = sum({o.label for o in f} == {"tables"} for f in found)
        if frozenset((a, b)) not in met and found and all(found) and tables_only >= 3:
            pair = (a, b)
            break
    assert pair is not None
    request = MeetingRequest("r-late", pair[0], pair[1], priority=3, status=RequestStatus.ACCEPTED)
    changed = dataclasses.replace(event, requests=(*event.requests, request))
    outcome = replan_event(changed, first, PlanSettings(method="greedy"), keep_published=True)
    line = next(x for x in outcome.report.splitlines() if "(r-late)" in x)
    return changed, first, outcome.schedule, line, f"{pair[0]} {pair[1]}"


def test_a_keep_replan_names_five_meetings_and_counts_the_others(
    kept: tuple[Event, Schedule, Schedule, str, str],
) -> None:
    _, _, schedule, line, _ = kept
    (unplaced,) = [u for u in schedule.unplaced if u.id == "r-late"]
    assert unplaced.reason == "kept_in_place"
    assert len(unplaced.blocking) > 50  # every one stays available to code
    assert list(unplaced.blocking) == sorted(unplaced.blocking)
    others = len(unplaced.blocking) - FEW
    assert len(_names(str(unplaced.detail))) == FEW
    assert f" and {others} other meetings); re-plan without" in str(unplaced.detail)
    assert f" and {others} other meetings); re-plan without" in line
    assert len(line) < 600


def test_the_named_ones_hold_the_parties_free_common_slots_highest_priority_first(
    kept: tuple[Event, Schedule, Schedule, str, str],
) -> None:
    event, first, schedule, _, pair = kept
    a, b = pair.split()
    problem = event_problem(event)
    (unplaced,) = [u for u in schedule.unplaced if u.id == "r-late"]
    booths = {p.table for p in problem.participants if p.table is not None}
    busy = {x.start for x in first.assignments if {a, b} & set(x.parties)}
    holders = {
        x.id
        for x in first.assignments
        if x.start not in busy and x.table not in booths and x.id in unplaced.blocking
    }
    by_label = {problem.label(mid): mid for mid in unplaced.blocking}
    named = [by_label[label] for label in _names(str(unplaced.detail))]
    assert set(named) <= holders
    priority = {r.id: r.priority for r in event.requests}
    assert min(priority[n] for n in named) >= max(priority[h] for h in holders - set(named))


def test_the_words_read_in_french_and_arabic_and_survive_storage(
    kept: tuple[Event, Schedule, Schedule, str, str],
) -> None:
    _, _, schedule, _, _ = kept
    (unplaced,) = [u for u in schedule.unplaced if u.id == "r-late"]
    stored = message_from_json(
        str(unplaced.detail), json.loads(json.dumps(message_json(unplaced.detail)))
    )
    others = len(unplaced.blocking) - FEW
    for detail in (unplaced.detail, stored):
        assert isinstance(detail, Message)
        french = translated(detail, _catalog("fr").gettext, "fr")
        assert f" et {others} autres rendez-vous" in french
        arabic = translated(detail, _catalog("ar").gettext, "ar")
        assert f"و{others} لقاء" in arabic


def _lost(count: int) -> Message:
    """Participant a busy in each of ``count`` slots (priorities 1, 2, 3 in turn); meeting
    ``low`` (a with b, priority 1) explained against that timetable."""
    meetings = tuple(
        Meeting(f"m{t:03d}", ("a", f"x{t:03d}"), priority=1 + t % 3) for t in range(count)
    )
    low = Meeting("low", ("a", "b"))
    ids = ["a", "b", *(f"x{t:03d}" for t in range(count))]
    problem = Problem(
        slots=slots(count),
        tables=count,
        participants=people(*ids),
        meetings=(*meetings, low),
        require_all=False,
    )
    (unplaced,) = explain_unplaced(problem, {m.id: t for t, m in enumerate(meetings)})
    assert unplaced.reason == "lost_to_higher_priority"
    assert len(unplaced.blocking) == count
    assert isinstance(unplaced.detail, Message)
    return unplaced.detail


@pytest.mark.parametrize(("count", "form"), [(7, 2), (8, 3), (16, 4), (105, 5)])
def test_lost_to_higher_priority_names_the_highest_priority_first_in_every_plural_form(
    count: int, form: int
) -> None:
    """2, 3, 11 and 100 others: Arabic's dual, few, many and other forms."""
    detail = _lost(count)
    others = count - FEW
    first = sorted(range(count), key=lambda t: (-(1 + t % 3), t))[:FEW]
    names = "; ".join(f"m{t:03d}" for t in first)
    assert detail.startswith(
        "in every possible slot a and b are busy or the slot is full; it lost to "
        f"{names} and {others} other meetings ("
    )
    french = translated(detail, _catalog("fr").gettext, "fr")
    assert f"{names} et {others} autres rendez-vous" in french
    arabic = translated(detail, _catalog("ar").gettext, "ar")
    assert AR[form].format(names=names, n=others) in arabic


def test_six_meetings_in_the_way_are_all_named() -> None:
    detail = _lost(6)
    assert "it lost to m002; m005; m001; m004; m000; m003 (" in detail


def test_a_released_meeting_names_five_of_a_full_slot() -> None:
    held = tuple(Meeting(f"h{k}", (f"p{k}", f"q{k}"), priority=1 + k % 3) for k in range(8))
    mine = Meeting("mine", ("a", "b"))
    ids = ["a", "b", *(f"{s}{k}" for k in range(8) for s in "pq")]
    problem = Problem(
        slots=slots(2),
        tables=8,
        participants=people(*ids),
        meetings=(*held, mine),
        require_all=False,
    )
    placed = {m.id: 0 for m in held}
    released = explain_released(problem, placed, "mine", 0, ())
    assert released.blocking == tuple(sorted(placed))
    assert "its place now goes to h2; h5; h1; h4; h7 and 3 other meetings" in released.detail
