"""Organizations' official French names (``name_fr``): French pages name a Moroccan ministry
in French, stored organizations without one keep their English name."""

from __future__ import annotations

import dataclasses
import re
from collections.abc import Callable

import pytest
from django.contrib.auth.models import User
from django.test import Client
from rest_framework.test import APIClient

from liqa.web.accounts import services as accounts
from liqa.web.events.models import Event, Organization
from liqa.web.events.records import event_record, store_event
from liqa.web.scheduling.publishing import publish
from liqa.web.scheduling.records import store_schedule
from tests.web.factories import make_core_event, make_schedule, person_user

BETA_FR = "Banque Bêta du Maghreb"


@pytest.fixture
def french_event(db: None) -> Event:
    """The test event, host Beta Bank with a French name, Gamma Farms without; published."""
    core_event = make_core_event()
    orgs = tuple(
        dataclasses.replace(o, name_fr=BETA_FR) if o.id == "o-beta" else o
        for o in core_event.organizations
    )
    row = store_event(dataclasses.replace(core_event, organizations=orgs))
    row.public = True
    row.save(update_fields=["public"])
    accounts.enrol_everyone(row)
    publish(store_schedule(row, make_schedule(core_event)), notify=False)
    return row


def _who(page: str, key: str) -> list[str]:
    entry = page.split(f'data-id="{key}"', 1)[1].split("</li>", 1)[0]
    lines = re.findall(r'<p class="who">(.*?)</p>', entry, re.S)
    return [" ".join(re.sub(r"<[^>]+>", "", line).split()) for line in lines]


def _in(client: Client, lang: str) -> Client:
    client.post("/i18n/setlang/", {"language": lang, "next": "/"})
    return client


def test_stored_french_name_reads_back_and_blank_for_the_others(french_event: Event) -> None:
    event = event_record(french_event)
    assert event.organization("o-beta").name_fr == BETA_FR
    assert event.organization("o-gamma").name_fr == ""
    assert Organization.objects.get(event=french_event, key="o-gamma").name_fr == ""


def test_french_agenda_page_names_the_host_in_french(
    french_event: Event, client_for: Callable[..., Client]
) -> None:
    amina = client_for(person_user("amina@example.org"))
    english = amina.get(f"/me/{french_event.slug}/").content.decode()
    assert _who(english, "r-1")[1] == "Hosts: Beta Bank — Bruno Martin (CTO)"
    page = _in(amina, "fr").get(f"/me/{french_event.slug}/").content.decode()
    assert BETA_FR in _who(page, "r-1")[1]
    assert "Beta Bank" not in _who(page, "r-1")[1]
    # stored without a French name: its English name, in French too
    assert "Gamma Farms" in _who(page, "r-2")[1]


def test_french_public_page_names_the_host_in_french(
    french_event: Event, client_for: Callable[..., Client]
) -> None:
    visitor = client_for(None)
    assert "Beta Bank" in visitor.get(f"/events/{french_event.slug}/").content.decode()
    page = _in(visitor, "fr").get(f"/events/{french_event.slug}/").content.decode()
    assert BETA_FR in page
    assert "Beta Bank" not in page
    assert "Gamma Farms" in page


def test_api_gives_the_french_name(french_event: Event) -> None:
    response = APIClient().get(f"/api/events/{french_event.slug}/organizations/")
    names = {o["id"]: o["name_fr"] for o in response.json()}
    assert names == {"o-alpha": "", "o-beta": BETA_FR, "o-gamma": ""}


def test_organizer_gives_an_organization_its_french_name_in_the_editing_form(
    organizer: User, event: Event, client_for: Callable[..., Client]
) -> None:
    client = client_for(organizer)
    form = client.get(f"/events/{event.slug}/edit/organizations/o-beta/").content.decode()
    assert 'name="name_fr"' in form
    change = {"key": "o-beta", "name": "Beta Bank", "side": "host", "kind": "company"}
    change |= {"name_fr": BETA_FR, "country": "TN", "venue": "v-hall"}
    response = client.post(f"/events/{event.slug}/edit/organizations/o-beta/", change)
    assert response.status_code == 302
    saved = event_record(event).organization("o-beta")
    assert (saved.name, saved.name_fr) == ("Beta Bank", BETA_FR)
