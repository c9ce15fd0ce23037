"""The editing pages of a person, an organization, a visit, a venue, a leg, a brokerage
session and a programme item, as a French organizer read them: each names its record by
the name the reader knows (the organization's or venue's French or Arabic name, the
person's Arabic name, a leg by its city and dates, a session by its day and hours, an item
by its title), not by the file's key; their help texts start with a capital letter (and are
sentences, not a format's letters), and the windows' examples are on the event's own days
(a mission in 2027, not 2030), on the leg in the city of the visit's venue."""

from __future__ import annotations

import html
import re
from dataclasses import replace
from datetime import date, datetime
from zoneinfo import ZoneInfo

import pytest
from django.contrib.auth import get_user_model
from django.test import Client

from liqa.core import model as core
from liqa.web.accounts import services as accounts
from liqa.web.events import creating
from liqa.web.events.models import Event
from liqa.web.events.records import store_event
from tests.web.editing_factories import organizer_of
from tests.web.page_text import heading, title

CLUSTER = "casablanca-digital-cluster"
HOUSTON = ZoneInfo("America/Chicago")


def _mission() -> core.Event:
    """A mission in May 2027: Houston, then San Francisco, where its host receives."""
    return core.Event(
        id="usa-2027",
        kind=core.EventKind.TRADE_MISSION,
        title={"en": "USA 2027", "fr": "États-Unis 2027", "ar": "الولايات المتحدة 2027"},
        legs=(
            core.Leg("houston", "Houston", "America/Chicago", date(2027, 5, 10), date(2027, 5, 12)),
            core.Leg(
                "sf", "San Francisco", "America/Los_Angeles", date(2027, 5, 13), date(2027, 5, 14)
            ),
        ),
        venues=(
            core.Venue("v-bay", "Bay Innovation Hub", "San Francisco", "America/Los_Angeles"),
            core.Venue(
                "hq-houston",
                "Houston Technology Center",
                "Houston",
                "America/Chicago",
                name_ar="مركز هيوستن للتكنولوجيا",
                name_fr="Centre technologique de Houston",
            ),
        ),
        organizations=(
            core.Organization(
                CLUSTER,
                "Casablanca Digital Cluster",
                core.Side.DELEGATION,
                name_ar="المجمع الرقمي للدار البيضاء",
                name_fr="Pôle numérique de Casablanca",
            ),
            core.Organization(
                "h-bay",
                "Bay Innovation Partners",
                core.Side.HOST,
                venue="v-bay",
                name_ar="شركاء الخليج للابتكار",
                name_fr="Partenaires de la baie pour l'innovation",
            ),
        ),
        people=(
            core.Person(
                "p-salma",
                "Salma Bennani",
                CLUSTER,
                name_ar="سلمى بناني",
                email="salma@example.org",
            ),
            core.Person("p-grace", "Grace Lee", "h-bay", email="grace@example.org"),
        ),
        visits=(core.CandidateVisit("vis-bay", "h-bay", "v-bay"),),
        programme=(
            core.ProgrammeItem(
                "prog-welcome",
                core.ProgrammeKind.BRIEFING,
                {"en": "Welcome briefing", "fr": "Réunion d'accueil", "ar": "إحاطة ترحيبية"},
                datetime(2027, 5, 10, 9, tzinfo=HOUSTON),
                datetime(2027, 5, 10, 10, tzinfo=HOUSTON),
                venue="hq-houston",
            ),
        ),
    )


@pytest.fixture
def mission(db: None) -> Event:
    row = store_event(_mission())
    accounts.enrol_everyone(row)
    return row


@pytest.fixture
def organizer(mission: Event) -> Client:
    return organizer_of(mission)


def _page(client: Client, event: Event, path: str, lang: str) -> str:
    response = client.get(f"/events/{event.slug}/edit/{path}", HTTP_ACCEPT_LANGUAGE=lang)
    assert response.status_code == 200
    return str(response.content.decode())


