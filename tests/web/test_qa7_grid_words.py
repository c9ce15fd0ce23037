"""What an organizer QA walk found on the grids and the editor (/tmp/qa7): Casablanca's zone
read "+01" beside every time of the brokerage grid (the database's name for a zone without
letters); each cell of an itinerary's hosts × days grid read "Receiving the delegation"
when the delegation split that day, without saying which subgroup comes; the overview's
requests disclosure read a bare "24"; the editor listed countries as codes (MA, US)."""

from __future__ import annotations

import dataclasses
import re
from collections.abc import Callable

import pytest
from django.contrib.auth.models import User
from django.test import Client

from liqa.core import model as core
from liqa.core.scheduling.planning import PlanSettings, plan_event
from liqa.web.accounts import services as accounts
from liqa.web.accounts.models import Role
from liqa.web.events.models import Event
from liqa.web.events.records import event_record, store_event
from liqa.web.scheduling.publishing import publish
from liqa.web.scheduling.records import store_schedule
from tests.web.factories import make_core_event, make_schedule, person_user

pytestmark = pytest.mark.django_db

CASABLANCA = "Africa/Casablanca"
CITY = {"en": "Casablanca", "fr": "Casablanca", "ar": "الدار البيضاء"}


def _in_casablanca() -> core.Event:
    """The test brokerage event held in Casablanca (a zone the database names "+01"), with
    a second venue in Paris so that the event spans zones and the table plan names its
    hall's zone."""
    base = make_core_event("casablanca-b2b-2030")
    paris = core.Venue("v-paris", "Salon Paris", "Paris", "Europe/Paris")
    return dataclasses.replace(
        base,
        legs=tuple(dataclasses.replace(leg, timezone=CASABLANCA) for leg in base.legs),
        venues=(*(dataclasses.replace(v, timezone=CASABLANCA) for v in base.venues), paris),
    )


def _zones(html: str) -> list[str]:
    return re.findall(r'<small class="zone"[^>]*>([^<]*)</small>', html)


@pytest.mark.parametrize("lang", ["en", "fr", "ar"])
def test_casablancas_zone_is_named_by_its_city_on_the_grid_agenda_and_table_plan(
    lang: str, organizer: User, client_for: Callable[..., Client]
) -> None:
    event = _in_casablanca()
    row = store_event(event)
    accounts.enrol_everyone(row)
    accounts.grant(organizer, row, Role.ORGANIZER)
    version = store_schedule(row, make_schedule(event))
    client = client_for(organizer)
    grid = f"/organize/{row.slug}/versions/{version.number}/"
    for view in ("", "?by=hosts"):
        page = client.get(grid + view, HTTP_ACCEPT_LANGUAGE=lang).content.decode()
        cells = page.split('class="grid"')[1]
        times = re.findall(r'<span class="time">[^<]*<small class="zone">([^<]*)</small>', cells)
        assert times, view
        assert set(times) == {CITY[lang]}, view
        assert "+01" not in page
    tables = client.get(grid + "?by=tables", HTTP_ACCEPT_LANGUAGE=lang).content.decode()
    note = tables.split('id="plan-zone">')[1].split("</p>")[0]
    assert f"{CITY[lang]}" in note
    assert "UTC+1" in note
    assert "+01" not in tables
    publish(version, notify=False)
    agenda = (
        client_for(person_user("amina@example.org"))
        .get(f"/me/{row.slug}/", HTTP_ACCEPT_LANGUAGE=lang)
        .content.decode()
    )
    heading = re.search(r'<h2 class="day" id="day-2030-03-14">(.*?)</h2>', agenda)
    assert heading is not None
    assert any(CITY[lang] in zone for zone in _zones(heading.group(1)))
    assert "+01" not in agenda


def test_the_editor_lists_the_time_of_a_session_by_its_citys_zone(
    organizer: User, client_for: Callable[..., Client]
) -> None:
    row = store_event(_in_casablanca())
    accounts.grant(organizer, row, Role.ORGANIZER)
    page = client_for(organizer).get(f"/events/{row.slug}/edit/").content.decode()
    assert "+01" not in page
    assert "Casablanca" in _zones(page)


@pytest.mark.parametrize(
    ("lang", "words"),
    [
        ("en", "Receiving the delegation — subgroup {}"),
        ("fr", "Accueil de la délégation — sous-groupe {}"),
        ("ar", "استقبال الوفد — المجموعة الفرعية {}"),
    ],
)
def test_the_hosts_grid_says_which_subgroup_comes_on_a_day_the_delegation_splits(
    mission: Event, lang: str, words: str
) -> None:
    schedule = plan_event(event_record(mission), PlanSettings(time_limit=1.0)).schedule
    visits = [a for a in schedule.assignments if a.format is core.MeetingFormat.SITE_VISIT]
    by_day: dict[object, list[core.Assignment]] = {}
    for a in visits:
        by_day.setdefault(a.start.date(), []).append(a)
    split_day = next(day for day, found in sorted(by_day.items()) if len(found) >= 2)
    first, second = by_day[split_day][:2]
    whole = next(found[0] for day, found in sorted(by_day.items()) if day != split_day)
    groups = {first.id: "group-a", second.id: "group-b", whole.id: "all"}
    schedule = dataclasses.replace(
        schedule,
        assignments=tuple(
            dataclasses.replace(a, group=groups.get(a.id, a.group)) for a in schedule.assignments
        ),
    )
    version = store_schedule(mission, schedule)
    organizer = accounts.user_for_email("org@example.org")
    accounts.grant(organizer, mission, Role.ORGANIZER)
    client = Client()
    client.force_login(organizer)
    page = client.get(
        f"/organize/{mission.slug}/versions/{version.number}/?by=hosts", HTTP_ACCEPT_LANGUAGE=lang
    ).content.decode()

    def what(key: str) -> str:
        found = re.search(
            rf'data-key="{re.escape(key)}">.*?<span class="what"[^>]*>(.*?)</span>', page, re.S
        )
        assert found, key
        return re.sub(r"</?bdi[^>]*>", "", found.group(1)).strip()  # "A" isolated in Arabic

    assert what(first.id) == words.format("A")
    assert what(second.id) == words.format("B")
    assert "—" not in what(whole.id)  # the whole delegation comes: the plain words


def test_the_overview_counts_its_requests_in_words(
    organizer: User, event: Event, client_for: Callable[..., Client]
) -> None:
    """The disclosure over the requests table read a bare number ("3")."""
    page = client_for(organizer).get(f"/organize/{event.slug}/").content.decode()
    found = re.search(r'id="requests">.*?<summary>(.*?)</summary>', page, re.S)
    assert found is not None
    assert found.group(1) == "3 requests"


@pytest.mark.parametrize(
    ("lang", "morocco", "tunisia"),
    [("en", "Morocco", "Tunisia"), ("fr", "Maroc", "Tunisie"), ("ar", "المغرب", "تونس")],
)
def test_the_editor_names_each_organizations_country_in_the_readers_language(
    lang: str,
    morocco: str,
    tunisia: str,
    organizer: User,
    event: Event,
    client_for: Callable[..., Client],
) -> None:
    page = client_for(organizer).get(f"/events/{event.slug}/edit/", HTTP_ACCEPT_LANGUAGE=lang)
    cells = re.findall(r'<td data-country="([A-Z]*)">([^<]*)</td>', page.content.decode())
    assert sorted(cells) == [("MA", morocco), ("TN", tunisia), ("TN", tunisia)]
