"""H8: the host side of a brokerage event speaks of meetings at the event's tables.

At a brokerage event (1:1 meetings at tables) no delegation visits anybody, yet the host page
said "Who is coming", "No visit to your organization is in the published programme..." and
"Questions about the delegation's visit?", the host's e-mail "You receive the delegation of:",
the organizers' page of host administrators "The published programme visits it once:" and
the host page refused to a participant "the organizations that receive the delegation". Each
is worded per event kind now (as 227009d did for the e-mail's list of visits); a trade
mission's wording is unchanged (the guards below pass on the old code too).

Texts are compared with the catalog's translation of each message in the page's language, so
the tests hold before and after the catalog gains the new messages.
"""

from __future__ import annotations

import dataclasses
import html
import re
from collections.abc import Callable
from pathlib import Path

import pytest
from django.contrib.auth.models import User
from django.core import mail
from django.test import Client
from django.utils import translation

from liqa.core import model as core
from liqa.core.missionfile import load_event
from liqa.core.outputs.planfile import read_plan
from liqa.web.accounts import services as accounts
from liqa.web.accounts.models import Role
from liqa.web.agendas import domain
from liqa.web.events.models import Event
from liqa.web.events.records import event_record
from liqa.web.scheduling.publishing import publish
from liqa.web.scheduling.records import store_schedule
from tests.web.factories import (
    BETA_ADMIN,
    DEMO,
    beta_admin_mail,
    grant_beta_admin,
    mail_body,
    make_core_event,
    make_schedule,
)

LANGS = ["en", "fr", "ar"]
GAMMA_ADMIN = "admin@gamma.example"
PLAN = Path(__file__).parent / "data" / "demo_mission_plan.json"
"""The demo mission's stored plan (written by ``write_plan``): published without planning."""

MISSION_HEADING = "Who is coming"
MISSION_NO_VISIT = (
    "No visit to your organization is in the published programme. If you can receive the"
    " delegation on more days, tick them below and tell the organizers."
)
MISSION_CONTACT = "Questions about the delegation's visit? Write to the organizers:"
MISSION_INTRO = (
    "A host's administrator sees who is coming, confirms which staff attend and sets the days"
    " the host receives visitors. The person you name is e-mailed a sign-in link to the host"
    " page."
)
MISSION_REFUSED = (
    "This page is for the organizations that receive the delegation. Your visits and meetings"
    " are on your agenda."
)
MISSION_REVOKE = (
    "Take the host page of %(host)s from %(who)s? They will no longer see who is coming nor"
    " confirm their staff."
)
BROKERAGE_HEADING = "Our meetings at the event's tables"
BROKERAGE_NO_MEETING = (
    "No meeting of your organization at the event's tables is in the published programme. If"
    " you expected one, write to the organizers."
)
BROKERAGE_CONTACT = "Questions about your meetings at the event's tables? Write to the organizers:"
BROKERAGE_INTRO = (
    "A host's administrator sees whom the host meets at the event's tables and confirms which"
    " staff attend. The person you name is e-mailed a sign-in link to the host page."
)
BROKERAGE_REFUSED = (
    "This page is for the host organizations, which meet the participants at the event's"
    " tables. Your meetings are on your agenda."
)
BROKERAGE_REVOKE = (
    "Take the host page of %(host)s from %(who)s? They will no longer see whom the host meets"
    " at the event's tables nor confirm their staff."
)


def _text(fragment: str) -> str:
    """``fragment`` as read: tags dropped, entities decoded, spaces collapsed."""
    return " ".join(html.unescape(re.sub(r"<[^>]+>", "", fragment)).split())


def _in(lang: str, msgid: str) -> str:
    with translation.override(lang):
        return " ".join(translation.gettext(msgid).split())


def _plural_in(lang: str, singular: str, plural: str, n: int) -> str:
    with translation.override(lang):
        return translation.ngettext(singular, plural, n) % {"num": n}


def _says(text: str, lang: str, msgid: str) -> bool:
    """Whether ``text`` holds the translation of ``msgid`` (its parts around each
    ``%(name)s``, whatever was put there)."""
    return all(part.strip() in text for part in re.split(r"%\(\w+\)s", _in(lang, msgid)))


