"""The organizer edits a person's availability, an organization's matchmaking profile (and
sees the themes the core finds in it), and gives a trade mission a brokerage setup."""

from __future__ import annotations

from django.test import Client

from liqa.core import model as core
from liqa.web.events.models import Event, Organization, Person
from liqa.web.events.records import event_record
from tests.web.editing_factories import (
    EVERYONE_DENIED,
    houston,
    outsider_statuses,
    post,
    refused,
)

AVAILABLE = {"availability": "2030-03-11 08:00-12:00\n2030-03-12 13:00-18:00"}
PROFILE = {
    "description_en": "Atlas Logistics runs warehouses in Casablanca.",
    "offers_en": "Mobile payments and fintech APIs for banks",
    "seeks_fr": "Nous cherchons des partenaires en cybersécurité et cloud",
    "themes": "fintech, not-a-theme",
}
BROKERAGE = {
    "venue": "v-hotel",
    "slot_minutes": "20",
    "tables": "6",
    "session_key": "b2b-day",
    "session_start": "2030-03-11 14:00",
    "session_end": "2030-03-11 16:00",
}


# --- availability ----------------------------------------------------------------------------


def test_set_and_clear_a_persons_availability(
    houston_organizer: Client, houston_mission: Event
) -> None:
    assert (
        post(houston_organizer, houston_mission, "availability/p-amina/", AVAILABLE).status_code
        == 302
    )
    assert event_record(houston_mission).person("p-amina").availability == (
        core.TimeWindow(houston(11, 8), houston(11, 12)),
        core.TimeWindow(houston(12, 13), houston(12, 18)),
    )
    page = houston_organizer.get(f"/events/{houston_mission.slug}/edit/availability/p-amina/")
    assert "2030-03-11 08:00-12:00\n2030-03-12 13:00-18:00</textarea>" in page.content.decode()
    assert post(houston_organizer, houston_mission, "availability/p-amina/", {}).status_code == 302
    row = Person.objects.get(event=houston_mission, key="p-amina")
    assert (row.availability, row.name, row.email) == ([], "Amina Idrissi", "amina@example.org")


def test_availability_outside_the_legs_days_is_refused(
    houston_organizer: Client, houston_mission: Event
) -> None:
    late = {"availability": "2030-03-14 08:00-12:00"}
    path = "availability/p-amina/"
    assert refused(houston_organizer, houston_mission, path, late, "availability") == [
        "availability 2030-03-14 08:00 – 2030-03-14 12:00 is outside the event's legs "
        "(houston 2030-03-10..2030-03-12) (fix the date, add a leg that covers it, or give "
        "an explicit offset)"
    ]


def test_availability_with_an_invalid_time_is_refused(
    houston_organizer: Client, houston_mission: Event
) -> None:
    bad = {"availability": "2030-03-11 8-12"}
    path = "availability/p-amina/"
    assert refused(houston_organizer, houston_mission, path, bad, "availability") == [
        "line 1: '2030-03-11 8-12' is not a window: write YYYY-MM-DD HH:MM-HH:MM"
    ]


def test_availability_is_changed_never_added_or_deleted(
    houston_organizer: Client, houston_mission: Event
) -> None:
    base = f"/events/{houston_mission.slug}/edit/"
    found = [
        houston_organizer.get(base + "availability/_add/").status_code,
        houston_organizer.post(base + "availability/p-amina/delete/").status_code,
        houston_organizer.get(base + "profiles/_add/").status_code,
        houston_organizer.get(base + "availability/p-nobody/").status_code,
    ]
    assert (found, event_record(houston_mission).person("p-amina").name) == (
        [404, 404, 404, 404],
        "Amina Idrissi",
    )


# --- matchmaking profile ---------------------------------------------------------------------


def test_profile_is_saved_by_language_and_shows_the_themes_found(
    houston_organizer: Client, houston_mission: Event
) -> None:
    response = post(houston_organizer, houston_mission, "profiles/o-atlas/", PROFILE)
    assert response.status_code == 302
    assert response["Location"] == f"/events/{houston_mission.slug}/edit/profiles/o-atlas/"
    org = event_record(houston_mission).organization("o-atlas")
    assert (org.description, org.offers, org.seeks, org.themes, org.name) == (
        {"en": "Atlas Logistics runs warehouses in Casablanca."},
        {"en": "Mobile payments and fintech APIs for banks"},
        {"fr": "Nous cherchons des partenaires en cybersécurité et cloud"},
        ("fintech", "not-a-theme"),
        "Atlas Logistics",
    )
    page = houston_organizer.get(response["Location"]).content.decode()
    shown = [
        page.split(f'id="themes-{part}">', 1)[1].split("<", 1)[0]
        for part in ("offers", "seeks", "works-in", "unknown")
    ]
    assert shown == [
        "fintech",
        "cloud computing, cybersecurity",
        "logistics and supply chain",
        "Not in the thesaurus (ignored): not-a-theme",
    ]


