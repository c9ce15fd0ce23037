"""The communiqué says "held" only of meetings recorded as held.

The draft said "In all, 410 meetings were held" of every scheduled meeting, and that the
delegation "first held meetings in Houston", before any outcome was recorded (a press
release written before or during the mission, or after it by an organizer who records no
outcomes). Until an outcome is recorded the meetings are said to be arranged; once outcomes
are recorded, the draft says how many were held, as the mission report counts them
(:attr:`liqa.core.outputs.report.Figures.held`), not the scheduled count: so far, while
some meetings have no outcome recorded (test_communique_tense), in all once every one has.

The French and Arabic wording of the new sentences ("arranged", "of these meetings") is
checked literally below and needs the catalog's translations; the wording that was already
translated ("were held", "held meetings in") is checked in every language.
"""

from __future__ import annotations

import re
from dataclasses import replace
from functools import cache
from pathlib import Path

import pytest

from liqa.core.i18n import translator
from liqa.core.missionfile import load_event
from liqa.core.model import Event, MeetingFormat, Outcome, OutcomeKind, Schedule
from liqa.core.outputs.communique import build_communique
from liqa.core.outputs.report import compute_figures
from liqa.core.outputs.timeline import timeline
from liqa.core.scheduling.planning import PlanSettings, plan_event

EXAMPLES = Path(__file__).resolve().parents[3] / "examples"
LANGS = ("en", "fr", "ar")
HELD_OF_MEETINGS = {
    # the catalog's wording of meetings held, in every sentence that says it
    "en": ("held meetings", "held its meetings", "were held", "was held,", "was held."),
    "fr": (
        "a d’abord tenu des rencontres",
        "a tenu ses rencontres",
        "rendez-vous s'est tenu",
        "rendez-vous se sont tenus",
    ),
    "ar": ("أجرى أعضاء الوفد", "أجرى الوفد لقاءاته", "وعُقد في المجموع", "وعُقدت في المجموع"),
}


@cache
def planned(name: str) -> tuple[Event, Schedule]:
    """An example planned once per test process, no outcome recorded."""
    event = load_event(EXAMPLES / name / "mission.yaml")
    return event, plan_event(event, PlanSettings(time_limit=1.0)).schedule


def recorded(name: str, held: int, missed: int) -> tuple[Event, Schedule]:
    """The example with its first ``held`` meetings recorded as held and the ``missed``
    next ones as a no-show and cancelled, in turn (the others still to record)."""
    event, schedule = planned(name)
    meetings = [
        i for i in timeline(event, schedule) if i.format is not MeetingFormat.PROGRAMME_ITEM
    ]
    missing = (OutcomeKind.NO_SHOW, OutcomeKind.CANCELLED)
    outcomes = [Outcome(m.id, OutcomeKind.HELD) for m in meetings[:held]]
    outcomes += [
        Outcome(m.id, missing[n % 2]) for n, m in enumerate(meetings[held : held + missed])
    ]
    return replace(event, outcomes=tuple(outcomes)), schedule


def text(event: Event, schedule: Schedule, lang: str) -> str:
    return "\n".join(build_communique(event, schedule, lang).paragraphs)


def numbers(text: str) -> list[int]:
    return [int(n) for n in re.findall(r"\d+", text)]


# --- the demo mission ----------------------------------------------------------------------


@pytest.mark.parametrize("lang", LANGS)
def test_the_demo_missions_draft_before_any_outcome_says_no_meeting_was_held(lang: str) -> None:
    event, schedule = planned("morocco-us-digital-2024")
    assert compute_figures(event, schedule, lang).held is None
    draft = text(event, schedule, lang)
    said = [words for words in HELD_OF_MEETINGS[lang] if words in draft]
    assert not said, draft
    if lang == "en":
        assert (
            "Meetings were arranged for the delegation first in Houston, then in Silicon Valley."
            in draft
        ), draft
    assert "were held." not in draft  # no count of meetings held: none is recorded


@pytest.mark.parametrize("lang", LANGS)
def test_the_demo_missions_draft_says_how_many_meetings_were_held(lang: str) -> None:
    event, schedule = recorded("morocco-us-digital-2024", held=5, missed=2)
    figures = compute_figures(event, schedule, lang)
    assert figures.held == 5
    programme = build_communique(event, schedule, lang).paragraphs[2]
    t = translator(lang)
    # the programme still counts every meeting and visit, as the report does
    meetings = t.npgettext(
        "communique",
        "%(num)d professional meeting",
        "%(num)d professional meetings",
        figures.meetings,
    ) % {"num": figures.meetings}
    assert meetings in programme, programme
    held = t.ngettext(
        "So far, %(num)d of these meetings has been recorded as held.",
        "So far, %(num)d of these meetings have been recorded as held.",
        5,
    ) % {"num": 5}
    assert programme.endswith(held), programme
    # meetings were held: the delegation held them in Houston, then went on
    assert HELD_OF_MEETINGS[lang][0] in programme, programme
    if lang == "en":  # 7 outcomes recorded of the programme's meetings: a count so far
        assert programme.endswith(" So far, 5 of these meetings have been recorded as held.")