def _section(page: str, id: str) -> str:
    found = re.search(rf'<(\w+)[^>]*\bid="{id}"[^>]*>(.*?)</\1>', page, re.S)
    assert found is not None, id
    return _text(found[2])


def _page(client: Client, url: str, lang: str) -> str:
    client.cookies["django_language"] = lang
    response = client.get(url)
    return str(response.content.decode())


def _main(page: str) -> str:
    return _text(page.split('id="content"', 1)[1])


def _only_beta_met(event: Event) -> None:
    """Publish a schedule with Beta Bank's meeting only: Gamma Farms meets nobody."""
    both = make_schedule(make_core_event())
    only_r1 = dataclasses.replace(both, assignments=both.assignments[:1])
    publish(store_schedule(event, only_r1), notify=False)


@pytest.fixture
def brokerage(event: Event, organizer: User) -> Event:
    """The brokerage factory event, Beta Bank's meeting published, Gamma Farms' not; an
    administrator for each host; its organizer, whom the host page names."""
    _only_beta_met(event)
    grant_beta_admin(event)
    accounts.grant(
        accounts.user_for_email(GAMMA_ADMIN), event, Role.HOST_ADMIN, organization="o-gamma"
    )
    return event


@pytest.mark.parametrize("lang", LANGS)
def test_the_brokerage_host_page_speaks_of_meetings_at_the_tables(
    brokerage: Event, client_for: Callable[[User | None], Client], lang: str
) -> None:
    client = client_for(accounts.user_for_email(BETA_ADMIN))
    page = _page(client, f"/host/{brokerage.slug}/", lang)
    heading = re.search(r'<section id="coming"><h2>(.*?)</h2>', page, re.S)
    assert heading is not None
    assert _text(heading[1]) == _in(lang, BROKERAGE_HEADING)
    assert _in(lang, BROKERAGE_CONTACT) in _section(page, "host-contact")
    assert 'class="entry"' in page  # its meeting is listed under the heading
    text = _main(page)
    for mission_text in (MISSION_HEADING, MISSION_CONTACT):
        assert _in(lang, mission_text) not in text
    if lang == "en":
        assert "visit" not in text.lower(), text
        assert "delegation" not in text.lower(), text


@pytest.mark.parametrize("lang", LANGS)
def test_a_brokerage_host_the_programme_gives_no_meeting_is_told_so(
    brokerage: Event, client_for: Callable[[User | None], Client], lang: str
) -> None:
    page = _page(client_for(accounts.user_for_email(GAMMA_ADMIN)), f"/host/{brokerage.slug}/", lang)
    assert _section(page, "no-visit") == _in(lang, BROKERAGE_NO_MEETING)
    assert _in(lang, MISSION_NO_VISIT) not in _main(page)


@pytest.mark.parametrize("lang", LANGS)
def test_the_brokerage_host_e_mail_says_whom_the_host_meets(brokerage: Event, lang: str) -> None:
    body = beta_admin_mail(brokerage, lang)
    title = {"en": "Tunis B2B 2030", "fr": "Rencontres B2B Tunis 2030", "ar": "لقاءات تونس 2030"}
    with translation.override(lang):
        said = translation.gettext("You meet the participants of: %(title)s")
        mission = translation.gettext("You receive the delegation of: %(title)s")
    assert said % {"title": title[lang]} in body.splitlines(), body
    assert mission % {"title": title[lang]} not in body
    if lang == "en":
        assert "delegation" not in body.lower(), body
        assert "visit" not in body.lower(), body