def test_profile_keeps_an_english_description_and_adds_french(
    houston_organizer: Client, houston_mission: Event
) -> None:
    page = houston_organizer.get(f"/events/{houston_mission.slug}/edit/profiles/o-atlas/").content
    assert ">\nA logistics company.</textarea>" in page.decode()
    data = {"description_en": "A logistics company.", "description_fr": "Une société logistique."}
    assert post(houston_organizer, houston_mission, "profiles/o-atlas/", data).status_code == 302
    row = Organization.objects.get(event=houston_mission, key="o-atlas")
    assert (row.description, row.offers, row.side) == (
        {"en": "A logistics company.", "fr": "Une société logistique."},
        {},
        "delegation",
    )


def test_profile_themes_in_arabic_page_are_labelled_in_arabic(
    houston_organizer: Client, houston_mission: Event
) -> None:
    post(houston_organizer, houston_mission, "profiles/o-atlas/", PROFILE)
    houston_organizer.post("/i18n/setlang/", {"language": "ar", "next": "/"})
    page = houston_organizer.get(
        f"/events/{houston_mission.slug}/edit/profiles/o-atlas/"
    ).content.decode()
    seeks = page.split('id="themes-seeks">', 1)[1].split("<", 1)[0]
    assert ('dir="rtl"' in page, seeks, "الوصف بالفرنسية" in page) == (
        True,
        "الأمن السيبراني, الحوسبة السحابية",
        True,
    )


# --- brokerage setup on a trade mission -------------------------------------------------------


def test_brokerage_setup_is_given_to_an_event_without_one(
    houston_organizer: Client, houston_mission: Event
) -> None:
    index = houston_organizer.get(f"/events/{houston_mission.slug}/edit/").content.decode()
    assert 'id="setup-brokerage"' in index
    assert post(houston_organizer, houston_mission, "brokerage/", BROKERAGE).status_code == 302
    houston_mission.refresh_from_db()
    assert event_record(houston_mission).brokerage == core.BrokerageSetup(
        venue="v-hotel",
        slot_minutes=20,
        tables=6,
        sessions=(core.Session("b2b-day", houston(11, 14), houston(11, 16)),),
    )
    form = houston_organizer.get(f"/events/{houston_mission.slug}/edit/brokerage/").content.decode()
    assert ('name="session_start"' in form, 'value="v-hotel" selected' in form) == (False, True)


def test_brokerage_first_session_outside_the_legs_is_refused(
    houston_organizer: Client, houston_mission: Event
) -> None:
    late = {**BROKERAGE, "session_start": "2030-03-13 14:00", "session_end": "2030-03-13 16:00"}
    assert refused(houston_organizer, houston_mission, "brokerage/", late, "session_start") == [
        "session 2030-03-13 14:00 – 2030-03-13 16:00 is outside the event's legs "
        "(houston 2030-03-10..2030-03-12) (fix the date, add a leg that covers it, or give "
        "an explicit offset)"
    ]


def test_brokerage_setup_at_an_unknown_venue_is_refused(
    houston_organizer: Client, houston_mission: Event
) -> None:
    nowhere = {**BROKERAGE, "venue": "v-nope"}
    assert refused(houston_organizer, houston_mission, "brokerage/", nowhere, "venue") == [
        "unknown venue 'v-nope' (did you mean 'v-hotel'?)"
    ]


# --- permissions -----------------------------------------------------------------------------


def test_availability_profiles_and_brokerage_are_not_edited_by_others(
    houston_mission: Event,
) -> None:
    pages = ["availability/p-amina/", "profiles/o-atlas/", "brokerage/"]
    posts = [
        ("availability/p-amina/", AVAILABLE),
        ("profiles/o-atlas/", PROFILE),
        ("brokerage/", BROKERAGE),
    ]
    assert outsider_statuses(houston_mission, pages, posts) == EVERYONE_DENIED
