"""The generated brokerage event is what its generator writes, and has the promised shape."""

from __future__ import annotations

import importlib.util
import sys
from collections import Counter
from datetime import date, datetime
from pathlib import Path
from types import ModuleType
from zoneinfo import ZoneInfo

import pytest

from liqa.core.missionfile import validate_file
from liqa.core.model import (
    Event,
    EventKind,
    MeetingRequest,
    Person,
    RequestStatus,
    Side,
    TimeWindow,
)
from tests.examples.conftest import BROKERAGE, Checked

CASABLANCA = ZoneInfo("Africa/Casablanca")


def _generator() -> ModuleType:
    spec = importlib.util.spec_from_file_location(
        "brokerage_day_generate", BROKERAGE.with_name("generate.py")
    )
    assert spec is not None
    assert spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module  # dataclasses look their module up there
    spec.loader.exec_module(module)
    return module


def _people_of(event: Event, party: str) -> list[Person]:
    """A request party is a person, or an organization standing for its members."""
    ids = {p.id for p in event.people}
    return [event.person(party)] if party in ids else event.members(party)


def _accepted(event: Event) -> list[MeetingRequest]:
    return [r for r in event.requests if r.status is RequestStatus.ACCEPTED]


def test_brokerage_file_is_exactly_what_the_generator_writes() -> None:
    generate = _generator()
    assert generate.render(generate.SEED) == BROKERAGE.read_text(encoding="utf-8")


@pytest.mark.slow
def test_brokerage_generator_with_another_seed_writes_another_valid_event(tmp_path: Path) -> None:
    generate = _generator()
    out = tmp_path / "other.yaml"
    assert generate.main(["--seed", "7", "--out", str(out)]) == 0
    event, problems = validate_file(out)
    assert [str(p) for p in problems] == []
    assert event is not None
    assert out.read_text(encoding="utf-8") != BROKERAGE.read_text(encoding="utf-8")
    assert len(event.people) == 120


def test_brokerage_file_validates_without_problems(brokerage_checked: Checked) -> None:
    event, problems = brokerage_checked
    assert [str(p) for p in problems] == []
    assert event is not None


def test_brokerage_is_one_day_in_casablanca(brokerage: Event) -> None:
    assert brokerage.kind is EventKind.BROKERAGE
    assert [(leg.city, leg.timezone, leg.start, leg.end) for leg in brokerage.legs] == [
        ("Casablanca", "Africa/Casablanca", date(2025, 10, 16), date(2025, 10, 16))
    ]
    assert sorted(brokerage.title) == ["ar", "en", "fr"]


def test_brokerage_setup_has_two_sessions_of_20_minute_slots_and_30_tables(
    brokerage: Event,
) -> None:
    setup = brokerage.brokerage
    assert setup is not None
    assert (setup.venue, setup.slot_minutes, setup.tables, setup.max_meetings_per_session) == (
        "v-hall",
        20,
        30,
        8,
    )
    sessions = [(s.id, s.start, s.end) for s in setup.sessions]
    assert sessions == [
        (
            "morning",
            datetime(2025, 10, 16, 9, 0, tzinfo=CASABLANCA),
            datetime(2025, 10, 16, 12, 20, tzinfo=CASABLANCA),
        ),
        (
            "afternoon",
            datetime(2025, 10, 16, 14, 0, tzinfo=CASABLANCA),
            datetime(2025, 10, 16, 17, 20, tzinfo=CASABLANCA),
        ),
    ]
    assert Counter(slot.session for slot in setup.slots()) == {"morning": 10, "afternoon": 10}


def test_brokerage_has_120_people_from_91_organizations_of_five_origins(brokerage: Event) -> None:
    assert len(brokerage.people) == 120
    assert len(brokerage.organizations) == 91
    assert Counter(o.country for o in brokerage.organizations) == {
        "MA": 46,
        "FR": 14,
        "ES": 10,
        "US": 8,
        "SN": 4,
        "CI": 4,
        "NG": 2,
        "ML": 1,
        "BF": 1,
        "GH": 1,
    }
    assert Counter(o.side for o in brokerage.organizations) == {
        Side.HOST: 41,
        Side.DELEGATION: 42,
        Side.BOTH: 8,
    }


def test_brokerage_sides_moroccan_hosts_foreign_delegation(brokerage: Event) -> None:
    sides = {(o.country == "MA", o.side) for o in brokerage.organizations if o.kind == "company"}
    assert sides == {(True, Side.HOST), (False, Side.DELEGATION)}