@pytest.mark.parametrize("lang", ["fr", "ar"])
def test_the_demo_missions_held_count_in_french_and_arabic(lang: str) -> None:
    """Needs the catalog's translations of the new sentence."""
    event, schedule = recorded("morocco-us-digital-2024", held=5, missed=2)
    programme = build_communique(event, schedule, lang).paragraphs[2]
    expected = {
        "fr": " À ce jour, 5 de ces rencontres sont enregistrées comme tenues.",
        "ar": " سُجّل حتى الآن انعقاد 5 منها.",
    }[lang]
    assert programme.endswith(expected), programme


def test_the_demo_missions_draft_where_every_outcome_is_a_miss_holds_none() -> None:
    event, schedule = recorded("morocco-us-digital-2024", held=0, missed=3)
    assert compute_figures(event, schedule, "en").held == 0
    programme = build_communique(event, schedule, "en").paragraphs[2]
    assert programme.startswith("Meetings were arranged for the delegation first in Houston")
    assert programme.endswith(" So far, 0 of these meetings have been recorded as held.")


@pytest.mark.parametrize("lang", ["fr", "ar"])
def test_the_demo_missions_arranged_meetings_in_french_and_arabic(lang: str) -> None:
    """Needs the catalog's translations of the new sentence."""
    event, schedule = planned("morocco-us-digital-2024")
    programme = build_communique(event, schedule, lang).paragraphs[2]
    expected = {
        "fr": "Des rencontres ont été organisées pour la délégation d’abord à Houston, puis "
        "dans la Silicon Valley.",
        "ar": "رُتّبت للوفد لقاءات أولا في هيوستن، ثم في وادي السيليكون.",
    }[lang]
    assert programme.startswith(expected), programme


# --- the brokerage demo --------------------------------------------------------------------


@pytest.mark.parametrize("lang", LANGS)
def test_the_brokerage_demos_draft_before_any_outcome_says_the_meetings_were_arranged(
    lang: str,
) -> None:
    event, schedule = planned("brokerage-day")
    figures = compute_figures(event, schedule, lang)
    assert figures.held is None
    draft = text(event, schedule, lang)
    said = [words for words in HELD_OF_MEETINGS[lang] if words in draft]
    assert not said, draft
    who = build_communique(event, schedule, lang).paragraphs[1]
    assert numbers(who)[-1] == figures.meetings, who  # the scheduled count, arranged
    expected = {
        "en": f"In all, {figures.meetings} meetings were arranged, mostly on ",
        "fr": f"Au total, {figures.meetings} rendez-vous ont été organisés, principalement sur ",
        "ar": f"ورُتّبت في المجموع {figures.meetings} لقاءات، تناولت أساسا ",
    }[lang]
    if lang == "en":  # French and Arabic: with the catalog's translations
        assert expected in who, who


@pytest.mark.parametrize("lang", ["fr", "ar"])
def test_the_brokerage_demos_arranged_meetings_in_french_and_arabic(lang: str) -> None:
    """Needs the catalog's translations of the new sentence."""
    event, schedule = planned("brokerage-day")
    scheduled = compute_figures(event, schedule, lang).meetings
    who = build_communique(event, schedule, lang).paragraphs[1]
    expected = {
        "fr": f"Au total, {scheduled} rendez-vous ont été organisés, principalement sur ",
        "ar": f"ورُتّبت في المجموع {scheduled} لقاءات، تناولت أساسا ",
    }[lang]
    assert expected in who, who


@pytest.mark.parametrize("lang", LANGS)
def test_the_brokerage_demos_draft_counts_the_meetings_held_not_those_scheduled(
    lang: str,
) -> None:
    event, schedule = recorded("brokerage-day", held=7, missed=3)
    figures = compute_figures(event, schedule, lang)
    assert figures.held == 7
    assert figures.meetings > 10
    who = build_communique(event, schedule, lang).paragraphs[1]
    t = translator(lang)
    held = t.ngettext(
        "So far, %(num)d of the %(total)d meetings arranged has been recorded as held, "
        "mostly on %(themes)s.",
        "So far, %(num)d of the %(total)d meetings arranged have been recorded as held, "
        "mostly on %(themes)s.",
        7,
    ) % {"num": 7, "total": figures.meetings, "themes": "\0"}
    assert held.split("\0")[0] in who, who  # 7 held so far, of the meetings scheduled
    if lang == "en":
        assert (
            f"So far, 7 of the {figures.meetings} meetings arranged have been recorded as held, "
            "mostly on " in who
        ), who


def test_the_brokerage_demos_draft_where_no_meeting_was_held_says_none() -> None:
    event, schedule = recorded("brokerage-day", held=0, missed=4)
    who = build_communique(event, schedule, "en").paragraphs[1]
    scheduled = compute_figures(event, schedule, "en").meetings
    assert who.endswith(
        f"So far, 0 of the {scheduled} meetings arranged have been recorded as held."
    ), who


def test_an_outcome_for_an_item_not_in_the_schedule_counts_for_nothing() -> None:
    """As the report counts (``Figures.held``): a held outcome recorded for a request that
    is not in the schedule (left out, or a stale key) does not turn the draft's "arranged"
    meetings into "0 held" ones."""
    event, schedule = planned("morocco-us-digital-2024")
    stray = replace(event, outcomes=(Outcome("not-in-the-schedule", OutcomeKind.HELD),))
    assert text(stray, schedule, "en") == text(event, schedule, "en")
