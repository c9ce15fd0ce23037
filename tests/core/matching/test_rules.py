"""Organizer rules: sides, same organization, met before."""

from datetime import UTC, datetime

import numpy as np

from liqa.core.matching.profiles import Party
from liqa.core.matching.rules import Exclusion, MatchRules, Pairing, event_rules
from liqa.core.model import (
    Event,
    EventKind,
    Leg,
    MeetingRequest,
    Organization,
    Outcome,
    OutcomeKind,
    RequestStatus,
    Side,
)


def party(pid: str, org: str, side: Side) -> Party:
    return Party(pid, org, side, pid)


DELEGATE = party("p-1", "DGSSI", Side.DELEGATION)
COLLEAGUE = party("p-2", "DGSSI", Side.DELEGATION)
OTHER_DELEGATE = party("p-3", "ADD", Side.DELEGATION)
HOST = party("p-4", "CYBERCO", Side.HOST)
HOST_COLLEAGUE = party("p-5", "CYBERCO", Side.HOST)
ANYONE = party("p-6", "CHAMBER", Side.BOTH)


def test_exclusion_never_the_same_party() -> None:
    assert MatchRules().exclusion(DELEGATE, DELEGATE) == Exclusion.SAME_PARTY


def test_exclusion_never_two_people_of_one_organization() -> None:
    assert MatchRules(Pairing.ANY).exclusion(DELEGATE, COLLEAGUE) == Exclusion.SAME_ORGANIZATION


def test_exclusion_delegation_meets_hosts_only_in_a_mission() -> None:
    rules = MatchRules(Pairing.OPPOSITE_SIDES)
    assert rules.exclusion(DELEGATE, OTHER_DELEGATE) == Exclusion.SAME_SIDE
    assert rules.exclusion(DELEGATE, HOST) is None
    assert rules.exclusion(DELEGATE, ANYONE) is None


def test_exclusion_any_pairing_allows_same_side() -> None:
    assert MatchRules(Pairing.ANY).exclusion(DELEGATE, OTHER_DELEGATE) is None


def test_exclusion_met_before_by_party_or_by_organization() -> None:
    by_party = MatchRules(met_before=frozenset({frozenset({"p-1", "p-4"})}))
    by_org = MatchRules(met_before=frozenset({frozenset({"DGSSI", "CYBERCO"})}))
    assert by_party.exclusion(DELEGATE, HOST) == Exclusion.MET_BEFORE
    assert by_party.exclusion(DELEGATE, HOST_COLLEAGUE) is None
    assert by_org.exclusion(COLLEAGUE, HOST_COLLEAGUE) == Exclusion.MET_BEFORE


def test_allowed_matrix_agrees_with_exclusion_for_every_pair() -> None:
    parties = [DELEGATE, COLLEAGUE, OTHER_DELEGATE, HOST, HOST_COLLEAGUE, ANYONE]
    rules = MatchRules(met_before=frozenset({frozenset({"p-3", "CYBERCO"})}))
    expected = np.array([[rules.exclusion(a, b) is None for b in parties] for a in parties])
    assert rules.allowed_matrix(parties, parties).tolist() == expected.tolist()


def test_event_rules_take_met_before_from_held_meetings() -> None:
    leg = Leg(
        "l", "Rabat", "Africa/Casablanca", datetime(2024, 2, 1).date(), datetime(2024, 2, 2).date()
    )
    event = Event(
        "e",
        EventKind.TRADE_MISSION,
        {"en": "E"},
        (leg,),
        organizations=(
            Organization("DGSSI", "DGSSI", Side.DELEGATION),
            Organization("CYBERCO", "CyberCo", Side.HOST),
            Organization("CLOUDCO", "CloudCo", Side.HOST),
        ),
        requests=(
            MeetingRequest("r-1", "DGSSI", "CYBERCO", status=RequestStatus.ACCEPTED),
            MeetingRequest("r-2", "DGSSI", "CLOUDCO", status=RequestStatus.ACCEPTED),
        ),
        outcomes=(
            Outcome("r-1", OutcomeKind.HELD, recorded_at=datetime(2024, 2, 1, tzinfo=UTC)),
            Outcome("r-2", OutcomeKind.NO_SHOW),
        ),
    )
    assert event_rules(event).met_before == frozenset({frozenset({"DGSSI", "CYBERCO"})})
