"""Venues' official French names (``name_fr``) in the web app: stored and read back, given
in the editing form, read on French agenda pages, the host API and the French history;
venues stored without one (and before migration ``events.0008``) keep their name."""

from __future__ import annotations

import dataclasses
from collections.abc import Callable

import pytest
from django.contrib.auth.models import User
from django.db.backends.base.base import BaseDatabaseWrapper
from django.db.migrations.executor import MigrationExecutor
from django.test import Client
from django.utils import translation

from liqa.web.accounts import services as accounts
from liqa.web.accounts.models import Role
from liqa.web.audit.actor import acting
from liqa.web.events.models import Event, Organization, Venue
from liqa.web.events.records import event_record, store_event
from liqa.web.scheduling.publishing import publish
from liqa.web.scheduling.records import store_schedule
from tests.web.factories import (
    api_client_for,
    history_changes,
    make_core_event,
    make_schedule,
    person_user,
)
from tests.web.test_data_version_triggers import ALIAS, missing_triggers
from tests.web.test_data_version_triggers import fresh_sqlite as fresh_sqlite  # the fixture

HALL_FR = "Palais des congrès de Tunis"
BEFORE = [("events", "0007_person_gender")]


@pytest.fixture
def french_event(db: None) -> Event:
    """The test event, its hall with a French name; published."""
    core_event = make_core_event()
    venues = tuple(dataclasses.replace(v, name_fr=HALL_FR) for v in core_event.venues)
    row = store_event(dataclasses.replace(core_event, venues=venues))
    accounts.enrol_everyone(row)
    publish(store_schedule(row, make_schedule(core_event)), notify=False)
    return row


def _in(client: Client, lang: str) -> Client:
    client.post("/i18n/setlang/", {"language": lang, "next": "/"})
    return client


def test_stored_french_name_reads_back(french_event: Event) -> None:
    assert event_record(french_event).venue("v-hall").name_fr == HALL_FR
    assert Venue.objects.get(event=french_event, key="v-hall").name_fr == HALL_FR


def test_a_venue_stored_without_one_has_a_blank_french_name(event: Event) -> None:
    assert event_record(event).venue("v-hall").name_fr == ""


def test_french_agenda_page_names_the_venue_in_french(
    french_event: Event, client_for: Callable[..., Client]
) -> None:
    amina = client_for(person_user("amina@example.org"))
    english = amina.get(f"/me/{french_event.slug}/").content.decode()
    assert "Palais des Congrès" in english
    assert HALL_FR not in english
    page = _in(amina, "fr").get(f"/me/{french_event.slug}/").content.decode()
    assert HALL_FR in page


def test_host_api_gives_the_place_in_the_readers_language(french_event: Event) -> None:
    admin = accounts.user_for_email("admin@beta.example")
    accounts.grant(admin, french_event, Role.HOST_ADMIN, organization="o-beta")
    client = api_client_for(admin)
    url = f"/api/events/{french_event.slug}/host/"
    french = client.get(url, HTTP_ACCEPT_LANGUAGE="fr").json()["meetings"]
    english = client.get(url, HTTP_ACCEPT_LANGUAGE="en").json()["meetings"]
    assert [m["place"] for m in french] == [HALL_FR]
    assert [m["place"] for m in english] == ["Palais des Congrès"]


def test_organizer_gives_a_venue_its_french_name_in_the_editing_form(
    organizer: User, event: Event, client_for: Callable[..., Client]
) -> None:
    client = client_for(organizer)
    url = f"/events/{event.slug}/edit/venues/v-hall/"
    form = client.get(url).content.decode()
    assert 'name="name_fr"' in form
    change = {"key": "v-hall", "name": "Palais des Congrès", "city": "Tunis"}
    change |= {"timezone": "Africa/Tunis", "address": "Avenue Mohamed V, Tunis"}
    change |= {"latitude": "36.8065", "longitude": "10.1815", "name_fr": HALL_FR}
    assert client.post(url, change).status_code == 302
    saved = event_record(event).venue("v-hall")
    assert (saved.name, saved.name_fr, saved.address) == (
        "Palais des Congrès",
        HALL_FR,
        "Avenue Mohamed V, Tunis",
    )
    # and it can be taken away again
    assert client.post(url, {**change, "name_fr": ""}).status_code == 302
    assert event_record(event).venue("v-hall").name_fr == ""


@pytest.mark.parametrize(
    ("lang", "expected"),
    [("en", "Palais des Congrès"), ("fr", HALL_FR), ("ar", "Palais des Congrès")],
)
def test_the_history_names_a_venue_by_its_french_name_on_the_french_page(
    event: Event, organizer: User, client_for: Callable[..., Client], lang: str, expected: str
) -> None:
    Venue.objects.filter(event=event, key="v-hall").update(name_fr=HALL_FR)
    with acting(organizer):
        gamma = Organization.objects.get(event=event, key="o-gamma")
        gamma.venue = "v-hall"
        gamma.save()
    page = client_for(organizer).get(f"/organize/{event.slug}/history/", HTTP_ACCEPT_LANGUAGE=lang)
    with translation.override(lang):
        label = translation.gettext("Venue")
    [line] = [x for x in history_changes(page.content.decode()) if x.startswith(label)]
    assert expected in line
    if lang != "fr":
        assert HALL_FR not in line


def test_sqlite_keeps_its_triggers_through_the_venue_migration_forward_and_back(
    fresh_sqlite: BaseDatabaseWrapper,
) -> None:
    """``events.0008`` rebuilds ``events_venue`` on SQLite; the venue stored before keeps its
    row (no French name) and every table its triggers, forward and back; a venue written
    afterwards raises the event's data stamp."""
    executor = MigrationExecutor(fresh_sqlite)
    executor.migrate(BEFORE)
    old = executor.loader.project_state(BEFORE).apps
    event = (
        old.get_model("events.Event")
        .objects.using(ALIAS)
        .create(slug="mig-2030", kind="trade_mission", title={"en": "M"})
    )
    old.get_model("events.Venue").objects.using(ALIAS).create(
        event=event, key="v-1", name="Hall", city="Rabat", timezone="Africa/Casablanca"
    )
    executor.loader.build_graph()
    leaves = executor.loader.graph.leaf_nodes()
    executor.migrate(leaves)
    latest = executor.loader.project_state(leaves).apps
    venues = latest.get_model("events.Venue").objects.using(ALIAS)
    assert list(venues.values_list("key", "name", "name_fr")) == [("v-1", "Hall", "")]
    assert missing_triggers(fresh_sqlite) == []

    def counter() -> int:
        with fresh_sqlite.cursor() as cursor:
            cursor.execute("SELECT n FROM liqa_event_data_version WHERE event_id = %s", [event.pk])
            return int(cursor.fetchone()[0])

    before = counter()
    venues.filter(key="v-1").update(name_fr="Salle")
    assert counter() > before

    executor.loader.build_graph()
    executor.migrate(BEFORE)
    assert missing_triggers(fresh_sqlite) == []
    executor.loader.build_graph()
    executor.migrate(leaves)
    assert missing_triggers(fresh_sqlite) == []
