"""Defects found on an organizer's QA walk of the demo mission on a 1366 × 768 laptop in
French and Arabic (every organizer page in Chromium): the follow-ups form opened cut off
at the edge of its table, and the overview's invitation button touched the figures above
it."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from django.test import Client

from liqa.web.accounts import services as accounts
from tests.web.test_report_page import ORGANIZER, published_demo

pytestmark = [pytest.mark.e2e, pytest.mark.slow, pytest.mark.django_db(transaction=True)]

LAPTOP = {"width": 1366, "height": 768}

BOX = "e => { const r = e.getBoundingClientRect(); return [r.left, r.right, r.top, r.bottom]; }"


def on_a_laptop(chromium: Any, base: str, lang: str) -> Any:
    """A 1366 × 768 desktop context signed in as the demo's organizer, reading ``lang``."""
    client = Client()
    client.force_login(accounts.user_for_email(ORGANIZER))
    context = chromium.new_context(viewport=LAPTOP)
    context.add_cookies(
        [
            {"name": "sessionid", "value": client.cookies["sessionid"].value, "url": base},
            {"name": "django_language", "value": lang, "url": base},
        ]
    )
    return context


@pytest.mark.parametrize("lang", ["fr", "ar"])
def test_the_follow_ups_form_opens_whole_on_a_laptop(
    lang: str, live_server: Any, chromium: Any
) -> None:
    """The page kept the narrow reading column (60rem) for an eight-column table: the
    'Record or correct' column was squeezed, and the opened form's fields and its Save
    button ran past the table's edge (to be scrolled to inside the table) while a third
    of the screen stood empty."""
    event, _version = published_demo()
    context = on_a_laptop(chromium, live_server.url, lang)
    page = context.new_page()
    page.goto(f"{live_server.url}/organize/{event.slug}/follow-ups/")
    row = page.locator("tr[id^='outcome-']").first
    row.locator("details.outcome summary").click()
    wrap = page.eval_on_selector(".grid-wrap", BOX)
    fields = [
        row.locator(selector).evaluate(BOX)
        for selector in ("select[name=kind]", "select[name=follow_up]", "button[type=submit]")
    ]
    scrolls = page.eval_on_selector(".grid-wrap", "e => e.scrollWidth - e.clientWidth")
    context.close()
    for left, right, _top, _bottom in fields:
        assert wrap[0] - 0.5 <= left, (lang, fields, wrap)
        assert right <= wrap[1] + 0.5, (lang, fields, wrap)
    assert scrolls <= 1


@pytest.mark.parametrize("lang", ["fr", "ar"])
def test_the_invitation_button_stands_clear_of_the_overview_figures(
    lang: str, live_server: Any, chromium: Any
) -> None:
    """The figures (legs, venues, ... programme) had no margin below them: the
    'E-mail every participant a sign-in link' button's border touched their numbers."""
    event, _version = published_demo()
    context = on_a_laptop(chromium, live_server.url, lang)
    page = context.new_page()
    page.goto(f"{live_server.url}/organize/{event.slug}/")
    counts = page.eval_on_selector("dl.counts", BOX)
    button = page.eval_on_selector("#invite", BOX)
    context.close()
    assert button[2] - counts[3] >= 8  # at least 8 CSS px between the numbers and the button


@pytest.mark.parametrize("lang", ["fr", "ar"])
def test_import_problems_stand_clear_of_the_upload_form(
    lang: str, live_server: Any, chromium: Any, tmp_path: Path
) -> None:
    """A refused spreadsheet listed its problems in a table whose bottom border touched
    the upload form's card below it (0 px between them)."""
    event, _version = published_demo()
    sheet = tmp_path / "people.csv"
    sheet.write_text("id,name,organization\np-new,,MTNRA\n", encoding="utf-8")
    context = on_a_laptop(chromium, live_server.url, lang)
    page = context.new_page()
    page.goto(f"{live_server.url}/events/{event.slug}/spreadsheets/")
    page.set_input_files("#sheets", str(sheet))
    with page.expect_navigation():
        page.locator("main form.card button[type=submit]").click()
    problems = page.eval_on_selector("section.problems", BOX)
    form = page.eval_on_selector("main form.card", BOX)
    context.close()
    assert form[2] - problems[3] >= 8  # at least 8 CSS px between the problems and the form
