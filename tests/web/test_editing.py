"""The organizer edits organizations, people, venues, legs and brokerage sessions, slots and
tables in the browser; the core judges each change on the whole event, all or nothing."""

from __future__ import annotations

import html
from collections.abc import Callable
from datetime import date

import pytest
from django.contrib.auth.models import User
from django.test import Client

from liqa.web.accounts.models import Membership, Role
from liqa.web.events.models import Event, Leg, Organization, Person, Venue
from liqa.web.events.records import event_record
from tests.web.editing_factories import errors, post, refused, refused_deletion, snapshot


@pytest.fixture
def org_client(organizer: User, client_for: Callable[..., Client]) -> Client:
    return client_for(organizer)


PERSON = {"name": "Dina Haddad", "organization": "o-gamma", "role": "Agronomist"}
SESSION = {"start": "2030-03-14 14:00", "end": "2030-03-14 15:00"}
LEG = {
    "city": "Sousse",
    "timezone": "Africa/Tunis",
    "start": "2030-03-15",
    "end": "2030-03-16",
    "day_start": "09:00",
    "day_end": "17:00",
    "lunch_start": "12:00",
    "lunch_end": "14:00",
    "lunch_minutes": "60",
    "max_visits_per_day": "3",
    "speed_kmh": "40",
    "detour_factor": "1.2",
    "buffer_minutes": "10",
}


# --- happy paths, one per kind -------------------------------------------------------------


def test_editing_page_lists_every_kind(org_client: Client, event: Event) -> None:
    page = org_client.get(f"/events/{event.slug}/edit/").content.decode()
    found = [f'id="{kind}"' in page for kind in ("organizations", "people", "venues", "legs")]
    assert (found, 'data-key="p-chen"' in page, 'data-key="morning"' in page) == (
        [True] * 4,
        True,
        True,
    )


def test_add_change_delete_organization(org_client: Client, event: Event) -> None:
    add = {"key": "o-delta", "name": "Delta Telecom", "side": "host", "kind": "company"}
    assert post(org_client, event, "organizations/_add/", add).status_code == 302
    change = {**add, "country": "TN", "themes": "telecom, 5g", "venue": "v-hall"}
    assert post(org_client, event, "organizations/o-delta/", change).status_code == 302
    saved = event_record(event).organization("o-delta")
    assert (saved.name, saved.country, saved.themes, saved.venue) == (
        "Delta Telecom",
        "TN",
        ("telecom", "5g"),
        "v-hall",
    )
    assert post(org_client, event, "organizations/o-delta/delete/", {}).status_code == 302
    assert list(Organization.objects.filter(event=event).values_list("key", flat=True)) == [
        "o-alpha",
        "o-beta",
        "o-gamma",
    ]


def test_add_person_enrols_them_and_a_new_address_replaces_the_old(
    org_client: Client, event: Event
) -> None:
    added = {"key": "p-dina", **PERSON, "email": "dina@example.org", "languages": "ar, fr"}
    assert post(org_client, event, "people/_add/", added).status_code == 302
    person = event_record(event).person("p-dina")
    assert (person.organization, person.languages, person.email) == (
        "o-gamma",
        ("ar", "fr"),
        "dina@example.org",
    )
    changed = {**added, "email": "dina.haddad@example.org"}
    assert post(org_client, event, "people/p-dina/", changed).status_code == 302
    members = Membership.objects.filter(event=event, role=Role.PARTICIPANT, person="p-dina")
    assert [(m.user.email, m.language) for m in members] == [("dina.haddad@example.org", "ar")]


def test_change_person_keeps_what_the_form_does_not_show(org_client: Client, event: Event) -> None:
    Person.objects.filter(event=event, key="p-chen").update(
        availability=[["2030-03-14T09:00:00+01:00", "2030-03-14T12:00:00+01:00"]]
    )
    data = {"name": "Chen Li", "organization": "o-gamma", "role": "Founder", "table": "2"}
    assert post(org_client, event, "people/p-chen/", data).status_code == 302
    row = Person.objects.get(event=event, key="p-chen")
    assert (row.role, row.table, row.email, row.availability) == (
        "Founder",
        2,
        "",
        [["2030-03-14T09:00:00+01:00", "2030-03-14T12:00:00+01:00"]],
    )


def test_delete_person_removes_their_account(org_client: Client, event: Event) -> None:
    added = {"key": "p-dina", **PERSON, "email": "dina@example.org"}
    post(org_client, event, "people/_add/", added)
    assert post(org_client, event, "people/p-dina/delete/", {}).status_code == 302
    assert (
        Person.objects.filter(event=event, key="p-dina").exists(),
        Membership.objects.filter(event=event, person="p-dina").exists(),
    ) == (False, False)