@pytest.mark.parametrize("lang", LANGS)
def test_the_organizers_host_administrators_page_at_a_brokerage_event(
    brokerage: Event, organizer_client: Client, lang: str
) -> None:
    url = f"/organize/{brokerage.slug}/hosts/"
    page = _page(organizer_client, url, lang)
    text = _main(page)
    assert _in(lang, BROKERAGE_INTRO) in text
    assert _in(lang, MISSION_INTRO) not in text
    once = _plural_in(
        lang,
        "The published programme gives it one meeting at the event's tables:",
        "The published programme gives it %(num)d meetings at the event's tables:",
        1,
    )
    assert _section(page, "visits-o-beta").startswith(once)
    assert _section(page, "visits-o-gamma") == _in(
        lang, "The published programme gives it no meeting at the event's tables."
    )
    admin = accounts.user_for_email("admin@beta.example")
    asking = _page(organizer_client, f"{url}?revoke=o-beta&user={admin.pk}", lang)
    question = _section(asking, "confirm-revoke")
    assert _says(question, lang, BROKERAGE_REVOKE), question
    assert not _says(question, lang, MISSION_REVOKE), question
    if lang == "en":
        assert "visit" not in text.lower(), text
        assert "delegation" not in text.lower(), text


@pytest.mark.parametrize("lang", LANGS)
def test_a_participant_refused_the_brokerage_host_page_is_told_of_tables(
    brokerage: Event, client_for: Callable[[User | None], Client], lang: str
) -> None:
    client = client_for(accounts.user_for_email("amina@example.org"))  # of Alpha Pay
    page = _page(client, f"/host/{brokerage.slug}/", lang)
    assert _section(page, "host-refused") == _in(lang, BROKERAGE_REFUSED)


# The trade mission keeps its wording (guards: they pass on the old code too).

HOST_EMAIL = "m.hall@example.com"
"""Marcus Hall, of the Texas Statewide Cyber Resilience Office, which the plan visits."""


@pytest.fixture
def published_mission(mission: Event, organizer: User) -> Event:
    """The demo mission (the mission factory event) with its stored plan published, Marcus
    Hall administering his host and the organizer of the brokerage event organizing it."""
    publish(store_schedule(mission, read_plan(PLAN, load_event(DEMO)).schedule), notify=False)
    accounts.grant(
        accounts.user_for_email(HOST_EMAIL), mission, Role.HOST_ADMIN, organization="h-tx-cyber"
    )
    accounts.grant(organizer, mission, Role.ORGANIZER)
    return mission


def _not_visited(row: Event) -> str:
    """A host organization of ``row`` the published programme does not visit."""
    for org in event_record(row).organizations:
        agenda = domain.agenda_of(row, org.id, "en")
        if org.side is core.Side.HOST and agenda is not None and not agenda.days:
            return org.id
    raise AssertionError("the plan visits every host")


@pytest.mark.parametrize("lang", LANGS)
def test_the_mission_host_side_keeps_its_wording(
    published_mission: Event,
    organizer_client: Client,
    client_for: Callable[[User | None], Client],
    lang: str,
) -> None:
    slug = published_mission.slug
    page = _page(client_for(accounts.user_for_email(HOST_EMAIL)), f"/host/{slug}/", lang)
    heading = re.search(r'<section id="coming"><h2>(.*?)</h2>', page, re.S)
    assert heading is not None
    assert _text(heading[1]) == _in(lang, MISSION_HEADING)
    assert _in(lang, MISSION_CONTACT) in _section(page, "host-contact")
    quiet = _not_visited(published_mission)
    accounts.grant(
        accounts.user_for_email("quiet@example.com"),
        published_mission,
        Role.HOST_ADMIN,
        organization=quiet,
    )
    page = _page(client_for(accounts.user_for_email("quiet@example.com")), f"/host/{slug}/", lang)
    assert _section(page, "no-visit") == _in(lang, MISSION_NO_VISIT)
    admins = _page(organizer_client, f"/organize/{slug}/hosts/", lang)
    assert _in(lang, MISSION_INTRO) in _main(admins)
    once = _plural_in(
        lang,
        "The published programme visits it once:",
        "The published programme visits it %(num)d times:",
        1,
    )
    assert _section(admins, "visits-h-tx-cyber").startswith(once)
    assert _section(admins, f"visits-{quiet}") == _in(
        lang, "The published programme does not visit it."
    )


def test_the_mission_host_e_mail_still_receives_the_delegation(published_mission: Event) -> None:
    mail.outbox.clear()
    accounts.invite_participants(published_mission)
    body = mail_body(HOST_EMAIL)
    title = event_record(published_mission).title["en"]
    assert f"You receive the delegation of: {title}" in body.splitlines(), body
    assert "You meet the participants of" not in body