def _helps(page: str) -> dict[str, str]:
    """Field → its help text."""
    found = re.findall(r'<small id="id_(\w+)_helptext">(.*?)</small>', page, re.S)
    return {field: html.unescape(text) for field, text in found}


ORGANIZATION_NAMES = {
    "en": "Casablanca Digital Cluster",
    "fr": "Pôle numérique de Casablanca",
    "ar": "المجمع الرقمي للدار البيضاء",
}


@pytest.mark.parametrize("lang", ["en", "fr", "ar"])
@pytest.mark.parametrize("kind", ["organizations", "profiles"])
def test_an_organizations_pages_are_named_by_its_name_in_the_readers_language(
    organizer: Client, mission: Event, kind: str, lang: str
) -> None:
    page = _page(organizer, mission, f"{kind}/{CLUSTER}/", lang)
    assert ORGANIZATION_NAMES[lang] in heading(page)
    assert ORGANIZATION_NAMES[lang] in title(page)
    assert CLUSTER not in heading(page) + title(page)


def test_a_persons_page_is_named_by_the_arabic_name_on_an_arabic_page(
    organizer: Client, mission: Event
) -> None:
    page = _page(organizer, mission, "people/p-salma/", "ar")
    assert "سلمى بناني" in heading(page)
    assert "سلمى بناني" in title(page)
    assert "p-salma" not in heading(page) + title(page)


@pytest.mark.parametrize("lang", ["en", "fr"])
def test_a_persons_page_is_named_by_the_name(organizer: Client, mission: Event, lang: str) -> None:
    page = _page(organizer, mission, "people/p-salma/", lang)
    assert "Salma Bennani" in heading(page)
    assert "p-salma" not in heading(page) + title(page)


def test_a_latin_name_is_isolated_on_an_arabic_page(organizer: Client, mission: Event) -> None:
    page = _page(organizer, mission, "people/p-grace/", "ar")
    assert '<bdi class="ltr">Grace Lee</bdi>' in heading(page)
    assert "\u2066Grace Lee\u2069" in title(page)


@pytest.mark.parametrize(
    ("lang", "host"),
    [
        ("en", "Bay Innovation Partners"),
        ("fr", "Partenaires de la baie pour l'innovation"),
        ("ar", "شركاء الخليج للابتكار"),
    ],
)
def test_a_visits_page_is_named_by_its_host(
    organizer: Client, mission: Event, lang: str, host: str
) -> None:
    page = _page(organizer, mission, "visits/vis-bay/", lang)
    assert host in heading(page)
    assert host in title(page)
    assert "vis-bay" not in heading(page) + title(page)


@pytest.mark.parametrize("lang", ["en", "fr"])
@pytest.mark.parametrize(
    "path",
    [f"organizations/{CLUSTER}/", "people/p-salma/", f"profiles/{CLUSTER}/", "visits/vis-bay/"],
)
def test_every_help_starts_with_a_capital_letter(
    organizer: Client, mission: Event, path: str, lang: str
) -> None:
    """(The languages' help is an example of codes, written in lower case: ``ar, fr, en``.)"""
    helps = _helps(_page(organizer, mission, path, lang))
    assert helps
    lower = {
        field: text
        for field, text in helps.items()
        if text[0].islower() and not (field == "languages" and text == "ar, fr, en")
    }
    assert not lower


def test_the_visit_windows_help_in_english(organizer: Client, mission: Event) -> None:
    assert _helps(_page(organizer, mission, "visits/vis-bay/", "en"))["windows"] == (
        "One window a line, in local time of the visit's venue, for example "
        "2027-05-13 09:00-12:00. Over midnight: 2027-05-13 22:00 – 2027-05-14 01:00."
    )


