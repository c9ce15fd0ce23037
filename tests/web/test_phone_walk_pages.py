"""Defects found by walking the participant's and the host's pages on a phone in ar, fr, en
(H7: the demo mission as a delegate and a host's contact, the brokerage example as a
participant).

In Arabic, Latin-script names (people, organizations, venues) ran into the Arabic text
around them without isolation: the host page isolated none (its heading, venue, staff and
"who is coming", where a Latin role joined the name, the parentheses and the Arabic comma
in one left-to-right run: "Bruno Martin (CTO، Beta Bank)"), nor did the agenda's titles
("زيارة: Texas Statewide Cyber Resilience Office"), the recommended organizations
("Keystone Energy Tech Inc." printed its full stop first), a request's message typed in
French or English, the profile's heading and its language names. The host page also put
who is coming below the settings form and its eleven days, and its map link was 33 × 22
px. Recommendations tagged every organization's profile again on every requests page
(7-16 s for the brokerage example on a busy machine).
"""

from __future__ import annotations

import dataclasses
import importlib
import re
from collections.abc import Callable
from html.parser import HTMLParser

import pytest
from django.contrib.auth.models import User
from django.template import engines
from django.test import Client
from django.utils import translation

from liqa.core.i18n import translator
from liqa.core.matching import event_parties
from liqa.core.outputs.agenda import build_agenda
from liqa.core.outputs.settings import OutputSettings
from liqa.web.agendas import domain, meaning
from liqa.web.events.models import Event, Organization
from liqa.web.events.records import event_record
from liqa.web.scheduling import publishing
from liqa.web.scheduling.models import ScheduleVersion
from tests.web.factories import make_core_event, make_schedule, person_user

