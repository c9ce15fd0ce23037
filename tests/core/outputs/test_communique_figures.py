"""The communiqué draft states the mission report's figures, and its opening names the
organizers.

Found on an organizer's QA walk of the demo (French, 1366 x 768): once one meeting's
outcome was recorded, the draft said "Le programme comprenait 1 rencontre professionnelle
avec 1 entreprise" where the report counted 23 meetings and visits with 23 hosts (the
draft counted only the meetings recorded as held); the English draft opened "— Commercial
Section, US Consulate General in Casablanca … organized", the organizers' names as the
subject right after the dateline's dash. The figures are compared with the report's own
(:func:`liqa.core.outputs.report.compute_figures`), the seed article's ones as literals.
"""

from __future__ import annotations

import re
from dataclasses import replace
from functools import cache
from pathlib import Path

import pytest

from liqa.core.i18n import translator
from liqa.core.missionfile import load_event
from liqa.core.model import Event, MeetingFormat, OutcomeKind, Schedule, organizer_name
from liqa.core.model import Outcome as CoreOutcome
from liqa.core.outputs.communique import build_communique, dateline, isolated_runs
from liqa.core.outputs.report import compute_figures
from liqa.core.outputs.timeline import timeline
from liqa.core.scheduling.planning import PlanSettings, plan_event
from tests.core.outputs.mission import LAMRANI_CALL, make_event, make_schedule

EXAMPLES = Path(__file__).resolve().parents[3] / "examples"
LANGS = ("en", "fr", "ar")


@cache
def planned(name: str) -> tuple[Event, Schedule]:
    """An example planned once per test process, with its first meeting recorded as held
    (as on the QA walk: one outcome recorded, the others still to come)."""
    event = load_event(EXAMPLES / name / "mission.yaml")
    schedule = plan_event(event, PlanSettings(time_limit=1.0)).schedule
    items = timeline(event, schedule)
    first = next(i for i in items if i.format is not MeetingFormat.PROGRAMME_ITEM)
    return replace(event, outcomes=(CoreOutcome(first.id, OutcomeKind.HELD),)), schedule


def numbers(text: str) -> list[int]:
    return [int(n) for n in re.findall(r"\d+", text)]


@pytest.mark.parametrize("lang", LANGS)
def test_the_demo_missions_draft_states_the_reports_figures(lang: str) -> None:
    event, schedule = planned("morocco-us-digital-2024")
    figures = compute_figures(event, schedule, lang)
    assert figures.held == 1  # one outcome recorded: the programme still counts every meeting
    assert figures.meetings > 1
    communique = build_communique(event, schedule, lang)
    lead, composition, programme = communique.paragraphs[:3]
    t = translator(lang)
    # the delegation: 15 members from 7 organizations (the seed article), as the report
    assert (figures.participants, figures.organizations) == (15, 7)
    participants = t.ngettext("%(num)d participant", "%(num)d participants", 15) % {"num": 15}
    assert participants in lead
    assert numbers(composition)[0] == figures.organizations
    # the meetings and visits of the published schedule, with every host organization met
    meetings = t.npgettext(
        "communique",
        "%(num)d professional meeting",
        "%(num)d professional meetings",
        figures.meetings,
    ) % {"num": figures.meetings}
    assert meetings in programme, programme
    # then how many of them were held so far: one outcome recorded (test_communique_held)
    held = t.ngettext(
        "So far, %(num)d of these meetings has been recorded as held.",
        "So far, %(num)d of these meetings have been recorded as held.",
        1,
    ) % {"num": 1}
    assert programme.endswith(f" {held}"), programme
    said = numbers(programme[programme.index(meetings) : -len(held)])
    assert said[0] == figures.meetings
    if lang != "ar":  # Arabic says one or two hosts of a kind by the noun, without a digit
        assert sum(said[1:]) == figures.hosts, programme  # the hosts met, kind by kind
    # the cities in the order visited, and the days (11 to 21 February 2024)
    houston, valley = (
        ("Houston", "Silicon Valley") if lang != "ar" else ("هيوستن", "وادي السيليكون")
    )
    assert houston in programme
    assert programme.index(houston) < programme.index(valley)
    assert "11" in lead
    assert "21" in lead
    assert communique.dateline.endswith("—")


@pytest.mark.parametrize("lang", LANGS)
def test_the_brokerage_days_draft_states_the_reports_figures(lang: str) -> None:
    event, schedule = planned("brokerage-day")
    figures = compute_figures(event, schedule, lang)
    assert figures.held == 1
    communique = build_communique(event, schedule, lang)
    who_and_held = communique.paragraphs[1]
    t = translator(lang)
    # the one meeting recorded as held so far, of those scheduled (test_communique_held)
    held = t.ngettext(
        "So far, %(num)d of the %(total)d meetings arranged has been recorded as held, "
        "mostly on %(themes)s.",
        "So far, %(num)d of the %(total)d meetings arranged have been recorded as held, "
        "mostly on %(themes)s.",
        figures.held,
    ) % {"num": figures.held, "total": figures.meetings, "themes": "\0"}
    held = held.split("\0")[0]  # up to the themes (Arabic says one meeting without a digit)
    assert held in who_and_held, who_and_held
    assert numbers(who_and_held)[:2] == [figures.participants, figures.organizations]


@pytest.mark.parametrize("lang", LANGS)
def test_the_demo_missions_draft_opens_with_the_organizers(lang: str) -> None:
    event, schedule = planned("morocco-us-digital-2024")
    communique = build_communique(event, schedule, lang)
    # a Latin acronym in an Arabic name is isolated (⁦USTDA⁩)
    names = [isolated_runs(organizer_name(names, lang), lang) for names in event.organizers]
    assert len(names) == 2
    assert all(names)
    opening = communique.lead.removeprefix(dateline(event, lang)).strip()
    first = opening.index(names[0])
    assert opening.index(names[1]) > first
    if lang == "en":  # not "— Commercial Section, US Consulate General … organized"
        # each a common-noun phrase, after "the" (test_communique_tense)
        assert opening.startswith(
            f"A trade mission organized by the {names[0]} and the {names[1]} "
        )
    else:  # "Une mission commerciale organisée par …", "بتنظيم من …"
        assert first < 40, opening


def test_one_meeting_with_one_host_reads_in_the_singular() -> None:
    """One meeting with one host: the singular of every plural form (ngettext)."""
    event = make_event()
    schedule = make_schedule(1, LAMRANI_CALL)
    texts = {lang: build_communique(event, schedule, lang).paragraphs[2] for lang in LANGS}
    assert "1 professional meeting with 1 company, which shared its" in texts["en"]
    assert "1 rencontre professionnelle avec 1 entreprise, qui a partagé son" in texts["fr"]
    assert compute_figures(event, schedule, "en").meetings == 1
