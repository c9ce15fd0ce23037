"""The spreadsheet upload on a 360 × 780 phone in Arabic: the organizer picks what becomes
of the records a table leaves out (refuse first, and chosen), uploads a partial people
sheet, reads the one refusal and nothing is stored; then chooses "remove" and the page
names who was removed. Nothing is wider than the screen; every choice is big enough to tap.
"""

from __future__ import annotations

import os
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from django.contrib.auth.models import User
from django.db import connections
from django.test import Client

from liqa.core.spreadsheets import export_event
from liqa.web.events.models import Event, Person
from liqa.web.events.records import stored_event

pytestmark = [pytest.mark.e2e, pytest.mark.slow, pytest.mark.django_db(transaction=True)]

PHONE = {"viewport": {"width": 360, "height": 780}, "is_mobile": True, "has_touch": True}
WIDER = "() => document.documentElement.scrollWidth - document.documentElement.clientWidth"


@pytest.fixture
def chromium(browser: Any) -> Iterator[Any]:
    """The module's headless Chromium; connections opened under its loop closed after."""
    yield browser
    connections.close_all()


def _phone(chromium: Any, base: str, user: User, lang: str) -> Any:
    client = Client()
    client.force_login(user)
    context = chromium.new_context(**PHONE)
    cookies = {"sessionid": client.cookies["sessionid"].value, "django_language": lang}
    context.add_cookies([{"name": n, "value": v, "url": base} for n, v in cookies.items()])
    return context


def _shot(page: Any, name: str) -> None:
    """A picture of the page for the QA record (``LIQA_SCREENSHOTS``), else none."""
    folder = os.environ.get("LIQA_SCREENSHOTS")
    if folder:
        Path(folder).mkdir(parents=True, exist_ok=True)
        page.screenshot(path=str(Path(folder) / name), full_page=True)


def test_upload_choice_on_an_arabic_phone(
    organizer: User, event: Event, live_server: Any, chromium: Any, tmp_path: Path
) -> None:
    Person.objects.create(
        event=event, key="p-dina", position=3, name="Dina Haddad", organization="o-alpha"
    )
    people = next(f for f in export_event(stored_event(event), tmp_path) if "people" in f.name)
    lines = people.read_text(encoding="utf-8").splitlines()
    people.write_text("\n".join(x for x in lines if "p-dina" not in x) + "\n", encoding="utf-8")

    context = _phone(chromium, live_server.url, organizer, "ar")
    page = context.new_page()
    page.goto(f"{live_server.url}/events/{event.slug}/spreadsheets/")
    assert page.eval_on_selector("html", "h => h.dir") == "rtl"
    radios = page.locator('input[name="missing"]')
    assert [radios.nth(i).get_attribute("value") for i in range(3)] == ["refuse", "keep", "remove"]
    assert radios.nth(0).is_checked()
    labels = page.locator("#missing label")
    heights = [labels.nth(i).bounding_box()["height"] for i in range(3)]
    assert min(heights) >= 24  # tappable
    assert page.evaluate(WIDER) <= 0
    _shot(page, "spreadsheets-form-ar.png")

    page.set_input_files("#sheets", str(people))
    page.click('button[type="submit"]:has-text("استيراد")')
    refusal = page.locator("section.problems")
    assert refusal.locator("tbody tr").count() == 1
    assert "p-dina" in refusal.inner_text()
    assert radios.nth(0).is_checked()
    assert page.evaluate(WIDER) <= 0
    _shot(page, "spreadsheets-refused-ar.png")
    assert Person.objects.filter(event=event, key="p-dina").exists()

    page.set_input_files("#sheets", str(people))
    labels.nth(2).click()  # tapping the label chooses it
    assert radios.nth(2).is_checked()
    page.click('button[type="submit"]:has-text("استيراد")')
    assert "Dina Haddad (p-dina)" in page.locator("#removed").inner_text()
    assert page.evaluate(WIDER) <= 0
    _shot(page, "spreadsheets-removed-ar.png")
    context.close()
    assert not Person.objects.filter(event=event, key="p-dina").exists()
