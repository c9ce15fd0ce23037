"""Mission file format versions: 'liqa: 2' reads a time without an offset as local time of
its place (else of its leg), 'liqa: 1' (files of older liqa) as local time of its leg."""

from __future__ import annotations

from datetime import datetime, timedelta
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest

from liqa.core.missionfile import dumps_event, load_event, mission_schema, parse_event
from liqa.core.missionfile.values import FORMAT_VERSION, FORMAT_VERSIONS
from liqa.core.model import Event
from liqa.core.problems import InputError
from tests.core.missionfile.factories import VALID, brief, mutate, problems_of

ROOT = Path(__file__).parents[2]
DEMO = ROOT / "examples" / "morocco-us-digital-2024" / "mission.yaml"
EXAMPLES = sorted((ROOT / "examples").glob("**/mission.yaml"))
CENTRAL = ZoneInfo("America/Chicago")
PACIFIC = ZoneInfo("America/Los_Angeles")

# What liqa before the place rule exported of the seed mission's travel day (16 February,
# a day of the Silicon Valley leg): the Houston check-out and the flight in Pacific time.
OLD_TRAVEL_DAY = {
    'start: "2024-02-16T06:30:00-06:00"': 'start: "2024-02-16 04:30"',
    'end: "2024-02-16T07:30:00-06:00"': 'end: "2024-02-16 05:30"',
    'start: "2024-02-16T09:05:00-06:00"': 'start: "2024-02-16 07:05"',
    'end: "2024-02-16T11:20:00-08:00"': 'end: "2024-02-16 11:20"',
}


def versioned(text: str, version: int) -> str:
    """``text`` (saying 'liqa: 2') saying 'liqa: {version}' instead."""
    return mutate("\nliqa: 2\n", f"\nliqa: {version}\n", "\n" + text)[1:]


def seed_without_offsets(version: int) -> str:
    """The seed mission as older liqa exported it, saying 'liqa: {version}'."""
    text = DEMO.read_text(encoding="utf-8")
    for given, old in OLD_TRAVEL_DAY.items():
        assert text.count(given) == 1, given
        text = text.replace(given, old)
    return versioned(text, version)


def travel_day(event: Event) -> list[datetime]:
    """The check-out's start and end, then the flight's (departure and landing)."""
    items = {p.id: p for p in event.programme}
    return [
        moment
        for key in ("prog-transfer-iah", "prog-flight")
        for moment in (items[key].start, items[key].end)
    ]


def on_16_february(*times: tuple[int, int, ZoneInfo]) -> list[datetime]:
    """Instants of 16 February 2024 from (hour, minute, zone)."""
    return [datetime(2024, 2, 16, hour, minute, tzinfo=zone) for hour, minute, zone in times]


def test_liqa_writes_version_2_and_reads_both() -> None:
    assert FORMAT_VERSION == 2
    assert tuple(mission_schema()["properties"]["liqa"]["enum"]) == FORMAT_VERSIONS == (1, 2)
    assert dumps_event(load_event(DEMO)).startswith("liqa: 2\n")


@pytest.mark.parametrize("example", EXAMPLES, ids=lambda path: path.parent.name)
def test_each_example_says_version_2_and_means_the_same_read_by_either_rule(
    example: Path,
) -> None:
    text = example.read_text(encoding="utf-8")
    assert "\nliqa: 2\n" in text
    assert parse_event(versioned(text, 1), "v1.yaml") == parse_event(text, "v2.yaml")


def test_the_old_export_of_the_seed_reads_as_before_the_place_rule_under_version_1() -> None:
    old = parse_event(seed_without_offsets(1), "old.yaml")
    assert travel_day(old) == on_16_february(
        (4, 30, PACIFIC), (5, 30, PACIFIC), (7, 5, PACIFIC), (11, 20, PACIFIC)
    )
    assert old == load_event(DEMO)  # every instant of the mission, not only these


def test_the_same_text_under_version_2_reads_houston_times_as_central() -> None:
    new = parse_event(seed_without_offsets(2), "new.yaml")
    assert travel_day(new) == on_16_february(
        (4, 30, CENTRAL),
        (5, 30, CENTRAL),
        (7, 5, CENTRAL),
        (11, 20, PACIFIC),  # lands at SJC
    )
    two_hours = timedelta(hours=2)
    assert travel_day(new)[:3] == [t - two_hours for t in travel_day(load_event(DEMO))[:3]]


@pytest.mark.parametrize("example", EXAMPLES, ids=lambda path: path.parent.name)
def test_write_then_read_is_exact_for_version_2(example: Path) -> None:
    event = load_event(example)
    text = dumps_event(event)
    back = parse_event(text, "written.yaml")
    assert back == event
    assert [(p.start.utcoffset(), p.end.utcoffset()) for p in back.programme] == [
        (p.start.utcoffset(), p.end.utcoffset()) for p in event.programme
    ]
    assert dumps_event(back) == text


def test_the_writer_gives_the_travel_days_houston_times_on_houston_clocks() -> None:
    text = dumps_event(load_event(DEMO))
    assert "    start: 2024-02-16 06:30\n    end: 2024-02-16 07:30\n" in text
    assert "    start: 2024-02-16 09:05\n    end: 2024-02-16 11:20\n" in text


def test_checks_follow_the_version_too() -> None:
    """A flight leaving Houston at 09:05 and landing in San José at 08:00 local time is in
    order under the place rule (07:05 Pacific, then 08:00), backwards under the leg rule."""
    text = VALID.replace(
        "venues:\n",
        "venues:\n"
        "  - {id: v-iah, name: IAH, city: Houston, timezone: America/Chicago}\n"
        "  - {id: v-sjc, name: SJC, city: San Jose, timezone: America/Los_Angeles}\n",
    ) + (
        "  - id: prog-flight\n"
        "    kind: flight\n"
        "    title: Flight\n"
        '    start: "2024-02-16 09:05"\n'
        '    end: "2024-02-16 08:00"\n'
        "    venue: v-iah\n"
        "    end_venue: v-sjc\n"
    )
    assert brief(problems_of(text)) == []
    [(_line, path, message, _hint, code)] = brief(problems_of(versioned(text, 1)))
    assert (path, code) == ("programme[1].end", "end_before_start")
    assert "2024-02-16 08:00" in message


@pytest.mark.parametrize(("given", "shown"), [("0", "0"), ("3", "3"), ("x", "'x'"), ('"2"', "'2'")])
def test_an_unsupported_version_says_which_liqa_reads(given: str, shown: str) -> None:
    text = mutate("liqa: 2\n", f"liqa: {given}\n")
    with pytest.raises(InputError) as caught:
        parse_event(text, "m.yaml")
    assert [(p.path, p.message, p.hint, p.code) for p in caught.value.problems] == [
        (
            "liqa",
            f"unsupported format version {shown}",
            "this liqa reads 'liqa: 1' or 'liqa: 2'",
            "bad_value",
        )
    ]
