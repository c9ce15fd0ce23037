"""Defects found by QA walk 14 (a French organizer on a 1280 × 800 laptop, on the demo
mission and the brokerage day): the overview's "Run the scheduler" button touched the runs
table under it; a refused move listed the rules it broke with their bullets hanging over
the warning border, out of the box; the report's table of figures had one heading in
lowercase among capitalised ones ("attente (minutes)", the scheduler's own words); the run
page's links under a long title began a line with their separator dot. And on
a 360 × 740 phone, the host page's map link stood in from the address above it.

Run: ``uv run pytest tests/web/e2e/test_qa14_walk.py -m e2e -q``.
"""

from __future__ import annotations

import dataclasses
import re
from pathlib import Path
from typing import Any

import pytest
from django.contrib.auth.models import User
from django.test import Client

from liqa.core.i18n import translator
from liqa.web.accounts import services as accounts
from liqa.web.accounts.models import Role
from liqa.web.events.models import Event
from liqa.web.events.records import store_event
from liqa.web.events.services import import_mission_file
from liqa.web.scheduling.models import RunState, ScheduleVersion
from liqa.web.scheduling.services import start_run
from tests.web.e2e.phone import EXAMPLES, Phone, shot, signed_in
from tests.web.factories import make_core_event
from tests.web.test_report_page import ORGANIZER, published_demo

pytestmark = [pytest.mark.e2e, pytest.mark.slow, pytest.mark.django_db(transaction=True)]

LAPTOP = {"width": 1280, "height": 800}
DEMO = EXAMPLES / "morocco-us-digital-2024" / "mission.yaml"
BOX = "e => { const r = e.getBoundingClientRect(); return [r.left, r.right, r.top, r.bottom]; }"


def on_a_laptop(chromium: Any, base: str, user: User, lang: str) -> Any:
    """A 1280 × 800 desktop context (no touch) signed in as ``user``, reading ``lang``."""
    client = Client()
    client.force_login(user)
    context = chromium.new_context(viewport=LAPTOP)
    context.add_cookies(
        [
            {"name": "sessionid", "value": client.cookies["sessionid"].value, "url": base},
            {"name": "django_language", "value": lang, "url": base},
        ]
    )
    return context


@pytest.mark.parametrize("lang", ["fr", "ar"])
def test_the_run_button_stands_clear_of_the_runs_table(
    lang: str, event: Event, organizer: User, live_server: Any, chromium: Any
) -> None:
    """The button's bottom edge lay on the table's top border (0 px between them)."""
    run = start_run(event, organizer, time_limit=1.0)
    run.refresh_from_db()
    assert run.state == RunState.DONE, run.message
    context = on_a_laptop(chromium, live_server.url, organizer, lang)
    page = context.new_page()
    page.goto(f"{live_server.url}/organize/{event.slug}/")
    button = page.eval_on_selector("#run-scheduler", BOX)
    table = page.eval_on_selector("#runs", BOX)
    context.close()
    assert table[2] - button[3] >= 8  # at least 8 CSS px between the button and the table


@pytest.mark.parametrize("lang", ["fr", "ar"])
def test_a_refused_move_lists_its_rules_inside_the_box(
    lang: str,
    organizer: User,
    event: Event,
    draft: ScheduleVersion,
    live_server: Any,
    chromium: Any,
    shots: Path | None,
) -> None:
    """Each rule's bullet sits inside the warning box, clear of its border (the list's
    padding was the box's .75rem: the bullets, drawn outside their items, lay on the
    border and past the box's edge)."""
    context = on_a_laptop(chromium, live_server.url, organizer, lang)
    page = context.new_page()
    page.goto(f"{live_server.url}/organize/{event.slug}/versions/{draft.number}/")
    form = page.locator(".meeting[data-key='r-2'] details.move").first
    form.locator("summary").click()
    # r-2 onto r-1's slot and table (Amina is in both): refused
    form.locator("select[name=slot]").select_option("0")
    form.locator("input[name=table]").fill("1")
    form.locator("button[type=submit]").click()
    page.wait_for_url(re.compile(r"/move/$"))
    shot(shots, f"qa14-move-refused-{lang}.png", page)
    box = page.eval_on_selector("#conflicts", BOX)
    items = page.locator("#conflicts li").evaluate_all(f"items => items.map({BOX})")
    context.close()
    assert len(items) == 2
    for left, right, _top, _bottom in items:
        # the item's start side: its bullet (about 1em) and the 4 px border before it
        room = box[1] - right if lang == "ar" else left - box[0]
        assert room >= 28, (lang, room)


