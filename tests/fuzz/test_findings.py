"""Regression tests for what the fuzzers found (see benchmarks/results/fuzz.md)."""

from __future__ import annotations

from pathlib import Path

import pytest

from liqa.core.missionfile import validate_text
from liqa.core.problems import InputError, Problem
from liqa.core.spreadsheets import import_event
from tests.fuzz.seeds import SEED_TEXTS
from tests.fuzz.tables import seed_events

KEPT = "add it back to the spreadsheet, or remove the reference from the base mission"


def test_mission_leg_ending_in_year_9999_is_a_problem_not_an_overflow() -> None:
    text = SEED_TEXTS["trade_mission.yaml"].replace("end: 2024-02-21", "end: 9999-12-31")
    assert validate_text(text, "m.yaml") == (
        None,
        [
            Problem(
                "m.yaml",
                "'9999-12-31' is not between 1900 and 2999",
                "check the year",
                line=18,
                path="legs[1].end",
                code="out_of_range",
            )
        ],
    )


def test_mission_in_year_1_is_refused_instead_of_written_unreadable() -> None:
    text = SEED_TEXTS["brokerage.yaml"].replace("2030-03-1", "0001-01-0")
    event, problems = validate_text(text, "m.yaml")
    assert event is None
    assert [(p.line, p.path, p.code) for p in problems[:3]] == [
        (12, "legs[0].start", "out_of_range"),
        (13, "legs[0].end", "out_of_range"),
        (49, "people[0].availability[0].start", "out_of_range"),
    ]


def test_programme_item_without_end_outside_the_legs_is_reported_not_a_key_error() -> None:
    text = (
        SEED_TEXTS["trade_mission.yaml"]
        .replace('    end: "2024-02-12 10:00"\n', "")
        .replace('start: "2024-02-12 08:30"', 'start: "2024-03-12 08:30"')
    )
    assert [str(p) for p in validate_text(text, "m.yaml")[1]] == [
        "m.yaml:60: programme[0]: missing required field 'end' (hint: add 'end:' here; write "
        "'YYYY-MM-DD HH:MM' (local time of the place, else of the leg) or ISO 8601 with an "
        "offset)",
        "m.yaml:60: programme[0]: programme item 2024-03-12 08:30 is outside the event's legs "
        "(houston 2024-02-11..2024-02-15, sv 2024-02-16..2024-02-21) (hint: fix the date, add "
        "a leg that covers it, or give an explicit offset)",
    ]


def test_session_without_start_outside_the_legs_is_reported_not_a_key_error() -> None:
    text = SEED_TEXTS["brokerage.yaml"].replace(
        '{id: morning, start: "2030-03-14 09:00", end: "2030-03-14 12:00"}',
        '{id: morning, end: "2031-03-14 12:00"}',
    )
    assert [(p.line, p.path, p.code) for p in validate_text(text, "m.yaml")[1]] == [
        (84, "brokerage.sessions[0]", "missing_field"),
        (84, "brokerage.sessions[0]", "outside_legs"),
    ]


def _import_problems(tmp_path: Path, name: str, content: str) -> list[Problem]:
    path = tmp_path / name
    path.write_text(content, encoding="utf-8")
    with pytest.raises(InputError) as raised:
        import_event([path], seed_events()["brokerage.yaml"])
    return raised.value.problems


def test_import_dropping_a_base_meeting_names_the_outcome_that_needs_it(tmp_path: Path) -> None:
    assert _import_problems(tmp_path, "requests.csv", "id,from,to\n") == [
        Problem(
            "the base mission",
            "outcomes[0].assignment names 'r-1', which the imported tables do not have",
            KEPT,
            path="outcomes[0].assignment",
            code="unknown_reference",
        )
    ]


def test_import_dropping_an_organization_names_the_kept_person_in_it(tmp_path: Path) -> None:
    table = "id,name,side\no-alpha,Alpha Pay,delegation\no-beta,Beta Bank,host\n"
    assert _import_problems(tmp_path, "organizations.csv", table) == [
        Problem(
            "the base mission",
            "people[p-chen].organization names 'o-gamma', which the imported tables do not have",
            KEPT,
            path="people[p-chen].organization",
            code="unknown_reference",
        )
    ]


def test_import_instants_in_year_9999_or_1_are_row_problems_not_overflows(
    tmp_path: Path,
) -> None:
    table = "id,from,to,fixed_start,created_at\n"
    table += "r-9,p-amina,p-chen,9999-12-31T23:59:59-12:00,0001-01-01T00:00:00+14:00\n"
    path = tmp_path / "requests.csv"
    assert _import_problems(tmp_path, "requests.csv", table) == [
        Problem(
            str(path),
            "0001-01-01T00:00:00+14:00 is not between 1900 and 2999",
            "check the year",
            row=2,
            column="created_at",
            code="bad_value",
        ),
        Problem(
            str(path),
            "9999-12-31T23:59:59-12:00 is not between 1900 and 2999",
            "check the year",
            row=2,
            column="fixed_start",
            code="bad_value",
        ),
    ]
