"""A mission file with two outcomes for one meeting is refused, with one problem naming both
entries, the meeting and how to fix it (both were accepted, and both counted in the report
and the communiqué)."""

from __future__ import annotations

from liqa.core.missionfile import validate_text
from tests.core.missionfile.factories import VALID, brief, line_of, problems_of

OUTCOMES = """\
outcomes:
  - {assignment: r-1, kind: held, follow_up: mou}
  - {assignment: vis-nasa, kind: held}
  - {assignment: prog-briefing, kind: held}
  - {assignment: r-1, kind: no_show}
"""

HINT = "a meeting has one outcome: keep one of the two entries and delete the other"


def test_two_outcomes_for_one_meeting_are_one_problem_naming_both_entries() -> None:
    text = VALID + OUTCOMES
    assert brief(problems_of(text, "trip.yaml")) == [
        (
            line_of(text, "{assignment: r-1, kind: no_show}"),
            "outcomes[3].assignment",
            "two outcomes for 'r-1': outcomes[0] and outcomes[3]",
            HINT,
            "duplicate_outcome",
        )
    ]
    assert {p.file for p in problems_of(text, "trip.yaml")} == {"trip.yaml"}
    # kept one: the file is valid, each meeting's outcome read once
    event, problems = validate_text(text.replace("  - {assignment: r-1, kind: no_show}\n", ""), "m")
    assert (problems, [o.assignment for o in event.outcomes] if event else None) == (
        [],
        ["r-1", "vis-nasa", "prog-briefing"],
    )


def test_each_further_outcome_of_a_meeting_names_the_first_one() -> None:
    text = VALID + OUTCOMES + "  - {assignment: r-1, kind: held}\n"
    assert [(p.path, p.message) for p in problems_of(text)] == [
        ("outcomes[3].assignment", "two outcomes for 'r-1': outcomes[0] and outcomes[3]"),
        ("outcomes[4].assignment", "two outcomes for 'r-1': outcomes[0] and outcomes[4]"),
    ]
