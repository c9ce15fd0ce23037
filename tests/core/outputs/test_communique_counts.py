"""A brokerage communiqué counts the participants and their organizations as the report does.

The draft counted only the participants who had a meeting, where the report
(:func:`liqa.core.outputs.report.compute_figures`) counts every participant of a brokerage
event and their organizations. Both now count the report's way; the draft no longer says
that each of them "took part in" meetings, and says how many had one when not all did.
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import replace
from datetime import date
from functools import cache
from pathlib import Path

import pytest

from liqa.core.missionfile import load_event
from liqa.core.model import BrokerageSetup, Event, EventKind, Leg, OrgKind, Schedule, Session
from liqa.core.outputs.communique import build_communique
from liqa.core.outputs.report import compute_figures
from liqa.core.scheduling.planning import PlanSettings, plan_event
from tests.core.outputs.mission import (
    CYBER_MEETING,
    LAMRANI_CALL,
    make_event,
    make_schedule,
    valley,
)

EXAMPLES = Path(__file__).resolve().parents[3] / "examples"


@cache
def planned(name: str) -> tuple[Event, Schedule]:
    """An example planned once per test process."""
    event = load_event(EXAMPLES / name / "mission.yaml")
    return event, plan_event(event, PlanSettings(time_limit=1.0)).schedule


def numbers(text: str) -> list[int]:
    return [int(n) for n in re.findall(r"\d+", text)]


@pytest.mark.parametrize("lang", ["en", "fr"])
def test_the_brokerage_demo_counts_participants_and_organizations_as_the_report(
    lang: str,
) -> None:
    event, schedule = planned("brokerage-day")
    figures = compute_figures(event, schedule, lang)
    communique = build_communique(event, schedule, lang)
    who = communique.paragraphs[1]
    said = numbers(who)
    assert said[:2] == [figures.participants, figures.organizations], who
    # more than a dozen organizations: counted by kind, the kinds adding up to them all
    kinds = Counter(
        o.kind for o in event.organizations if o.id in {p.organization for p in event.people}
    )
    assert len(kinds) > 2
    assert sum(said[2 : 2 + len(kinds)]) == figures.organizations, who
    assert "public institution" not in who
    if lang == "en":
        companies = kinds[OrgKind.COMPANY]
        represented = f"They represented {figures.organizations} organizations: {companies} "
        assert f"{represented}companies, " in who, who


def b2b_day() -> tuple[Event, Schedule]:
    """The hand-built mission as a one-day brokerage event: five people from four
    organizations, three of whom have a meeting (Youssef Alaoui and NASA's Jane Smith have
    none)."""
    day = date(2024, 2, 15)
    event = make_event(
        kind=EventKind.BROKERAGE,
        legs=(Leg("valley", "Silicon Valley", "America/Los_Angeles", day, day),),
        programme=(),
        visits=(),
        brokerage=BrokerageSetup(
            "v-cyber", 30, 10, (Session("morning", valley(15, 9), valley(15, 12)),)
        ),
    )
    lee = replace(LAMRANI_CALL, start=valley(15, 10), end=valley(15, 10, 30), table=2)
    cyber = replace(CYBER_MEETING, start=valley(15, 9), end=valley(15, 9, 30))
    return event, make_schedule(1, cyber, lee)


def test_a_brokerage_draft_counts_every_participant_and_says_how_many_met() -> None:
    event, schedule = b2b_day()
    figures = compute_figures(event, schedule, "en")
    assert (figures.participants, figures.organizations) == (5, 4)
    met = sum(1 for _, count in figures.per_participant if count)
    assert met == 3
    who = build_communique(event, schedule, "en").paragraphs[1]
    assert who.startswith(
        "The event brought together 5 participants for pre-arranged one-to-one meetings. "
        "They represented 4 organizations: Ministry of Digital Transition and Administrative "
        "Reform, General Directorate for Information Systems Security, NASA Johnson Space "
        "Center, and CyberCorp. 3 of them had at least one meeting. In all, 2 meetings were "
        "arranged"
    ), who


def test_a_brokerage_draft_where_everyone_met_adds_nothing() -> None:
    event, schedule = b2b_day()
    people = tuple(p for p in event.people if p.id not in {"p-alaoui", "p-smith"})
    event = replace(event, people=people)
    figures = compute_figures(event, schedule, "en")
    assert figures.participants == 3
    who = build_communique(event, schedule, "en").paragraphs[1]
    assert who.startswith("The event brought together 3 participants for ")
    assert "of them had" not in who