LATIN = re.compile(r"[A-Za-zÀ-ÖØ-öø-ɏ]")
ISOLATE = re.compile("\u2066[^\u2069]*\u2069|\u2067[^\u2069]*\u2069")
VOID = {"area", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source", "wbr"}
MATCHING = importlib.import_module("liqa.core.matching.recommend")
"""The module (the package exports its function ``recommend`` by the same name)."""
SKIPPED = {"script", "style", "textarea", "code", "option"}
"""Text that needs no isolation: code, and fields that take their own text's direction."""


class _Runs(HTMLParser):
    """Latin text inside ``<main>`` that is neither in a ``<bdi>``, nor under an element
    with a ``dir``, nor between Unicode isolates, nor a time zone's abbreviation."""

    def __init__(self) -> None:
        super().__init__()
        self.stack: list[tuple[str, bool]] = []
        self.found: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag in VOID:
            return
        names = dict(attrs)
        classes = (names.get("class") or "").split()
        isolated = tag == "bdi" or "dir" in names or "zone" in classes or tag in SKIPPED
        self.stack.append((tag, isolated))

    def handle_endtag(self, tag: str) -> None:
        while self.stack:
            if self.stack.pop()[0] == tag:
                break

    def handle_data(self, data: str) -> None:
        tags = [tag for tag, _isolated in self.stack]
        if "main" not in tags or any(isolated for _tag, isolated in self.stack):
            return
        if LATIN.search(ISOLATE.sub("", data)):
            self.found.append(" ".join(data.split()))


def latin_runs(page: str) -> list[str]:
    """Latin text left unisolated in the page's ``<main>`` (see :class:`_Runs`)."""
    runs = _Runs()
    runs.feed(page)
    return runs.found


def _profiles(event: Event, where: str = "") -> None:
    """What Alpha Pay seeks (``where``) and what Beta Bank and Gamma Farms offer."""
    Organization.objects.filter(event=event, key="o-alpha").update(
        seeks={"en": f"Secure mobile payments for small firms{where}."}
    )
    Organization.objects.filter(event=event, key="o-beta").update(
        offers={"en": "Secure mobile payments and card issuing for small firms."}
    )
    Organization.objects.filter(event=event, key="o-gamma").update(
        offers={"en": "Dairy farming equipment. Irrigation pumps."}
    )


def _arabic(client: Client, url: str) -> str:
    response = client.get(url, HTTP_ACCEPT_LANGUAGE="ar")
    assert response.status_code == 200
    page = response.content.decode()
    assert 'lang="ar" dir="rtl"' in page
    return page


def _amina_in_arabic(client_for: Callable[..., Client], event: Event, path: str) -> str:
    """Amina's page ``/me/<event>/<path>`` in Arabic."""
    return _arabic(client_for(person_user("amina@example.org")), f"/me/{event.slug}/{path}")


def test_host_page_isolates_latin_names_in_arabic(
    event: Event, draft: ScheduleVersion, host_admin: User, client_for: Callable[..., Client]
) -> None:
    """Beta Bank's heading, venue, staff, who is coming and the staff to confirm: each
    Latin name is isolated (none was)."""
    publishing.publish(draft)
    page = _arabic(client_for(host_admin), f"/host/{event.slug}/")
    assert '<h1><bdi class="ltr">Beta Bank</bdi></h1>' in page
    assert latin_runs(page) == []


def test_host_page_shows_who_is_coming_before_its_settings(
    event: Event, draft: ScheduleVersion, host_admin: User, client_for: Callable[..., Client]
) -> None:
    """Who is coming is the host's next visit: above the settings form, not below it; the
    venue's map link is a 44 px target (class ``tap``)."""
    publishing.publish(draft)
    page = client_for(host_admin).get(f"/host/{event.slug}/").content.decode()
    order = [page.index(f'id="{part}"') for part in ("venue", "coming", "host-settings", "staff")]
    assert order == sorted(order)
    assert re.search(r'<a class="tap" href="https://www\.openstreetmap\.org/[^"]*"', page)


def test_agenda_isolates_latin_names_in_arabic(
    event: Event, draft: ScheduleVersion, client_for: Callable[..., Client]
) -> None:
    """Amina's next meeting and her agenda: "لقاء مع Beta Bank" isolates the name, as
    every other Latin name there already was."""
    publishing.publish(draft)
    page = _amina_in_arabic(client_for, event, "")
    assert 'id="next-meeting"' in page
    assert "\u2066Beta Bank\u2069" in page
    assert latin_runs(page) == []


def test_requests_page_isolates_names_and_messages_in_arabic(
    event: Event, draft: ScheduleVersion, client_for: Callable[..., Client]
) -> None:
    """Amina's requests: her message "Payments" takes its own direction, and so does each
    recommended organization's Latin name."""
    _profiles(event)
    publishing.publish(draft)
    page = _amina_in_arabic(client_for, event, "requests/")
    assert '<p class="message" dir="auto">Payments</p>' in page
    assert 'id="suggestions"' in page
    assert latin_runs(page) == []


def test_profile_isolates_the_name_and_gives_each_language_name_its_language(
    event: Event, client_for: Callable[..., Client]
) -> None:
    """The heading "Amina Idrissi" and the languages "Français", "English" on the Arabic
    profile page: isolated, and read in their own language (``lang``)."""
    page = _amina_in_arabic(client_for, event, "profile/")
    assert '<bdi lang="fr">Français</bdi>' in page
    assert latin_runs(page) == []


@pytest.mark.django_db(transaction=True)
def test_recommendations_tag_the_profiles_once_until_they_change(
    event: Event, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Two requests pages, one tagging of the profiles; a changed profile is tagged again
    and its recommendations follow it."""
    _profiles(event, " in Sfax")  # profiles of this test only: none kept by another
    built: list[int] = []
    build_profiles = MATCHING.build_profiles

    def counted(*args: object, **kwargs: object) -> object:
        built.append(1)
        return build_profiles(*args, **kwargs)  # type: ignore[arg-type]

    monkeypatch.setattr(MATCHING, "build_profiles", counted)
    # the meaning signal ready before the first page, so that every page below uses it
    meaning.start(event_parties(event_record(event))).join(timeout=300)
    first = domain.suggestions(event, "p-amina", "en")
    again = domain.suggestions(event, "p-amina", "en")
    assert (again, len(built)) == (first, 1)
    Organization.objects.filter(event=event, key="o-gamma").update(
        offers={"en": "Mobile payments and card issuing for small firms."}
    )
    changed = domain.suggestions(event, "p-amina", "en")
    assert len(built) == 2
    assert ["o-gamma" in [s.organization for s in found] for found in (first, changed)] == [
        False,
        True,
    ]


@pytest.mark.parametrize(
    ("lang", "line"),
    [
        ("en", "Travel: 18 minutes from Hotel Bayou Centre"),
        ("ar", '<bdi class="ltr">Hotel Bayou Centre</bdi>'),
    ],
    ids=["en", "ar"],
)
def test_agenda_says_how_long_the_way_there_takes(db: None, lang: str, line: str) -> None:
    """The printed agenda gives each visit's travel time from the hotel or the last place;
    the web agenda, read in the lobby, did not (the Latin place isolated in Arabic)."""
    core_event = make_core_event()
    settings = OutputSettings(live_url_pattern="")
    agenda = build_agenda(core_event, make_schedule(core_event), "p-amina", lang, settings)
    entry = dataclasses.replace(
        agenda.days[0].entries[0], travel_minutes=18, travel_from="Hotel Bayou Centre"
    )
    env = engines["jinja2"].env  # type: ignore[attr-defined]
    macro = '{% from "agendas/_entries.html" import entry_view with context %}{{ entry_view(e) }}'
    with translation.override(lang):
        html = env.from_string(macro).render(e=entry, lang=lang, dir=translator(lang).direction)
        nowhere = env.from_string(macro).render(e=dataclasses.replace(entry, travel_from=""))
    [travel] = re.findall(r'<p class="travel"><small>(.*?)</small></p>', html, re.S)
    assert line in travel
    assert re.search(r'<p class="travel"><small>[^<]*18[^<]*</small></p>', nowhere)


def test_profile_phone_opens_the_dial_pad(event: Event, client_for: Callable[..., Client]) -> None:
    """The phone number was a text field: a phone showed its letters' keyboard for it."""
    page = _amina_in_arabic(client_for, event, "profile/")
    field = re.search(r'<input id="phone"[^>]*>', page)
    assert field is not None
    assert 'type="tel"' in field.group()


@pytest.mark.parametrize(
    ("lang", "choices"), [("fr", ["Tenu", "Absence"]), ("ar", ["انعقد", "تغيّب"])], ids=["fr", "ar"]
)
def test_outcome_choices_read_as_the_outcome_they_record(
    db: None, lang: str, choices: list[str]
) -> None:
    """What happened at one meeting: the French form offered "Tenus" (the report's count of
    meetings held), where its summary says "Résultat : tenu"; Arabic "المنعقدة" likewise."""
    core_event = make_core_event()
    settings = OutputSettings(live_url_pattern="")
    agenda = build_agenda(core_event, make_schedule(core_event), "p-amina", lang, settings)
    env = engines["jinja2"].env  # type: ignore[attr-defined]
    macro = (
        '{% from "agendas/_entries.html" import outcome_form with context %}'
        "{{ outcome_form(e, none) }}"
    )
    with translation.override(lang):
        html = env.from_string(macro).render(
            e=agenda.days[0].entries[0], event=Event(slug=core_event.id), lang=lang
        )
    kinds = re.search(r'<select name="kind"[^>]*>(.*?)</select>', html, re.S)
    assert kinds is not None
    assert re.findall(r"<option[^>]*>([^<]*)</option>", kinds.group(1)) == choices
