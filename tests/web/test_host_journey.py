"""A host's walk through the demo (QA, a Houston and a Silicon Valley host, on a phone and
a desktop, in English, French and Arabic): what the host page answers.

A refused save of the settings said why at the page's top, above the venue and the
visits, while the host had pressed "Save" at the page's bottom (on a phone, the page
opened at the visit last confirmed: no word in sight); it now answers at the form. A
visit's staff confirmed with nobody ticked read "confirmed" as one with staff did; the
page now says whom the host confirmed. (In a browser: ``e2e/test_host_journey.py``.)"""

from __future__ import annotations

import dataclasses
import html
import re
from collections.abc import Callable

from django.contrib.auth.models import User
from django.core import mail
from django.test import Client
from django.utils import translation

from liqa.web.accounts import services as accounts
from liqa.web.accounts.models import Role
from liqa.web.events.models import Event
from liqa.web.scheduling.models import ScheduleVersion
from liqa.web.scheduling.publishing import publish
from liqa.web.scheduling.records import store_schedule
from tests.web.factories import make_core_event, make_schedule

SETTINGS = {"action": "settings", "address": "12 Rue du Lac, Tunis", "capacity": "0"}


def _settings_form(page: str) -> str:
    """The settings' form, from its opening tag to its end."""
    found = re.search(r'<form [^>]*id="host-settings".*?</form>', page, re.S)
    assert found is not None, page
    return found.group(0)


def _text(fragment: str) -> str:
    """``fragment`` as read: tags dropped, entities decoded, spaces collapsed."""
    return " ".join(html.unescape(re.sub(r"<[^>]+>", "", fragment)).split())


def test_a_refused_save_answers_at_the_settings_form(
    host_admin: User, event: Event, client_for: Callable[..., Client]
) -> None:
    client = client_for(host_admin)
    client.cookies["django_language"] = "fr"
    refused = client.post(f"/host/{event.slug}/", SETTINGS)
    assert refused.status_code == 400
    page = refused.content.decode()
    form = _settings_form(page)
    assert form.startswith('<form method="post" action="#host-settings"'), form[:80]
    error = re.search(r'<p class="error" role="alert" id="host-error">(.*?)</p>', form)
    assert error is not None  # said inside the form the host sent, not at the page's top
    assert _text(error.group(1)).startswith("Visiteurs que nous pouvons recevoir à la fois")
    assert page.count('id="host-error"') == 1
    assert ">12 Rue du Lac, Tunis</textarea>" in form  # what was typed is kept


def test_a_confirmation_says_whom_the_host_confirmed(
    host_admin: User, event: Event, draft: ScheduleVersion, client_for: Callable[..., Client]
) -> None:
    publish(draft, notify=False)
    client = client_for(host_admin)
    url = f"/host/{event.slug}/"
    client.post(url, {"assignment": "r-1", "attendee": ["p-bruno"]})
    said = re.search(r'id="confirmed-r-1">(.*?)</p>', client.get(url).content.decode())
    assert said is not None
    assert _text(said.group(1)) == "Confirmed attendees: Bruno Martin"

    client.post(url, {"assignment": "r-1"})  # nobody ticked
    said = re.search(r'id="confirmed-r-1">(.*?)</p>', client.get(url).content.decode())
    assert said is not None
    assert _text(said.group(1)) == "Confirmed: none of our staff will attend."


def _offered_days(client: Client, event: Event) -> list[str]:
    """The receiving days the host page offers."""
    page = client.get(f"/host/{event.slug}/").content.decode()
    return re.findall(r'name="days" value="([0-9-]+)"', page)


