"""Roles read in the agenda's language: known titles through the catalog, part by part."""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

import pytest

from liqa.core.i18n import translator
from liqa.core.missionfile import load_event
from liqa.core.outputs.agenda import build_agenda
from liqa.core.outputs.roles import is_known, role_label
from liqa.core.outputs.settings import OutputSettings
from liqa.core.outputs.sheets import host_sheets
from liqa.core.templating import render
from tests.core.outputs.mission import make_event, make_schedule

SETTINGS = OutputSettings()
ROOT = Path(__file__).resolve().parents[3]
MINISTRY_AR = "وزارة الانتقال الرقمي وإصلاح الإدارة"


def _role(title: str, lang: str) -> str:
    return translator(lang).pgettext("role", title)


@pytest.mark.parametrize("lang", ["ar", "fr"])
def test_a_known_title_is_the_catalogs_and_a_compound_one_is_translated_part_by_part(
    lang: str,
) -> None:
    comma, semicolon = (", ", "; ") if lang == "fr" else ("\u060c ", "\u061b ")
    assert role_label("Secretary General", lang) == _role("Secretary General", lang)
    assert role_label("chief executive officer", lang) == _role("Chief Executive Officer", lang)
    assert role_label("Secretary General, head of delegation", lang) == (
        _role("Secretary General", lang) + comma + _role("head of delegation", lang)
    )
    assert role_label("Board member; Chief Information Officer of a Moroccan bank", lang) == (
        _role("Board member", lang)
        + semicolon
        + _role("Chief Information Officer of a Moroccan bank", lang)
    )


def test_an_unknown_role_is_shown_as_entered_and_english_is_left_alone() -> None:
    assert role_label("Head of Cyber Defence, Casablanca", "ar") == (
        "Head of Cyber Defence, Casablanca"
    )
    assert role_label("Secretary General, head of delegation", "en") == (
        "Secretary General, head of delegation"
    )


def test_arabic_agenda_subtitle_gives_the_role_in_the_agendas_language() -> None:
    """The Arabic subtitle read "Secretary General، وزارة …": the role as entered, in English,
    and the whole line isolated left to right with the Arabic name inside it."""
    agenda = build_agenda(make_event(), make_schedule(), "p-lamrani", "ar", SETTINGS)
    role = _role("Secretary General", "ar")
    assert agenda.subtitle_parts == (role, MINISTRY_AR)
    assert agenda.subtitle == f"{role}\u060c {MINISTRY_AR}"
    french = build_agenda(make_event(), make_schedule(), "p-lamrani", "fr", SETTINGS)
    assert french.subtitle_parts[0] == _role("Secretary General", "fr")


def test_a_latin_role_in_an_arabic_subtitle_is_isolated_apart_from_the_arabic_name() -> None:
    agenda = build_agenda(make_event(), make_schedule(), "p-alaoui", "ar", SETTINGS)
    html = render("agenda.html", "ar", agenda=agenda, inline_css="")
    assert (
        f'<div class="muted"><bdi class="ltr">Director of e-Government</bdi>، {MINISTRY_AR}</div>'
        in html
    )


def test_host_roles_on_agendas_and_host_sheets_read_in_the_readers_language() -> None:
    event = make_event()
    people = tuple(
        replace(p, role="Chief Executive Officer") if p.id == "p-lee" else p for p in event.people
    )
    event = replace(event, people=people)
    agenda = build_agenda(event, make_schedule(), "p-benali", "fr", SETTINGS)
    roles = {
        p.name: p.role for d in agenda.days for e in d.entries for s in e.sides for p in s.people
    }
    assert roles["David Lee"] == _role("Chief Executive Officer", "fr")
    visitors = [
        v
        for sheet in host_sheets(event, make_schedule(), "fr")
        for visit in sheet.visits
        for v in visit.visitors
    ]
    assert {v.name: v.role for v in visitors}["Sarah Lamrani"] == _role("Secretary General", "fr")


@pytest.mark.parametrize("example", ["morocco-us-digital-2024", "brokerage-day"])
def test_every_role_of_the_bundled_examples_is_known(example: str) -> None:
    """The demo's agendas read wholly in Arabic and French once the catalog translates the
    titles: no role of the examples falls back to its English wording."""
    event = load_event(ROOT / "examples" / example / "mission.yaml")
    unknown = sorted({p.role for p in event.people if p.role and not is_known(p.role)})
    assert unknown == []