def test_brokerage_everything_is_fictional(brokerage: Event) -> None:
    assert [o.id for o in brokerage.organizations if not o.fictional] == []
    assert [p.id for p in brokerage.people if not p.fictional] == []
    assert [v.id for v in brokerage.venues if not v.fictional] == []


def test_brokerage_moroccan_names_in_latin_and_arabic(brokerage: Event) -> None:
    moroccan = {o.id for o in brokerage.organizations if o.country == "MA"}
    missing = [p.id for p in brokerage.people if p.organization in moroccan and not p.name_ar]
    assert missing == []
    assert [o.id for o in brokerage.organizations if o.country == "MA" and not o.name_ar] == []


def test_brokerage_themes_come_from_the_event_list(brokerage: Event) -> None:
    themes = set(brokerage.themes)
    assert len(themes) == 12
    assert [o.id for o in brokerage.organizations if not set(o.themes) <= themes] == []
    assert [p.id for p in brokerage.people if not set(p.themes) <= themes] == []


def test_brokerage_booths_are_tables_1_to_10_held_by_moroccan_exhibitors(
    brokerage: Event,
) -> None:
    booths = {p.table: p.organization for p in brokerage.people if p.table is not None}
    assert sorted(booths) == list(range(1, 11))
    assert {brokerage.organization(o).side for o in booths.values()} == {Side.HOST}


def test_brokerage_sixteen_people_have_partial_availability(brokerage: Event) -> None:
    windows = Counter(
        (w.start.strftime("%H:%M"), w.end.strftime("%H:%M"))
        for p in brokerage.people
        for w in p.availability
    )
    assert windows == {
        ("09:00", "12:20"): 6,
        ("14:00", "17:20"): 6,
        ("10:20", "17:20"): 2,
        ("09:00", "15:20"): 2,
    }


def test_brokerage_request_counts_by_status_and_priority(brokerage: Event) -> None:
    assert Counter(r.status for r in brokerage.requests) == {
        RequestStatus.ACCEPTED: 410,
        RequestStatus.PROPOSED: 38,
        RequestStatus.DECLINED: 22,
        RequestStatus.CANCELLED: 6,
    }
    assert Counter(r.priority for r in _accepted(brokerage)) == {1: 153, 2: 173, 3: 84}
    organizations = {o.id for o in brokerage.organizations}
    assert sum(r.target in organizations for r in brokerage.requests) == 10
    assert sum(r.session is not None for r in brokerage.requests) == 8


def test_brokerage_requests_never_pair_an_organization_with_itself(brokerage: Event) -> None:
    same = [
        r.id
        for r in brokerage.requests
        if {p.organization for p in _people_of(brokerage, r.requester)}
        & {p.organization for p in _people_of(brokerage, r.target)}
    ]
    assert same == []
    pairs = Counter(frozenset((r.requester, r.target)) for r in brokerage.requests)
    assert [pair for pair, n in pairs.items() if n > 1] == []


def test_brokerage_accepted_meetings_fit_each_persons_day(brokerage: Event) -> None:
    setup = brokerage.brokerage
    assert setup is not None
    slots = setup.slots()
    load: Counter[str] = Counter()
    for request in _accepted(brokerage):
        for party in (request.requester, request.target):
            load[_people_of(brokerage, party)[0].id] += 1
    overloaded = []
    for person in brokerage.people:  # at most 11 meetings in 20 free slots (5.5 in 10)
        free = [s for s in slots if person.is_available(TimeWindow(s.start, s.end))]
        if load[person.id] * 20 > len(free) * 11:
            overloaded.append(person.id)
    assert overloaded == []
    assert max(load.values()) == 11


def test_brokerage_fixed_meetings_sit_on_slot_starts_when_both_are_free(brokerage: Event) -> None:
    setup = brokerage.brokerage
    assert setup is not None
    starts = {s.start: s for s in setup.slots()}
    fixed = [r for r in brokerage.requests if r.fixed_start is not None]
    times = sorted(
        r.fixed_start.astimezone(CASABLANCA).strftime("%H:%M") for r in fixed if r.fixed_start
    )
    assert times == ["09:40", "10:20", "14:40", "16:00"]
    for request in fixed:
        assert request.fixed_start in starts
        slot = starts[request.fixed_start]
        people = _people_of(brokerage, request.requester) + _people_of(brokerage, request.target)
        assert [p.id for p in people if not p.is_available(TimeWindow(slot.start, slot.end))] == []
