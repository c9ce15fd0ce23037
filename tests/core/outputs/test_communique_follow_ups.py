"""The communiqué says what the meetings held led to (the follow-ups agreed, weightiest
first), for a mission and a brokerage event alike; nothing when none is agreed, and a
meeting not held agrees none."""

from __future__ import annotations

from dataclasses import replace
from datetime import UTC, datetime

import pytest

from liqa.core.missionfile import load_event
from liqa.core.model import Event, FollowUp, Outcome, OutcomeKind, Schedule
from liqa.core.outputs.communique import build_communique
from liqa.core.outputs.timeline import timeline
from liqa.core.scheduling.planning import PlanSettings, plan_event
from tests.core.outputs.test_communique_held import EXAMPLES

LATER = datetime(2030, 1, 1, tzinfo=UTC)
"""Long after either example: the event is over."""


def with_outcomes(
    name: str, recorded: list[tuple[OutcomeKind, FollowUp]]
) -> tuple[Event, Schedule]:
    """The example planned, its first meetings' outcomes as ``recorded``."""
    event = load_event(EXAMPLES / name / "mission.yaml")
    schedule = plan_event(event, PlanSettings(time_limit=1.0)).schedule
    meetings = [i for i in timeline(event, schedule) if i.is_meeting]
    outcomes = tuple(
        Outcome(m.id, kind, follow_up)
        for m, (kind, follow_up) in zip(meetings, recorded, strict=False)
    )
    return replace(event, outcomes=outcomes), schedule


@pytest.mark.parametrize("name", ["morocco-us-digital-2024", "brokerage-day"])
def test_the_draft_says_what_the_meetings_held_led_to(name: str) -> None:
    event, schedule = with_outcomes(
        name,
        [
            (OutcomeKind.HELD, FollowUp.CALL),
            (OutcomeKind.HELD, FollowUp.MOU),
            (OutcomeKind.HELD, FollowUp.PARTNERSHIP),
            (OutcomeKind.NO_SHOW, FollowUp.INVESTMENT_LEAD),  # not held: it led to nothing
            (OutcomeKind.HELD, FollowUp.PARTNERSHIP),
        ],
    )
    said = "\n".join(build_communique(event, schedule, "en", LATER).paragraphs)
    led = "They led to 2 partnerships, 1 memorandum of understanding, and 1 follow-up call."
    assert said.count(led) == 1, said


def test_nothing_agreed_says_nothing_of_it() -> None:
    event, schedule = with_outcomes(
        "brokerage-day", [(OutcomeKind.HELD, FollowUp.NONE), (OutcomeKind.NO_SHOW, FollowUp.MOU)]
    )
    said = "\n".join(build_communique(event, schedule, "en", LATER).paragraphs)
    assert "led to" not in said, said