def test_add_change_delete_venue(org_client: Client, event: Event) -> None:
    venue = {"key": "v-annex", "name": "Annex", "city": "Tunis", "timezone": "Africa/Tunis"}
    assert post(org_client, event, "venues/_add/", venue).status_code == 302
    moved = {**venue, "address": "Rue de Marseille", "latitude": "36.8", "longitude": "10.18"}
    assert post(org_client, event, "venues/v-annex/", moved).status_code == 302
    row = Venue.objects.get(event=event, key="v-annex")
    assert (row.address, row.latitude, row.longitude, row.position) == (
        "Rue de Marseille",
        36.8,
        10.18,
        1,
    )
    assert post(org_client, event, "venues/v-annex/delete/", {}).status_code == 302
    assert not Venue.objects.filter(event=event, key="v-annex").exists()


def test_add_change_delete_leg(org_client: Client, event: Event) -> None:
    assert post(org_client, event, "legs/_add/", {"key": "sousse", **LEG}).status_code == 302
    assert post(org_client, event, "legs/sousse/", {**LEG, "hotel": "v-hall"}).status_code == 302
    leg = event_record(event).legs[1]
    assert (leg.id, leg.start, leg.end, leg.day_start, leg.hotel, leg.speed_kmh) == (
        "sousse",
        date(2030, 3, 15),
        date(2030, 3, 16),
        "09:00",
        "v-hall",
        40.0,
    )
    assert post(org_client, event, "legs/sousse/delete/", {}).status_code == 302
    assert list(Leg.objects.filter(event=event).values_list("key", flat=True)) == ["tunis"]


def test_add_change_delete_session(org_client: Client, event: Event) -> None:
    assert post(org_client, event, "sessions/_add/", {"key": "pm", **SESSION}).status_code == 302
    later = {"start": "2030-03-14 15:00", "end": "2030-03-14T16:00:00+01:00"}
    assert post(org_client, event, "sessions/pm/", later).status_code == 302
    event.refresh_from_db()
    assert event.brokerage is not None
    assert event.brokerage["sessions"][1] == {
        "id": "pm",
        "start": "2030-03-14T15:00:00+01:00",
        "end": "2030-03-14T16:00:00+01:00",
    }
    setup = event_record(event).brokerage
    assert setup is not None
    assert [slot.start.hour for slot in setup.slots()][-3:] == [15, 15, 15]
    assert post(org_client, event, "sessions/pm/delete/", {}).status_code == 302
    event.refresh_from_db()
    assert event.brokerage is not None
    assert [s["id"] for s in event.brokerage["sessions"]] == ["morning"]


def test_change_brokerage_slots_and_tables(org_client: Client, event: Event) -> None:
    data = {"venue": "v-hall", "slot_minutes": "30", "tables": "8"}
    assert post(org_client, event, "brokerage/", data).status_code == 302
    event.refresh_from_db()
    setup = event_record(event).brokerage
    assert setup is not None
    assert (setup.slot_minutes, setup.tables, len(setup.slots())) == (30, 8, 2)


def test_edit_form_shows_current_values(org_client: Client, event: Event) -> None:
    page = org_client.get(f"/events/{event.slug}/edit/sessions/morning/").content.decode()
    assert ('value="2030-03-14 09:00"' in page, 'value="2030-03-14 10:00"' in page) == (
        True,
        True,
    )


# --- refusals: the core's message on the field, nothing stored ------------------------------


def test_person_of_an_unknown_organization_is_refused(org_client: Client, event: Event) -> None:
    nowhere = {"key": "p-dina", **PERSON, "organization": "o-nope"}
    assert refused(org_client, event, "people/_add/", nowhere, "organization") == [
        "unknown organization 'o-nope' (define it under 'organizations' or fix the id)"
    ]


def test_duplicate_key_is_refused(org_client: Client, event: Event) -> None:
    taken = {"key": "o-alpha", **PERSON}
    assert refused(org_client, event, "people/_add/", taken, "key") == [
        "the key o-alpha is already used: Organizations 'o-alpha'"
    ]


def test_session_outside_its_day_is_refused(org_client: Client, event: Event) -> None:
    late = {"key": "late", "start": "2030-03-14 23:00", "end": "2030-03-15 01:00"}
    assert refused(org_client, event, "sessions/_add/", late, "start") == [
        "session 2030-03-14 23:00 – 2030-03-15 01:00 is outside the event's legs "
        "(tunis 2030-03-14..2030-03-14) (fix the date, add a leg that covers it, or give "
        "an explicit offset)"
    ]


def test_naive_time_on_no_leg_day_is_refused(org_client: Client, event: Event) -> None:
    naive = {"start": "2030-03-20 09:00", "end": "2030-03-20 10:00"}
    assert refused(org_client, event, "sessions/morning/", naive, "start") == [
        "session 2030-03-20 09:00 – 2030-03-20 10:00 is outside the event's legs "
        "(tunis 2030-03-14..2030-03-14) (fix the date, add a leg that covers it, or give "
        "an explicit offset)"
    ]