def test_the_report_figures_headings_start_with_a_capital(live_server: Any, chromium: Any) -> None:
    """The scheduler's measure "waiting (minutes)" / "attente (minutes)" was the only
    lowercase heading of the table of figures; it has the report's own words now, with
    their capital in the text (the PDF prints them as the page shows them)."""
    event, _version = published_demo()
    context = on_a_laptop(chromium, live_server.url, accounts.user_for_email(ORGANIZER), "fr")
    page = context.new_page()
    page.goto(f"{live_server.url}/organize/{event.slug}/report/")
    headings = page.locator("#report th").all_inner_texts()
    context.close()
    waiting = translator("fr").gettext("Waiting between meetings (travel not counted)")
    assert waiting in headings, headings
    assert [h for h in headings if h[:1] != h[:1].upper()] == []


@pytest.mark.parametrize("lang", ["fr", "en"])
def test_the_host_venue_map_link_lines_up_with_the_address(
    lang: str, live_server: Any, chromium: Any, shots: Path | None
) -> None:
    """On a 360 × 740 phone, the host page's "Plan" / "Map" (a word narrower than its
    44 px tap target) stood centred in it, 6-7 px in from the address above it."""
    event = import_mission_file(DEMO.read_bytes(), "mission.yaml")
    host = accounts.user_for_email("a.reyes@example.com")
    accounts.grant(host, event, Role.HOST_ADMIN, organization="h-hou-egov")
    context = signed_in(chromium, live_server.url, host, lang, Phone(360, 740))
    page = context.new_page()
    page.goto(f"{live_server.url}/host/{event.slug}/")
    shot(shots, f"qa14-host-venue-{lang}.png", page.locator("#venue"))
    address = page.eval_on_selector("#venue p", BOX)
    word = page.eval_on_selector(
        "#venue a.tap",
        f"a => {{ const r = document.createRange(); r.selectNodeContents(a); return ({BOX})(r); }}",
    )
    context.close()
    assert abs(word[0] - address[0]) <= 1, (lang, word, address)


def test_the_run_page_links_do_not_start_a_line_with_a_separator(
    organizer: User, live_server: Any, chromium: Any
) -> None:
    """The run page's first link, the event's title, was a 44 px tap box as wide as the
    line once its title wrapped: " · v1 · Report" went to a line of its own, starting
    with its dot."""
    long = "Mission commerciale aux États-Unis sur la transformation numérique " * 2
    record = make_core_event("long-title-2030")
    record = dataclasses.replace(record, title={**record.title, "fr": long.strip()})
    event = store_event(record)
    accounts.grant(organizer, event, Role.ORGANIZER)
    run = start_run(event, organizer, time_limit=1.0)
    run.refresh_from_db()
    assert run.state == RunState.DONE, run.message
    context = on_a_laptop(chromium, live_server.url, organizer, "fr")
    page = context.new_page()
    page.goto(f"{live_server.url}/organize/{event.slug}/runs/{run.pk}/")
    links = page.eval_on_selector("#run-links", BOX)
    dot = page.eval_on_selector(
        "#run-links",
        "p => { const t = p.querySelector('a').nextSibling; const r = document.createRange();"
        " r.setStart(t, t.data.indexOf('·')); r.setEnd(t, t.data.indexOf('·') + 1);"
        " const b = r.getBoundingClientRect(); return [b.left, b.right, b.top, b.bottom]; }",
    )
    title = page.eval_on_selector("#back-to-overview", BOX)
    context.close()
    assert title[3] - title[2] > 40  # the title wraps (two lines or more)
    assert dot[0] - links[0] > 100, (dot, links)  # after the title's last words, not under them