def test_a_host_is_offered_the_days_of_the_legs_on_its_clock(
    mission: Event, client_for: Callable[..., Client]
) -> None:
    """The demo's San Jose host was offered the eleven days of the mission on San Jose's
    clock, the five the delegation spends in Houston among them (and a Houston host the
    six in Silicon Valley)."""
    san_jose = client_for(accounts.user_for_email("e.petrova@example.com"))
    accounts.grant(
        accounts.user_for_email("e.petrova@example.com"),
        mission,
        Role.HOST_ADMIN,
        organization="h-redwood-ti",
    )
    houston = client_for(accounts.user_for_email("j.moreno@example.com"))
    accounts.grant(
        accounts.user_for_email("j.moreno@example.com"),
        mission,
        Role.HOST_ADMIN,
        organization="h-shieldwall",
    )
    valley = [f"2024-02-{day}" for day in range(16, 22)]
    assert _offered_days(san_jose, mission) == valley
    assert _offered_days(houston, mission) == [f"2024-02-{day}" for day in range(11, 16)]
    sent = {"action": "settings", "address": "150 S First St", "capacity": "8", "days": valley}
    assert san_jose.post(f"/host/{mission.slug}/", sent).status_code == 302
    page = san_jose.get(f"/host/{mission.slug}/").content.decode()
    assert re.findall(r'name="days" value="([0-9-]+)" checked>', page) == valley


def test_a_capacity_past_any_hall_or_a_hand_made_day_is_refused_in_words(
    mission: Event, client_for: Callable[..., Client]
) -> None:
    """A capacity of 100000000000000000000 visitors answered a server error (the
    database's column holds no such number: "Python int too large to convert to SQLite
    INTEGER"; PostgreSQL's ends at 2147483647), and a day that is no date was refused as
    if the capacity were not a number."""
    user = accounts.user_for_email("j.moreno@example.com")
    accounts.grant(user, mission, Role.HOST_ADMIN, organization="h-shieldwall")
    client = client_for(user)
    client.raise_request_exception = False
    url = f"/host/{mission.slug}/"
    sent = {"action": "settings", "address": "3 Greenway Plaza", "days": ["2024-02-12"]}
    for capacity in ("100000000000000000000", "3000000000", "10001"):
        refused = client.post(url, {**sent, "capacity": capacity}, HTTP_ACCEPT_LANGUAGE="en")
        assert refused.status_code == 400, capacity
        said = re.search(r'id="host-error">(.*?)</p>', refused.content.decode())
        assert said is not None
        assert _text(said.group(1)) == (
            "Visitors we can receive at once: at most 10,000, or empty for no limit."
        )
    assert client.post(url, {**sent, "capacity": "10000"}).status_code == 302
    refused = client.post(url, {**sent, "capacity": "8", "days": ["12/02/2024"]})
    assert refused.status_code == 400
    said = re.search(r'id="host-error">(.*?)</p>', refused.content.decode())
    assert said is not None
    assert _text(said.group(1)) == "A chosen day is outside the event."


def test_a_refused_change_of_host_administrators_is_said_in_its_card_alone(
    event: Event, organizer_client: Client
) -> None:
    """The organizers' page posted each form to its own address, which after a change
    carried ``?changed=o-beta&mailed=…``: a refusal then (a second "Revoke" from a page
    left open) read "Saved." in Beta Bank's card beside the refusal at the page's top."""
    url = f"/organize/{event.slug}/hosts/"
    granted = organizer_client.post(url, {"organization": "o-beta", "person": "p-bruno"})
    after = granted["Location"]
    assert after.startswith(f"{url}?changed=o-beta")
    bruno = accounts.user_for_email("bruno@example.org")
    revoke = {"action": "revoke", "organization": "o-beta", "user": str(bruno.pk)}
    assert organizer_client.post(after.split("#")[0], revoke).status_code == 302
    refused = organizer_client.post(after.split("#")[0], revoke)  # the same page, again
    assert refused.status_code == 400
    page = refused.content.decode()
    assert "Saved." not in page
    card = re.search(r'<section class="card" id="host-o-beta">.*?</section>', page, re.S)
    assert card is not None
    said = re.search(r'<p class="error" role="alert" id="host-admins-error">(.*?)</p>', card[0])
    assert said is not None
    assert _text(said.group(1)) == "This account is no host administrator."
    assert page.count('id="host-admins-error"') == 1
    forms = re.findall(r'<form method="post" action="([^"]*)"', card[0])
    assert forms == [f"{url}#host-o-beta"]  # Bruno may be named again, from here