def test_time_of_day_not_in_24h_form_is_refused(org_client: Client, event: Event) -> None:
    leg = {**LEG, "city": "Tunis", "start": "2030-03-14", "end": "2030-03-14", "day_start": "8h30"}
    assert refused(org_client, event, "legs/tunis/", leg, "day_start") == [
        "'8h30' is not a valid local time (write times of day as HH:MM (24 h), e.g. \"08:30\" "
        "in quotes)"
    ]


def test_leg_change_that_strands_a_session_is_refused(org_client: Client, event: Event) -> None:
    moved = {**LEG, "city": "Tunis", "start": "2030-03-15", "end": "2030-03-15"}
    assert refused(org_client, event, "legs/tunis/", moved, "general") == [
        "Brokerage sessions 'morning': session Thu, Mar 14, 2030, 9:00\u202fAM – "
        "10:00\u202fAM is outside the event's legs (tunis 2030-03-15..2030-03-15) "
        "(fix the date, add a leg that covers it, or give an explicit offset)"
    ]


def test_fixed_table_beyond_the_tables_is_refused(org_client: Client, event: Event) -> None:
    data = {"name": "Chen Li", "organization": "o-gamma", "table": "9"}
    response = post(org_client, event, "people/p-chen/", data)
    assert errors(response, "table") == [
        "table 9 does not exist: the brokerage has 5 tables (use a table from 1 to the number "
        "of tables, or raise 'tables')"
    ]


def test_values_beyond_the_columns_are_refused_by_the_form(
    org_client: Client, event: Event
) -> None:
    before = snapshot(event)
    long_name = {"key": "p-dina", **PERSON, "name": "D" * 301, "email": "not-an-address"}
    person = post(org_client, event, "people/_add/", long_name)
    leg = post(org_client, event, "legs/tunis/", {**LEG, "lunch_minutes": str(10**12)})
    assert (person.status_code, errors(person, "name"), errors(person, "email")) == (
        400,
        ["Ensure this value has at most 300 characters (it has 301)."],
        ["Enter a valid email address."],
    )
    assert (leg.status_code, errors(leg, "lunch_minutes")) == (
        400,
        ["Ensure this value is less than or equal to 1440."],
    )
    assert snapshot(event) == before


def test_deleting_an_organization_with_people_says_who(org_client: Client, event: Event) -> None:
    page = refused_deletion(org_client, event, "organizations/o-beta/delete/")
    assert (
        "o-beta is used by People 'p-bruno' · organization: change or delete those first." in page
    )


def test_deleting_a_venue_in_use_says_what_uses_it(org_client: Client, event: Event) -> None:
    page = refused_deletion(org_client, event, "venues/v-hall/delete/")
    assert (
        "v-hall is used by Organizations 'o-beta' · venue; Brokerage slots and tables · venue: "
        "change or delete those first."
    ) in page


def test_deleting_a_person_with_requests_is_refused(org_client: Client, event: Event) -> None:
    response = post(org_client, event, "people/p-chen/delete/", {})
    page = html.unescape(response.content.decode())
    assert (response.status_code, Person.objects.filter(key="p-chen").count()) == (409, 1)
    assert "p-chen is used by Requests 'r-2' · to; Requests 'r-3' · to" in page


def test_unknown_record_or_kind_is_not_found(org_client: Client, event: Event) -> None:
    pages = [
        org_client.get(f"/events/{event.slug}/edit/{p}/")
        for p in ("people/p-nobody", "tables/_add")
    ]
    deletions = [
        org_client.post(f"/events/{event.slug}/edit/{p}/delete/")
        for p in ("people/p-nobody", "brokerage/x")
    ]
    assert [r.status_code for r in pages + deletions] == [404, 404, 404, 404]


def test_overview_links_to_the_editing_pages(org_client: Client, event: Event) -> None:
    page = org_client.get(f"/organize/{event.slug}/").content.decode()
    assert f'href="/events/{event.slug}/edit/" id="edit-event"' in page


def test_editing_pages_in_arabic_are_rtl_and_translated(org_client: Client, event: Event) -> None:
    org_client.post("/i18n/setlang/", {"language": "ar", "next": "/"})
    page = org_client.get(f"/events/{event.slug}/edit/people/_add/").content.decode()
    assert ('dir="rtl"' in page, "الاسم بالعربية" in page, "Name in Arabic" in page) == (
        True,
        True,
        False,
    )
    refused = post(org_client, event, "people/p-chen/delete/", {})
    assert "p-chen مستخدم في الطلبات 'r-2' · to" in html.unescape(refused.content.decode())


def test_the_cores_refusal_reads_in_the_organizers_language(
    org_client: Client, event: Event
) -> None:
    org_client.post("/i18n/setlang/", {"language": "fr", "next": "/"})
    data = {"name": "Chen Li", "organization": "o-gamma", "table": "9"}
    response = post(org_client, event, "people/p-chen/", data)
    assert errors(response, "table") == [
        "la table 9 n'existe pas : la session de rendez-vous compte 5 tables (utilisez une "
        "table de 1 au nombre de tables, ou augmentez 'tables')"
    ]
