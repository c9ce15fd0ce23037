"""Titles agree with the person: a woman's role reads in its feminine form in French and
Arabic ("Secrétaire générale, cheffe de délégation", "الأمينة العامة، رئيسة الوفد").

The shipped catalog gets its ``role (feminine)`` entries from the translators; these tests
read a catalog made here from the shipped one plus a few feminine entries, so they check
liqa's choice of entry whatever the catalog holds today. The test at the end reads the
shipped catalog itself and says which feminine titles it still lacks.
"""

from __future__ import annotations

import subprocess
from dataclasses import replace
from pathlib import Path

import pytest

from liqa.core.i18n import translator
from liqa.core.missionfile import load_event
from liqa.core.model import Event, Gender
from liqa.core.outputs.agenda import build_agenda
from liqa.core.outputs.pdf import PdfJob, render_pdfs
from liqa.core.outputs.roles import FEMININE, TITLES, person_role, role_label
from liqa.core.outputs.settings import OutputSettings
from liqa.core.outputs.sheets import host_sheets
from liqa.core.templating import render
from tests.core.outputs.feminine import (  # noqa: F401 (the fixture)
    FEMININE_FORMS,
    LAMRANI,
    feminine_catalog,
)
from tests.core.outputs.mission import make_event, make_schedule

SETTINGS = OutputSettings()


def _lamrani_heads_the_delegation() -> Event:
    """The outputs' test mission, its Sarah Lamrani as in the demo mission file."""
    event = make_event()
    people = tuple(
        replace(p, role="Secretary General, head of delegation", gender=Gender.FEMALE)
        if p.id == "p-lamrani"
        else p
        for p in event.people
    )
    return replace(event, people=people)


def _masculine(title: str, lang: str) -> str:
    return translator(lang).pgettext("role", title)


@pytest.mark.usefixtures("feminine_catalog")
@pytest.mark.parametrize("lang", ["fr", "ar"])
def test_a_womans_title_reads_in_its_feminine_form_part_by_part(lang: str) -> None:
    role = "Secretary General, head of delegation"
    assert role_label(role, lang, feminine=True) == LAMRANI[lang]
    comma = ", " if lang == "fr" else "\u060c "
    assert role_label(role, lang) == (
        _masculine("Secretary General", lang) + comma + _masculine("head of delegation", lang)
    )


@pytest.mark.usefixtures("feminine_catalog")
@pytest.mark.parametrize("lang", ["fr", "ar"])
def test_a_title_without_a_feminine_form_keeps_the_usual_one(lang: str) -> None:
    """ "Board member" has no feminine entry here: a woman's reads as the catalog's usual
    title, not as the English msgid; a mixed role takes each part's own form."""
    board = _masculine("Board member", lang)
    assert board != "Board member"
    assert role_label("Board member", lang, feminine=True) == board
    semicolon = "; " if lang == "fr" else "\u061b "
    assert role_label("Board member; Director", lang, feminine=True) == (
        board + semicolon + FEMININE_FORMS[lang]["Director"]
    )


@pytest.mark.usefixtures("feminine_catalog")
def test_people_without_a_gender_or_men_keep_the_usual_title_and_english_is_as_entered() -> None:
    lamrani = _lamrani_heads_the_delegation().person("p-lamrani")
    usual = role_label(lamrani.role, "fr")
    assert person_role(replace(lamrani, gender=None), "fr") == usual
    assert person_role(replace(lamrani, gender=Gender.MALE), "fr") == usual
    assert person_role(lamrani, "en") == "Secretary General, head of delegation"


@pytest.mark.usefixtures("feminine_catalog")
@pytest.mark.parametrize("lang", ["fr", "ar"])
def test_sarah_lamranis_agenda_gives_her_title_in_the_feminine(lang: str) -> None:
    """The demo's head of delegation read "Secrétaire général, chef de délégation" /
    "الأمين العام، رئيس الوفد" on her own agenda."""
    agenda = build_agenda(
        _lamrani_heads_the_delegation(), make_schedule(), "p-lamrani", lang, SETTINGS
    )
    assert agenda.subtitle_parts[0] == LAMRANI[lang]
    html = render("agenda.html", lang, agenda=agenda, inline_css="")
    assert LAMRANI[lang] in html.replace("&#39;", "'")


@pytest.mark.usefixtures("feminine_catalog")
@pytest.mark.parametrize("lang", ["fr", "ar"])
def test_agendas_and_host_sheets_that_list_her_give_her_feminine_title(lang: str) -> None:
    """A host met on a delegate's agenda, and Sarah Lamrani among the visitors on a host's
    sheet."""
    event = _lamrani_heads_the_delegation()
    people = tuple(
        replace(p, role="Director", gender=Gender.FEMALE) if p.id == "p-lee" else p
        for p in event.people
    )
    event = replace(event, people=people)
    agenda = build_agenda(event, make_schedule(), "p-benali", lang, SETTINGS)
    met = {
        a.name: a.role for d in agenda.days for e in d.entries for s in e.sides for a in s.people
    }
    assert met["David Lee"] == FEMININE_FORMS[lang]["Director"]
    visitors = {
        v.name: v.role
        for sheet in host_sheets(event, make_schedule(), lang)
        for visit in sheet.visits
        for v in visit.visitors
    }
    lamrani = next(p for p in event.people if p.id == "p-lamrani")
    name = lamrani.name_ar if lang == "ar" else lamrani.name
    assert visitors[name] == LAMRANI[lang]


@pytest.mark.integration
@pytest.mark.usefixtures("feminine_catalog")
def test_the_french_pdf_agenda_prints_her_feminine_title(tmp_path: Path) -> None:
    agenda = build_agenda(
        _lamrani_heads_the_delegation(), make_schedule(), "p-lamrani", "fr", SETTINGS
    )
    html = render("agenda.html", "fr", agenda=agenda, inline_css="", for_pdf=True)
    path = tmp_path / "lamrani-fr.pdf"
    render_pdfs([PdfJob(html, path)], 1)
    text = subprocess.run(
        ["pdftotext", str(path), "-"], capture_output=True, text=True, check=True
    ).stdout
    assert LAMRANI["fr"] in " ".join(text.split())


@pytest.mark.parametrize("lang", ["fr", "ar"])
def test_the_catalog_has_a_feminine_form_of_every_title(lang: str) -> None:
    """The shipped catalog has a ``role (feminine)`` entry for every title (one whose
    feminine form is the usual one is entered all the same)."""
    t = translator(lang)
    missing = [title for title in TITLES if t.pgettext(FEMININE, title) == title]
    assert missing == []


def test_the_demo_mission_gives_everyones_gender() -> None:
    """Sarah Lamrani, the other delegates and the hosts' contacts, whose first names say it;
    her title reads "Secrétaire générale, cheffe de délégation"."""
    demo = Path(__file__).resolve().parents[3] / "examples" / "morocco-us-digital-2024"
    event = load_event(demo / "mission.yaml")
    genders = {p.name: p.gender for p in event.people}
    assert genders["Sarah Lamrani"] is Gender.FEMALE
    assert genders["Karim Benjelloun"] is Gender.MALE
    delegates = {p.name for p in event.people if p.id.startswith("p-")}
    assert sorted(n for n in delegates if genders[n] is Gender.FEMALE) == [
        "Houda Ziani",
        "Imane Berrada",
        "Leila Fassi Fihri",
        "Nadia Bennani",
        "Salma Tazi",
        "Samira Bouzidi",
        "Sarah Lamrani",
    ]
    assert None not in genders.values()
