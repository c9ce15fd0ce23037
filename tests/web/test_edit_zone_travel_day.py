"""Times are typed and shown on the clock of the place where things happen, as the mission
file reads them: the seed mission's travel day (16 February 2024, Houston → San José) is a
day of the Silicon Valley leg, yet what happens at a Houston venue that morning is in
Central time on the edit page, the grid and the agenda (the edit pages read and showed it
in the leg's Pacific time), and saving a form unchanged moves nothing."""

from __future__ import annotations

import html
import re
from collections.abc import Callable
from dataclasses import replace
from datetime import datetime
from html.parser import HTMLParser
from typing import Any
from zoneinfo import ZoneInfo

import pytest
from django.contrib.auth import get_user_model
from django.contrib.auth.models import User
from django.test import Client

from liqa.core import model as core
from liqa.web.accounts import services as accounts
from liqa.web.accounts.models import Role
from liqa.web.events.models import Event, ProgrammeItem
from liqa.web.events.records import event_record, store_event
from liqa.web.scheduling.publishing import publish
from liqa.web.scheduling.services import start_run
from tests.web.editing_factories import errors, make_mission, organizer_of, post, snapshot

CHICAGO = ZoneInfo("America/Chicago")

CHECK_IN = {
    "key": "prog-check-in",
    "kind": "other",
    "title_en": "Check-in at IAH",
    "start": "2024-02-16 08:00",
    "end": "2024-02-16 08:45",
    "venue": "v-iah",
}
"""A Houston item of the travel day: between the transfer to IAH and the flight."""


class _FormValues(HTMLParser):
    """What a browser sends for the edit form: its inputs, text areas and selects."""

    def __init__(self) -> None:
        super().__init__()
        self.values: dict[str, str] = {}
        self._inside = False
        self._textarea: str | None = None
        self._select: str | None = None

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        found = {name: value or "" for name, value in attrs}
        if tag == "form" and found.get("id") == "edit-form":
            self._inside = True
        if not self._inside or "disabled" in found:
            return
        name = found.get("name", "")
        if tag == "input" and found.get("type") == "checkbox":
            if "checked" in found:
                self.values[name] = "on"
        elif tag == "input" and name:
            self.values[name] = found.get("value", "")
        elif tag == "textarea":
            self._textarea = name
            self.values[name] = ""
        elif tag == "select":
            self._select = name
            self.values[name] = ""
        elif tag == "option" and self._select and "selected" in found:
            self.values[self._select] = found.get("value", "")

    def handle_endtag(self, tag: str) -> None:
        if tag == "form":
            self._inside = False
        elif tag == "textarea":
            self._textarea = None
        elif tag == "select":
            self._select = None

    def handle_data(self, data: str) -> None:
        if self._textarea is not None:
            text = self.values[self._textarea] + data
            self.values[self._textarea] = text.removeprefix("\n")  # Django writes one


def form_values(client: Client, event: Event, path: str) -> dict[str, str]:
    """The values the edit form at ``path`` shows (as it would send them back)."""
    response = client.get(f"/events/{event.slug}/edit/{path}", HTTP_ACCEPT_LANGUAGE="en")
    assert response.status_code == 200
    parser = _FormValues()
    parser.feed(response.content.decode())
    parser.values.pop("csrfmiddlewaretoken", None)
    return parser.values


def zone_shown(client: Client, event: Event, path: str, field: str) -> str:
    """The zone named next to ``field`` on the edit form at ``path`` (``""``: none)."""
    page = client.get(f"/events/{event.slug}/edit/{path}", HTTP_ACCEPT_LANGUAGE="en")
    found = re.search(rf'<small class="zone" id="zone-{field}">(.*?)</small>', page.text)
    return html.unescape(found.group(1)) if found else ""


@pytest.fixture
def organizer(mission: Event) -> Client:
    """A client signed in as the seed mission's organizer."""
    return organizer_of(mission)


def test_houston_item_typed_at_eight_is_eight_central(organizer: Client, mission: Event) -> None:
    assert post(organizer, mission, "programme/_add/", CHECK_IN).status_code == 302
    row = ProgrammeItem.objects.get(event=mission, key="prog-check-in")
    assert (row.start, row.end) == (
        datetime(2024, 2, 16, 8, tzinfo=CHICAGO),
        datetime(2024, 2, 16, 8, 45, tzinfo=CHICAGO),
    )
    shown = form_values(organizer, mission, "programme/prog-check-in/")
    assert (shown["start"], shown["end"]) == ("2024-02-16 08:00", "2024-02-16 08:45")
    assert zone_shown(organizer, mission, "programme/prog-check-in/", "start") == (
        "Time zone: Houston time (CST)"
    )
    index = organizer.get(f"/events/{mission.slug}/edit/", HTTP_ACCEPT_LANGUAGE="en").text
    row_html = index.split('<tr data-key="prog-check-in">', 1)[1].split("</tr>", 1)[0]
    assert '8:00\u202fAM–8:45\u202fAM</span> <small class="zone">CST</small>' in row_html


