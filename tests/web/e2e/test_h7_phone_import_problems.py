"""A French organizer's refused uploads on a 390 × 844 phone: each problem of a refused
spreadsheet or mission file reads whole on the screen, its column's name before each
cell ("Comment corriger : ..."). Before, the problems table scrolled sideways inside its
box: "How to fix it" was off the screen and each message was cut at its edge.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from django.contrib.auth.models import User
from playwright.sync_api import Page

from liqa.web.events.models import Event
from tests.web.e2e.phone import IPHONE, shot, signed_in

pytestmark = [pytest.mark.e2e, pytest.mark.slow, pytest.mark.django_db(transaction=True)]

CELLS = """() => [...document.querySelectorAll('section.problems tbody td')]
  .filter(td => td.textContent.trim())
  .map(td => { const r = td.getBoundingClientRect();
               return [r.left, r.right, td.scrollWidth - td.clientWidth,
                       getComputedStyle(td, '::before').content]; })"""


def _read_whole(page: Page) -> list[list[Any]]:
    """Each non-empty problem cell: its left and right edges, how much of it overflows,
    and the label before it."""
    cells: list[list[Any]] = page.evaluate(CELLS)
    assert cells
    assert page.evaluate("document.scrollingElement.scrollWidth") <= IPHONE.width
    for left, right, overflow, _label in cells:
        assert (left >= 0, right <= IPHONE.width, overflow) == (True, True, 0)
    return cells


def test_a_refused_spreadsheet_reads_whole_on_a_french_phone(
    organizer: User,
    event: Event,
    live_server: Any,
    chromium: Any,
    tmp_path: Path,
    shots: Path | None,
) -> None:
    people = tmp_path / "inscrits.csv"
    people.write_text(
        "Prénom,Nom,Organisation,Courriel\n"
        'Youssef,Amrani,o-alpha,"youssef.amrani@souss-tech,example"\n',
        encoding="utf-8",
    )
    context = signed_in(chromium, live_server.url, organizer, "fr", IPHONE)
    page = context.new_page()
    page.goto(f"{live_server.url}/events/{event.slug}/spreadsheets/")
    page.set_input_files("#sheets", str(people))
    page.check("#id_missing_1")  # keep the records the table leaves out
    page.click('form[data-import] button[type="submit"]')
    problem = page.locator("section.problems tbody tr")
    assert problem.count() == 1
    cells = _read_whole(page)
    assert [label for *_box, label in cells] == [
        '"Où : "',
        '"Problème : "',
        '"Comment corriger : "',
    ]
    shot(shots, "h7-spreadsheet-problems-fr.png", page, full_page=True)
    context.close()


def test_a_refused_mission_file_reads_whole_on_a_french_phone(
    organizer: User,
    event: Event,
    live_server: Any,
    chromium: Any,
    tmp_path: Path,
    shots: Path | None,
) -> None:
    mission = tmp_path / "rencontres.yaml"
    mission.write_text(
        "liqa: 2\nevent:\n  id: rencontres-agadir\n  kind: brokerage\n"
        "  title: {fr: Rencontres d'affaires Agadir}\n",
        encoding="utf-8",
    )
    context = signed_in(chromium, live_server.url, organizer, "fr", IPHONE)
    page = context.new_page()
    page.goto(f"{live_server.url}/events/import/")
    page.set_input_files("#mission", str(mission))
    page.click('form[data-import] button[type="submit"]')
    assert page.locator("section.problems tbody tr").count() >= 2
    labels = [label for *_box, label in _read_whole(page)]
    assert '"Comment corriger : "' in labels
    # a problem of the whole file has no field: no label left with nothing after it
    assert labels.count('"Champ : "') == 1  # event.kind's
    shot(shots, "h7-mission-problems-fr.png", page, full_page=True)
    context.close()
