"""The preview of an upload that withdraws sign-in access, in Chromium on a phone in
English, French and Arabic: a spreadsheet upload giving Dina another address (or a mission
file replacing the event without her) stops at the preview,
which names her (in the reader's script) with the address that loses access, the e-mail
laid out left to right on the Arabic page; nothing is wider than the screen; cancelling
stores nothing. The page's new wording is checked in English (the French and Arabic
catalogs get it separately: tests/web/test_spreadsheets_access_preview.py)."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from django.contrib.auth.models import User

from liqa.core.missionfile.writing import dumps_event
from liqa.core.spreadsheets import export_event
from liqa.web.events.models import Event, Person
from liqa.web.events.records import stored_event
from tests.web.e2e.phone import SMALL, shot, signed_in
from tests.web.factories import make_core_event

pytestmark = [pytest.mark.e2e, pytest.mark.slow, pytest.mark.django_db(transaction=True)]

WIDER = "() => document.documentElement.scrollWidth - document.documentElement.clientWidth"


@pytest.mark.parametrize(
    ("lang", "direction", "name"),
    [("en", "ltr", "Dina Haddad"), ("fr", "ltr", "Dina Haddad"), ("ar", "rtl", "دينا حداد")],
)
def test_the_access_preview_on_a_phone(
    organizer: User,
    dina: Person,
    event: Event,
    live_server: Any,
    chromium: Any,
    tmp_path: Path,
    shots: Path | None,
    lang: str,
    direction: str,
    name: str,
) -> None:
    people = next(f for f in export_event(stored_event(event), tmp_path) if "people" in f.name)
    text = people.read_text(encoding="utf-8")
    people.write_text(text.replace("dina@example.org", "dina.h@example.org"), encoding="utf-8")

    context = signed_in(chromium, live_server.url, organizer, lang, SMALL)
    page = context.new_page()
    page.goto(f"{live_server.url}/events/{event.slug}/spreadsheets/")
    assert page.eval_on_selector("html", "h => h.dir") == direction
    page.set_input_files("#sheets", str(people))
    with page.expect_navigation():
        page.locator("main form.card button[type=submit]").click()
    withdrawn = page.locator("#access-withdrawn li")
    assert withdrawn.count() == 1
    assert name in withdrawn.inner_text()
    assert "dina@example.org" in withdrawn.inner_text()
    address = withdrawn.locator('bdi[dir="ltr"]')
    assert address.evaluate("e => getComputedStyle(e).direction") == "ltr"
    assert page.locator("#accounts-removed").count() == 1
    assert page.locator("#accounts-created").count() == 1
    if lang == "en":
        assert page.locator("#preview-title").inner_text() == "Check who loses access to the event"
        assert page.locator("#accounts-removed").inner_text() == (
            "1 account will lose its access to the event."
        )
        assert page.locator("#confirm-removal").inner_text() == (
            "Store the files and withdraw this access"
        )
    assert page.evaluate(WIDER) <= 0
    shot(shots, f"spreadsheets-access-preview-{lang}.png", page, full_page=True)
    with page.expect_navigation():
        page.click("#cancel-removal")
    assert page.locator("#cancelled").count() == 1
    context.close()
    assert Person.objects.get(event=event, key="p-dina").email == "dina@example.org"


@pytest.mark.parametrize(
    ("lang", "direction", "name"),
    [("en", "ltr", "Dina Haddad"), ("fr", "ltr", "Dina Haddad"), ("ar", "rtl", "دينا حداد")],
)
def test_the_mission_file_access_preview_on_a_phone(
    organizer: User,
    dina: Person,
    event: Event,
    live_server: Any,
    chromium: Any,
    tmp_path: Path,
    shots: Path | None,
    lang: str,
    direction: str,
    name: str,
) -> None:
    """A mission file replacing the event without Dina: previewed, cancelled, kept."""
    mission = tmp_path / "mission.yaml"
    mission.write_text(dumps_event(make_core_event()), encoding="utf-8")
    context = signed_in(chromium, live_server.url, organizer, lang, SMALL)
    page = context.new_page()
    page.goto(f"{live_server.url}/events/import/")
    assert page.eval_on_selector("html", "h => h.dir") == direction
    page.set_input_files("#mission", str(mission))
    page.check('input[name="replace"]')
    with page.expect_navigation():
        page.locator("main form.card button[type=submit]").click()
    withdrawn = page.locator("#access-withdrawn li")
    assert withdrawn.count() == 1
    assert name in withdrawn.inner_text()
    address = withdrawn.locator('bdi[dir="ltr"]')
    assert address.evaluate("e => getComputedStyle(e).direction") == "ltr"
    if lang == "en":
        assert page.locator("#accounts-removed").inner_text() == (
            "1 account will lose its access to the event."
        )
        assert page.locator("#confirm-replace").inner_text() == (
            "Replace the event and withdraw this access"
        )
    assert page.evaluate(WIDER) <= 0
    shot(shots, f"mission-access-preview-{lang}.png", page, full_page=True)
    with page.expect_navigation():
        page.click("#cancel-replace")
    assert page.locator("#cancelled").count() == 1
    context.close()
    assert Person.objects.filter(event=event, key="p-dina").exists()
