"""Regression tests for what the fuzzers found (see benchmarks/results/fuzz.md)."""

from __future__ import annotations

from liqa.core.missionfile import validate_text
from liqa.core.problems import Problem
from tests.fuzz.seeds import SEED_TEXTS


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