def test_a_delegate_on_the_host_page_is_sent_to_their_agenda_not_told_to_ask(
    event: Event, organizer: User, client_for: Callable[..., Client]
) -> None:
    """A delegate (Amina, of Alpha Pay, which receives nobody) read that their account was
    "not yet" a host's administrator and to write to the organizers to be named, which no
    one outside a host organization can be."""
    amina = client_for(accounts.user_for_email("amina@example.org"))
    amina.cookies["django_language"] = "en"
    refused = amina.get(f"/host/{event.slug}/")
    assert refused.status_code == 403
    page = refused.content.decode()
    said = re.search(r'id="host-refused" role="alert">(.*?)</p>', page)
    assert said is not None
    assert _text(said.group(1)) == (  # a brokerage event: nobody receives a delegation
        "This page is for the host organizations, which meet the participants at the event's"
        " tables. Your meetings are on your agenda."
    )
    assert 'id="host-ask"' not in page
    assert f'<a class="button" href="/me/{event.slug}/">' in page
    bruno = client_for(accounts.user_for_email("bruno@example.org")).get(f"/host/{event.slug}/")
    assert 'id="host-ask"' in bruno.content.decode()  # a host's staff: whom to ask


def test_the_host_page_names_whom_to_ask_about_the_visit(
    event: Event, organizer: User, host_admin: User, client_for: Callable[..., Client]
) -> None:
    """The host page named no one to write to about the visit (the organizers' names and
    addresses were on the page refused to others only)."""
    organizer.first_name, organizer.last_name = "Olfa", "Ben Salah"
    organizer.save()
    page = client_for(host_admin).get(f"/host/{event.slug}/").content.decode()
    card = re.search(r'<section class="card" id="host-contact">.*?</section>', page, re.S)
    assert card is not None
    assert 'href="mailto:org@example.org"' in card[0]
    assert "Olfa Ben Salah" in card[0]


def test_the_host_e_mail_gives_its_link_after_what_it_opens_and_says_how_to_come_back(
    event: Event, organizer_client: Client
) -> None:
    """The host's e-mail ended "It works once; later, ask for a new link on the sign-in
    page:" above the link, which then read as the sign-in page's address, not the host
    page's one-time link."""
    mail.outbox.clear()
    organizer_client.post(
        f"/organize/{event.slug}/hosts/", {"organization": "o-beta", "person": "p-bruno"}
    )
    assert [m.to for m in mail.outbox] == [["bruno@example.org"]]
    lines = [line for line in str(mail.outbox[0].body).splitlines() if line]
    at = next(i for i, line in enumerate(lines) if "/accounts/link/" in line)
    with translation.override("fr"):  # Bruno reads French
        opens = translation.gettext(  # a brokerage event (227009d): its meetings at tables
            "Open this link to see your host page: whom you meet at the event's tables and your"
            " staff."
        )
        again = translation.gettext(
            "The link works once. Later, open it again to ask for a new one."
        )
    assert lines[at - 1 :] == [opens, lines[at], again]


def test_a_host_the_programme_does_not_visit_is_told_so(
    event: Event, client_for: Callable[..., Client]
) -> None:
    """The demo's Baylink (receiving on the last day only: "out of reach in time") read
    "Who is coming" over nothing."""
    only_r1 = make_schedule(make_core_event())
    only_r1 = dataclasses.replace(only_r1, assignments=only_r1.assignments[:1])
    publish(store_schedule(event, only_r1), notify=False)
    chen = accounts.user_for_email("chen@example.org")
    accounts.grant(chen, event, Role.HOST_ADMIN, organization="o-gamma")
    page = client_for(chen).get(f"/host/{event.slug}/").content.decode()
    said = re.search(r'<p class="notice" id="no-visit">(.*?)</p>', page)
    assert said is not None
    assert _text(said.group(1)).startswith(  # a brokerage event: its meetings at the tables
        "No meeting of your organization at the event's tables is in the published"
    )
    assert 'class="entry"' not in page
