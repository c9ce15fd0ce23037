"""The report and the communiqué count one outcome per meeting even when an event is given
two for one meeting (the later one replaces the earlier, as recording again on the web
does): the meeting corrected from no-show to held was counted once each way, and a
partnership entered twice was two partnerships."""

from __future__ import annotations

from datetime import UTC, datetime

from liqa.core.model import FollowUp, Outcome, OutcomeKind
from liqa.core.outputs.communique import build_communique
from liqa.core.outputs.report import compute_figures
from tests.core.outputs.mission import CYBER_MEETING, NASA_VISIT, make_event, make_schedule

LATER = datetime(2030, 1, 1, tzinfo=UTC)
"""Long after the mission: the communiqué says what was held."""


def test_the_report_counts_a_meeting_given_two_outcomes_once_by_the_later() -> None:
    outcomes = (
        Outcome(NASA_VISIT.id, OutcomeKind.NO_SHOW),
        Outcome(CYBER_MEETING.id, OutcomeKind.HELD),
        Outcome(NASA_VISIT.id, OutcomeKind.HELD, FollowUp.MOU, notes="corrected"),
    )
    event = make_event(outcomes=outcomes)
    figures = compute_figures(event, make_schedule(), "en")
    assert figures.held == 2
    # three meetings: two held, the call not recorded yet (no no-show any more)
    assert figures.outcomes == (("held", 2), ("not recorded yet", 1))
    assert figures.follow_ups == (("memorandum of understanding", 1),)
    assert [a.notes for a in figures.agreed] == ["corrected"]
    assert event.outcomes == outcomes[1:]  # the later one, where the meeting came first


def test_the_communique_counts_a_partnership_entered_twice_once() -> None:
    twice = Outcome(CYBER_MEETING.id, OutcomeKind.HELD, FollowUp.PARTNERSHIP)
    event = make_event(outcomes=(twice, twice))
    said = "\n".join(build_communique(event, make_schedule(), "en", LATER).paragraphs)
    assert "They led to 1 partnership." in said, said
    assert "2 partnerships" not in said, said