@pytest.mark.parametrize("lang", ["en", "fr", "ar"])
def test_the_visit_windows_examples_are_on_the_event_s_days(
    organizer: Client, mission: Event, lang: str
) -> None:
    text = _helps(_page(organizer, mission, "visits/vis-bay/", lang))["windows"]
    assert "2030" not in text
    assert "2027-05-13 09:00-12:00" in text  # the San Francisco leg's, where the venue is


def test_a_new_visits_example_is_on_the_event_s_first_day(
    organizer: Client, mission: Event
) -> None:
    text = _helps(_page(organizer, mission, "visits/_add/", "en"))["windows"]
    assert text.startswith("One window a line")
    assert "2027-05-10 09:00-12:00" in text
    assert "2030" not in text


def test_a_host_staffs_availability_example_is_on_the_leg_of_their_venue(
    organizer: Client, mission: Event
) -> None:
    text = _helps(_page(organizer, mission, "availability/p-grace/", "en"))["availability"]
    assert "for example 2027-05-13 09:00-12:00" in text


def test_the_organizations_own_help_in_english(organizer: Client, mission: Event) -> None:
    helps = _helps(_page(organizer, mission, f"organizations/{CLUSTER}/", "en"))
    assert helps["key"] == "Letters, digits, '-', '_' and '.'; cannot change"


def _hall() -> core.Event:
    """A brokerage event as the new-event page makes it: one leg (key ``agadir``), one hall
    (``v-hall``), one session a day (``s-2026-12-03``), in the Agadir's one zone."""
    return creating.new_event(
        {
            "title": "Rencontres d'affaires Agadir 2026",
            "city": "Agadir",
            "timezone": "Africa/Casablanca",
            "first_day": date(2026, 12, 3),
            "last_day": date(2026, 12, 4),
            "venue": "Palais des congrès d'Agadir",
            "session_start": datetime(2026, 12, 3, 9).time(),
            "session_end": datetime(2026, 12, 3, 12).time(),
            "slot_minutes": 20,
            "tables": 6,
        },
        "fr",
    )


@pytest.fixture
def hall(db: None) -> Event:
    return store_event(_hall())


@pytest.mark.parametrize(
    ("lang", "name"),
    [
        ("en", "Houston Technology Center"),
        ("fr", "Centre technologique de Houston"),
        ("ar", "مركز هيوستن للتكنولوجيا"),
    ],
)
def test_a_venues_page_is_named_by_its_name_in_the_readers_language(
    organizer: Client, mission: Event, lang: str, name: str
) -> None:
    page = _page(organizer, mission, "venues/hq-houston/", lang)
    assert name in heading(page)
    assert name in title(page)
    assert "hq-houston" not in heading(page) + title(page)


@pytest.mark.parametrize(
    ("lang", "words"),
    [
        ("en", ["Houston", "May 10", "12, 2027"]),
        ("fr", ["Houston", "10", "12 mai 2027"]),
        ("ar", ["هيوستن"]),
    ],
)
def test_a_legs_page_is_named_by_its_city_and_dates(
    organizer: Client, mission: Event, lang: str, words: list[str]
) -> None:
    page = _page(organizer, mission, "legs/houston/", lang)
    for word in words:
        assert word in heading(page)
        assert word in title(page)
    assert "<code>houston</code>" not in heading(page)


@pytest.mark.parametrize(
    ("lang", "item"),
    [("en", "Welcome briefing"), ("fr", "Réunion d'accueil"), ("ar", "إحاطة ترحيبية")],
)
def test_a_programme_items_page_is_named_by_its_title_in_the_readers_language(
    organizer: Client, mission: Event, lang: str, item: str
) -> None:
    page = _page(organizer, mission, "programme/prog-welcome/", lang)
    assert item in heading(page)
    assert item in title(page)
    assert "prog-welcome" not in heading(page) + title(page)


