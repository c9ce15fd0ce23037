"""The history in words: fields as the editing pages label them, values in the reader's
language, times in the event's local time naming its city, keys as names.

Before, the page showed each change as its stored field name and JSON value
(``<code>pinned</code>: false → true``, ``slot_start: 2030-03-14T08:20:00+00:00``), the
records by their keys (``p-chen``) and "times in Africa/Tunis", in every language.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from datetime import UTC, date, datetime
from zoneinfo import ZoneInfo

from django.contrib.auth.models import User
from django.test import Client

from liqa.web.accounts import services as accounts
from liqa.web.accounts.models import Role
from liqa.web.audit import wording
from liqa.web.audit.actor import acting
from liqa.web.events.models import Event, Organization, Person
from liqa.web.scheduling import services
from liqa.web.scheduling.models import ScheduleVersion
from tests.web.factories import api_client_for, history_entry, person_user
from tests.web.factories import history_changes as _changes

SLUG = "tunis-b2b-2030"
URL = f"/organize/{SLUG}/history/"


def _book(slot: str = "2030-03-14T09:20:00+01:00") -> None:
    client = api_client_for(person_user("amina@example.org"))
    assert client.post(f"/api/events/{SLUG}/requests/r-1/book/", {"slot": slot}).status_code == 201


def _read(client: Client, lang: str, url: str = URL) -> str:
    return client.get(url, HTTP_ACCEPT_LANGUAGE=lang).content.decode()


def _edit(event: Event, draft: ScheduleVersion, organizer: User) -> None:
    """An organizer pins a meeting, moves Chen to Beta Bank and adds a language, describes
    Beta Bank in two languages; then Amina books a slot."""
    with acting(organizer):
        services.set_pinned(draft, "r-2", True)
        chen = Person.objects.get(event=event, key="p-chen")
        chen.organization = "o-beta"
        chen.languages = ["en", "fr"]
        chen.save()
        beta = Organization.objects.get(event=event, key="o-beta")
        beta.description = {"en": "A bank", "fr": "Une banque"}
        beta.save()
    _book()


def test_fields_and_values_read_in_english(
    event: Event, draft: ScheduleVersion, organizer: User, client_for: Callable[..., Client]
) -> None:
    _edit(event, draft, organizer)
    page = _read(client_for(organizer), "en")
    assert _changes(page) == [
        "Slot: — → Mar 14, 2030 9:20\u202fAM (Tunis)",
        "Table: — → 1",
        "Booked by: — → Amina Idrissi",
        "Description in English: — → A bank",
        "Description in French: — → Une banque",
        "Organization: Gamma Farms → Beta Bank",
        "Languages: English → English, French",
        "Pinned: No → Yes",
        "3 organizations imported",
        "3 people imported",
        "3 requests imported",
    ]


def test_fields_and_values_read_in_french(
    event: Event, draft: ScheduleVersion, organizer: User, client_for: Callable[..., Client]
) -> None:
    _edit(event, draft, organizer)
    changes = _changes(_read(client_for(organizer), "fr"))
    assert changes == [
        "Créneau : — → 14 mars 2030 09:20 (Tunis)",
        "Table : — → 1",
        "Réservé par : — → Amina Idrissi",
        "Description en anglais : — → A bank",
        "Description en français : — → Une banque",
        "Organisation : Gamma Farms → Beta Bank",
        "Langues : anglais → anglais, français",
        "Épinglé : Non → Oui",
        "3 organisations importées",
        "3 personnes importées",
        "3 demandes importées",
    ]


def test_fields_and_values_read_in_arabic_with_latin_values_isolated(
    event: Event, draft: ScheduleVersion, organizer: User, client_for: Callable[..., Client]
) -> None:
    _edit(event, draft, organizer)
    page = _read(client_for(organizer), "ar")
    assert 'dir="rtl"' in page
    assert "<li>الهيئة: <bdi>Gamma Farms</bdi> ← <bdi>Beta Bank</bdi></li>" in page
    assert "<li>اللغات: <bdi>الإنجليزية</bdi> ← <bdi>الإنجليزية، الفرنسية</bdi></li>" in page
    assert ": <bdi>لا</bdi> ← <bdi>نعم</bdi></li>" in page  # pinned
    assert "<bdi>14\u200f/03\u200f/2030 09:20 (\u2066Tunis\u2069)</bdi>" in page


def test_records_are_named_not_keyed(
    event: Event, draft: ScheduleVersion, organizer: User, client_for: Callable[..., Client]
) -> None:
    _edit(event, draft, organizer)
    page = _read(client_for(organizer), "en")
    whats = re.findall(
        r'<td><span class="action">([^<]*)</span> · ([^<]*) '
        r"<bdi>([^<]*)</bdi></td>",  # named: no key beside the name (H12)
        page,
    )
    assert whats == [
        ("created", "Booking", "Amina Idrissi – Bruno Martin"),
        ("changed", "Organization", "Beta Bank"),
        ("changed", "Person", "Chen Li"),
        ("changed", "Assignment", "Amina Idrissi – Chen Li"),
        ("imported", "Event", "Tunis B2B 2030"),
    ]


def test_a_deleted_person_is_named_from_what_the_entry_kept(
    event: Event, organizer: User, client_for: Callable[..., Client]
) -> None:
    Person.objects.filter(event=event, key="p-chen").delete()
    page = _read(client_for(organizer), "en")
    assert "· Person <bdi>Chen Li</bdi></td>" in page
    assert "<li>Organization: <bdi>Gamma Farms</bdi> → <bdi>—</bdi></li>" in page


def test_times_name_the_city_not_the_zone_key(
    event: Event, organizer: User, client_for: Callable[..., Client]
) -> None:
    pages = {lang: _read(client_for(organizer), lang) for lang in ("en", "fr", "ar")}
    assert ["Africa/Tunis" in p for p in pages.values()] == [False] * 3
    assert "Tunis (Central European Standard Time)" in pages["en"]
    assert "Tunis (heure normale d’Europe centrale)" in pages["fr"]
    assert "\u2066Tunis\u2069 (توقيت وسط أوروبا الرسمي)" in pages["ar"]


def test_an_unknown_field_or_record_shows_as_recorded(
    event: Event, organizer: User, client_for: Callable[..., Client]
) -> None:
    odd = {"colour": ["red", "blue"], "table": ["one", {"n": 2}], "pinned": "odd"}
    history_entry("widget", "w-1", "changed", odd)
    response = client_for(organizer).get(URL)
    assert response.status_code == 200
    # known fields in the editing pages' order, then the unknown one
    assert _changes(response.content.decode())[:3] == [
        'Table: one → {"n": 2}',
        "Pinned: — → odd",
        "colour: red → blue",
    ]


HOUSTON = wording.Place(
    date(2024, 2, 11), date(2024, 2, 15), "Houston", ZoneInfo("America/Chicago")
)
VALLEY = wording.Place(
    date(2024, 2, 16), date(2024, 2, 21), "Silicon Valley", ZoneInfo("America/Los_Angeles")
)


def test_each_time_is_in_the_leg_the_event_is_in_then() -> None:
    """Before the mission: Houston's time; on a Silicon Valley day: California's; after it
    and between legs, the last leg begun."""
    clock = wording.Clock([VALLEY, HOUSTON], "en")
    moments = [
        datetime(2024, 1, 5, 15, tzinfo=UTC),
        datetime(2024, 2, 12, 15, tzinfo=UTC),
        datetime(2024, 2, 17, 18, tzinfo=UTC),
        datetime(2024, 3, 1, 18, tzinfo=UTC),
    ]
    assert [clock.text(m, "short") for m in moments] == [
        ("1/5/24 9:00\u202fAM", "Houston"),
        ("2/12/24 9:00\u202fAM", "Houston"),
        ("2/17/24 10:00\u202fAM", "Silicon Valley"),
        ("3/1/24 10:00\u202fAM", "Silicon Valley"),
    ]
    assert clock.note() == [
        ("Houston", "Central Standard Time"),
        ("Silicon Valley", "Pacific Standard Time"),
    ]


def test_changes_take_a_row_of_the_tables_width_on_a_phone(
    event: Event, organizer: User, client_for: Callable[..., Client]
) -> None:
    """On a 390 px phone (Chromium, the demo in ar and fr) the fourth and fifth columns, the
    action and the changes, were pushed off the screen by the others, an e-mail address the
    widest: each entry's changes now have a row of their own, the action goes with its
    record, and an address may break after its @."""
    _book()
    page = _read(client_for(organizer), "en")
    head = re.search(r"<thead>(.*?)</thead>", page, re.S)
    assert head is not None
    assert head.group(1).count("<th>") == 3
    assert page.count('<tr class="entry-changes"><td colspan="3"><ul class="changes"') == 2
    assert "<td><bdi>amina@<wbr>example.org</bdi></td>" in page


def test_a_known_role_reads_in_the_readers_language(
    event: Event, organizer: User, client_for: Callable[..., Client]
) -> None:
    """Roles the catalog knows read as the agendas give them; others as entered."""
    with acting(organizer):
        bruno = Person.objects.get(event=event, key="p-bruno")
        bruno.role = "Chief Technology Officer"
        bruno.save()
    page = _read(client_for(organizer), "fr")
    assert "<li>Fonction : <bdi>CTO</bdi> → <bdi>Directeur technique</bdi></li>" in page


def test_times_of_a_mission_across_cities_name_each_city(
    mission: Event, client_for: Callable[..., Client]
) -> None:
    """The demo mission is in Houston, then Silicon Valley: a person's availability on a
    day of each reads in each city's time, and the page names both cities."""
    organizer = accounts.user_for_email("organizer@example.org")
    accounts.grant(organizer, mission, Role.ORGANIZER)
    with acting(organizer):
        lamrani = Person.objects.get(event=mission, key="p-lamrani")
        lamrani.availability = [
            ["2024-02-12T15:00:00+00:00", "2024-02-12T23:00:00+00:00"],
            ["2024-02-19T17:00:00+00:00", "2024-02-20T01:00:00+00:00"],
        ]
        lamrani.save()
    page = _read(client_for(organizer), "en", f"/organize/{mission.slug}/history/")
    assert _changes(page)[0] == (
        "Available: — → Feb 12, 2024 9:00\u202fAM–5:00\u202fPM (Houston)"
        ", Feb 19, 2024 9:00\u202fAM–5:00\u202fPM (Silicon Valley)"
    )
    note = re.search(r'<p id="history-count">(.*?)</p>', page, re.S)
    assert note is not None
    assert "Houston (Central Standard Time), Silicon Valley (Pacific Standard Time)" in note.group(
        1
    )
    assert page.count('<small class="zone">Silicon Valley</small>') == 2  # each "When"