def test_the_flight_is_typed_on_the_clock_of_each_airport(
    organizer: Client, mission: Event
) -> None:
    """It leaves IAH at 09:05 Central and lands at SJC at 11:20 Pacific (the file's offsets)."""
    shown = form_values(organizer, mission, "programme/prog-flight/")
    assert (shown["start"], shown["end"]) == ("2024-02-16 09:05", "2024-02-16 11:20")
    page = "programme/prog-flight/"
    assert zone_shown(organizer, mission, page, "start") == "Time zone: Houston time (CST)"
    assert zone_shown(organizer, mission, page, "end") == "Time zone: San Jose time (PST)"
    shown = form_values(organizer, mission, "programme/prog-transfer-iah/")
    assert (shown["start"], shown["end"]) == ("2024-02-16 06:30", "2024-02-16 07:30")


def _instants(event: core.Event) -> dict[str, Any]:
    """Every stored instant of the records the forms edit, by record."""
    found: dict[str, Any] = {p.id: (p.start, p.end) for p in event.programme}
    found |= {v.id: v.windows for v in event.visits}
    found |= {f"availability {p.id}": p.availability for p in event.people}
    return found


def test_saving_every_form_unchanged_moves_nothing(organizer: Client, mission: Event) -> None:
    before = event_record(mission)
    pages = [f"programme/{p.id}/" for p in before.programme]
    pages += [f"visits/{v.id}/" for v in before.visits]
    pages += [f"availability/{p.id}/" for p in before.people if p.availability]
    assert "programme/prog-flight/" in pages
    assert len(pages) > 20
    for page in pages:
        response = post(organizer, mission, page, form_values(organizer, mission, page))
        assert response.status_code == 302, (page, errors(response, "general"))
    assert _instants(event_record(mission)) == _instants(before)


@pytest.mark.django_db(transaction=True)
def test_grid_and_agenda_show_the_item_at_eight_central(
    mission: Event, client_for: Callable[[User | None], Client]
) -> None:
    organizer = accounts.user_for_email("org@example.org")
    accounts.grant(organizer, mission, Role.ORGANIZER)
    client = client_for(organizer)
    assert post(client, mission, "programme/_add/", CHECK_IN).status_code == 302
    run = start_run(mission, organizer, time_limit=1.0)
    run.refresh_from_db()
    assert run.result is not None, run.message
    grid = client.get(
        f"/organize/{mission.slug}/versions/{run.result.number}/", HTTP_ACCEPT_LANGUAGE="en"
    ).text
    cell = grid.split('data-key="prog-check-in">', 1)[1].split("</div>", 1)[0]
    assert '8:00\u202fAM–8:45\u202fAM <small class="zone">CST</small>' in cell
    publish(run.result, notify=False)
    accounts.enrol_everyone(mission)
    delegate = client_for(get_user_model().objects.get(email="s.lamrani@example.org"))
    agenda = delegate.get(f"/me/{mission.slug}/", HTTP_ACCEPT_LANGUAGE="en").text
    entry = agenda.split('id="entry-prog-check-in">', 1)[1].split("</p>", 1)[0]
    assert '8:00\u202fAM–8:45\u202fAM</span> <small class="zone">CST</small>' in entry


# --- a time the venue's clocks skip ---------------------------------------------------------


@pytest.fixture
def phoenix(db: None) -> Event:
    """The Houston mission of the editing tests with its leg on Phoenix's clock (no summer
    time): its Houston venues' clocks move forward on the night of 10 March 2030, the leg's
    do not."""
    mission = make_mission()
    leg = replace(mission.legs[0], timezone="America/Phoenix")
    row = store_event(replace(mission, legs=(leg,)))
    accounts.enrol_everyone(row)
    return row


def test_a_time_the_venues_clocks_skip_gets_the_clear_message(phoenix: Event) -> None:
    client = organizer_of(phoenix)
    item = {**CHECK_IN, "start": "2030-03-10 02:30", "end": "2030-03-10 04:00"}
    item["venue"] = "v-iah"
    before = snapshot(phoenix)
    response = post(client, phoenix, "programme/_add/", item)
    assert (response.status_code, snapshot(phoenix)) == (400, before)
    assert errors(response, "start") == [
        "2030-03-10 02:30 does not exist in America/Chicago: the clocks move forward that night"
    ]
    visit = {
        "key": "vis-port",
        "host": "o-port",
        "duration_minutes": "60",
        "windows": "2030-03-10 02:30-04:00",
        "priority": "1",
    }
    response = post(client, phoenix, "visits/_add/", visit)
    assert (response.status_code, snapshot(phoenix)) == (400, before)
    assert errors(response, "windows") == [
        "line 1: 2030-03-10 02:30 does not exist in America/Chicago: "
        "the clocks move forward that night"
    ]


def test_without_a_venue_the_legs_clock_is_read(phoenix: Event) -> None:
    """No place: the leg's zone, where 02:30 exists."""
    client = organizer_of(phoenix)
    item = {**CHECK_IN, "start": "2030-03-10 02:30", "end": "2030-03-10 04:00", "venue": ""}
    assert post(client, phoenix, "programme/_add/", item).status_code == 302
    row = ProgrammeItem.objects.get(event=phoenix, key="prog-check-in")
    assert row.start == datetime(2030, 3, 10, 2, 30, tzinfo=ZoneInfo("America/Phoenix"))
    assert form_values(client, phoenix, "programme/prog-check-in/")["start"] == ("2030-03-10 02:30")