@pytest.mark.parametrize(
    ("lang", "words"),
    [
        ("en", ["December 3, 2026", "9:00", "12:00"]),
        ("fr", ["3 décembre 2026", "09:00–12:00"]),
        ("ar", ["دجنبر 2026", "09:00–12:00"]),
    ],
)
def test_a_sessions_page_is_named_by_its_day_and_hours(
    hall: Event, lang: str, words: list[str]
) -> None:
    page = _page(organizer_of(hall), hall, "sessions/s-2026-12-03/", lang)
    for word in words:
        assert word in heading(page)
        assert word in title(page)
    assert "s-2026-12-03" not in heading(page) + title(page)


def test_a_session_of_an_event_across_zones_names_its_clock(db: None) -> None:
    """The mission's brokerage day in Houston: its hours on the hall's clock, in CDT."""
    session = core.Session(
        "s-houston",
        datetime(2027, 5, 11, 9, tzinfo=HOUSTON),
        datetime(2027, 5, 11, 12, tzinfo=HOUSTON),
    )
    row = store_event(
        replace(
            _mission(),
            brokerage=core.BrokerageSetup("hq-houston", 20, 4, (session,)),
        )
    )
    page = _page(organizer_of(row), row, "sessions/s-houston/", "fr")
    assert "11 mai 2027, 09:00–12:00 CDT" in heading(page)
    assert "s-houston" not in heading(page) + title(page)


@pytest.mark.parametrize(
    ("event", "path"),
    [
        ("mission", "venues/hq-houston/"),
        ("mission", "legs/houston/"),
        ("mission", "programme/prog-welcome/"),
        ("mission", "programme/_add/"),
        ("hall", "sessions/s-2026-12-03/"),
        ("hall", "venues/v-hall/"),
        ("hall", "legs/agadir/"),
    ],
)
@pytest.mark.parametrize("lang", ["en", "fr"])
def test_every_help_of_places_times_and_items_is_a_sentence(
    request: pytest.FixtureRequest, event: str, path: str, lang: str
) -> None:
    """A help starts with a capital letter and a word, not with a format's letters
    (``YYYY-MM-DD``, ``HH:MM``) or a lone example (``Africa/Casablanca``)."""
    row = request.getfixturevalue(event)
    helps = _helps(_page(organizer_of(row), row, path, lang))
    assert helps
    assert {field: text for field, text in helps.items() if not _sentence(text)} == {}


def _sentence(text: str) -> bool:
    """Whether ``text`` reads as a sentence: a word starting with a capital (its other
    letters in lower case), and more words after it."""
    return re.match(r"[A-ZÀ-Ý][a-zà-ÿ]*[\s,:;]", text) is not None and len(text.split()) >= 3


def test_the_new_event_pages_help_is_a_sentence(db: None, client: Client) -> None:
    staff = get_user_model().objects.create_user("staff", "staff@example.org", is_staff=True)
    client.force_login(staff)
    page = client.get("/events/new/", HTTP_ACCEPT_LANGUAGE="en")
    assert page.status_code == 200
    helps = _helps(page.content.decode())
    assert helps
    assert {field: text for field, text in helps.items() if not _sentence(text)} == {}


@pytest.mark.parametrize(
    ("event", "path", "moment"),
    [
        ("mission", "programme/prog-welcome/", "2027-05-10 09:00"),
        ("mission", "programme/_add/", "2027-05-10 09:00"),
        ("hall", "sessions/_add/", "2026-12-03 09:00"),
        ("hall", "sessions/s-2026-12-03/", "2026-12-03 09:00"),
    ],
)
def test_the_times_help_is_a_sentence_with_an_example_on_the_events_days(
    request: pytest.FixtureRequest, event: str, path: str, moment: str
) -> None:
    row = request.getfixturevalue(event)
    helps = _helps(_page(organizer_of(row), row, path, "en"))
    assert (
        helps["start"]
        == helps["end"]
        == (
            "Date and time in local time of the venue, else of the leg that day, for example "
            f"{moment} (or ISO 8601 with an offset)."
        )
    )
