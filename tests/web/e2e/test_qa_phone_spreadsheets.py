"""The spreadsheet upload on a 360 × 780 phone in Arabic: the organizer picks what becomes
of the records a table leaves out (refuse first, and chosen), uploads a partial people
sheet, reads the one refusal and nothing is stored; then chooses "remove", reads the
preview naming who would go (nothing removed yet), confirms, and the page names who was
removed. Nothing is wider than the screen; every choice is big enough to tap.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from django.contrib.auth.models import User

from liqa.core.spreadsheets import export_event
from liqa.web.events.models import Event, Person
from liqa.web.events.records import stored_event
from tests.web.e2e.phone import SMALL, boxes, shot, signed_in

pytestmark = [pytest.mark.e2e, pytest.mark.slow, pytest.mark.django_db(transaction=True)]

WIDER = "() => document.documentElement.scrollWidth - document.documentElement.clientWidth"


def test_upload_choice_on_an_arabic_phone(
    organizer: User,
    event: Event,
    live_server: Any,
    chromium: Any,
    tmp_path: Path,
    shots: Path | None,
) -> None:
    Person.objects.create(
        event=event, key="p-dina", position=3, name="Dina Haddad", organization="o-alpha"
    )
    people = next(f for f in export_event(stored_event(event), tmp_path) if "people" in f.name)
    lines = people.read_text(encoding="utf-8").splitlines()
    people.write_text("\n".join(x for x in lines if "p-dina" not in x) + "\n", encoding="utf-8")

    context = signed_in(chromium, live_server.url, organizer, "ar", SMALL)
    page = context.new_page()
    page.goto(f"{live_server.url}/events/{event.slug}/spreadsheets/")
    assert page.eval_on_selector("html", "h => h.dir") == "rtl"
    radios = page.locator('input[name="missing"]')
    assert [radios.nth(i).get_attribute("value") for i in range(3)] == ["refuse", "keep", "remove"]
    assert radios.nth(0).is_checked()
    labels = page.locator("#missing label")
    heights = [box["height"] for box in boxes(page, "#missing label")[:3]]
    assert len(heights) == 3
    assert min(heights) >= 24  # tappable
    assert page.evaluate(WIDER) <= 0
    shot(shots, "spreadsheets-form-ar.png", page, full_page=True)

    page.set_input_files("#sheets", str(people))
    page.click('button[type="submit"]:has-text("استيراد")')
    refusal = page.locator("section.problems")
    assert refusal.locator("tbody tr").count() == 1
    assert "p-dina" in refusal.inner_text()
    assert radios.nth(0).is_checked()
    assert page.evaluate(WIDER) <= 0
    shot(shots, "spreadsheets-refused-ar.png", page, full_page=True)
    assert Person.objects.filter(event=event, key="p-dina").exists()

    page.set_input_files("#sheets", str(people))
    labels.nth(2).click()  # tapping the label chooses it
    assert radios.nth(2).is_checked()
    page.click('button[type="submit"]:has-text("استيراد")')
    preview = page.locator("#preview")  # nothing is removed before the organizer confirms
    assert "Dina Haddad (p-dina)" in preview.inner_text()
    assert Person.objects.filter(event=event, key="p-dina").exists()
    assert min(box["height"] for box in boxes(page, "#preview form button")) >= 44
    assert page.evaluate(WIDER) <= 0
    shot(shots, "spreadsheets-preview-ar.png", page, full_page=True)
    page.click("#confirm-removal")
    assert "Dina Haddad (p-dina)" in page.locator("#removed").inner_text()
    assert page.evaluate(WIDER) <= 0
    shot(shots, "spreadsheets-removed-ar.png", page, full_page=True)
    context.close()
    assert not Person.objects.filter(event=event, key="p-dina").exists()
