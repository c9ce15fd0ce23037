"""A host's own agenda and the host's sign-in e-mail (R1, from H5's walk of the demo as a
host: ``/tmp/h5/shots/hostme-en-desk.png``).

- A host's own agenda read "Travel: 32 minutes from Hotel Bayou Centre" under the visit
  it receives: the delegation's way there, not the host's (its staff receive visitors at
  their own venue); the printed agenda said the same.
- The agenda of a host administrator had no way back to the host page.
- The host's sign-in e-mail named neither the host organization nor the visits.
- On the organizers' host administrators page "Revoke" took the role at one tap, and the
  page did not say which of the many hosts the programme visits.
"""

from __future__ import annotations

import dataclasses
import html
import re

import pytest
from django.core import mail
from django.test import Client
from django.utils import translation

from liqa.core.templating import render
from liqa.web.accounts import services as accounts
from liqa.web.accounts.models import Role
from liqa.web.agendas import domain
from liqa.web.events.models import Event
from liqa.web.events.records import event_record
from liqa.web.scheduling.models import ScheduleVersion
from liqa.web.scheduling.publishing import publish
from liqa.web.scheduling.records import store_schedule
from tests.web.e2e.phone import published_example
from tests.web.factories import host_admins, make_core_event, make_schedule
from tests.web.test_profile_place_clock import signed_in

HOST = "j.moreno@example.com"
"""Jessica Moreno, of Shieldwall Security (Houston), which the demo's delegation visits."""


@pytest.fixture
def mission(db: None) -> Event:
    """The demo mission, planned and published, Jessica Moreno administering her host."""
    event, _run = published_example("morocco-us-digital-2024", time_limit=3.0)
    accounts.grant(
        accounts.user_for_email(HOST), event, Role.HOST_ADMIN, organization="h-shieldwall"
    )
    return event


def _text(fragment: str) -> str:
    """``fragment`` as read: tags dropped, entities decoded, spaces collapsed."""
    return " ".join(html.unescape(re.sub(r"<[^>]+>", "", fragment)).split())


def test_a_hosts_agenda_shows_no_travel_and_leads_back_to_the_host_page(mission: Event) -> None:
    client = signed_in(HOST)
    client.cookies["django_language"] = "en"
    page = client.get(f"/me/{mission.slug}/").content.decode()
    assert "Receiving the delegation" in page
    assert 'class="travel"' not in page, _text(page.split('class="travel"')[1][:120])
    assert f'<a class="button" href="/host/{mission.slug}/" id="my-host-page">Host page</a>' in (
        page
    )
    person = next(p.id for p in event_record(mission).people if p.email == HOST)
    agenda = domain.agenda_of(mission, person, "en")
    assert agenda is not None
    assert agenda.meeting_count >= 1
    assert all(e.travel_minutes == 0 for d in agenda.days for e in d.entries)
    printed = render("agenda.html", "en", inline_css="", agenda=agenda)
    assert "Travel" not in printed  # the PDF's agenda
    org = domain.agenda_of(mission, "h-shieldwall", "en")  # the organization's agenda too
    assert org is not None
    assert all(e.travel_minutes == 0 for d in org.days for e in d.entries)


def test_a_delegates_agenda_keeps_its_travel_and_has_no_host_link(mission: Event) -> None:
    client = signed_in("s.lamrani@example.org")
    page = client.get(f"/me/{mission.slug}/", HTTP_ACCEPT_LANGUAGE="en").content.decode()
    assert 'class="travel"' in page
    assert 'id="my-host-page"' not in page


def test_the_host_e_mail_names_the_host_and_its_visits_on_its_clock(mission: Event) -> None:
    mail.outbox.clear()
    user = accounts.user_for_email(HOST)
    member = user.memberships.get(event=mission, role=Role.HOST_ADMIN)
    assert accounts.send_host_link(member) in {"sent", "not_set_up"}
    body = str(mail.outbox[-1].body)
    assert "Host organization: Shieldwall Security" in body
    assert "The published programme visits you once:" in body
    assert "- Monday, February 12, 2024, 10:32\u202fAM–12:02\u202fPM CST: Receiving the" in body


def _host_mail(event: Event, organizer_client: Client) -> str:
    """The e-mail Bruno (of Beta Bank, reading French) is sent when named its administrator."""
    mail.outbox.clear()
    organizer_client.post(
        f"/organize/{event.slug}/hosts/", {"organization": "o-beta", "person": "p-bruno"}
    )
    assert [m.to for m in mail.outbox] == [["bruno@example.org"]]
    return str(mail.outbox[0].body)


def test_the_host_e_mail_before_publication_names_the_host(
    event: Event, organizer_client: Client
) -> None:
    body = _host_mail(event, organizer_client)
    with translation.override("fr"):
        host = translation.gettext("Host organization: %(name)s") % {"name": "Beta Bank"}
        none = translation.gettext(  # a brokerage event: nobody visits, it meets at tables
            "No meeting of your organization at the event's tables is published yet: your"
            " host page will show them once they are."
        )
    assert host in body.splitlines()
    assert none in body.splitlines()


def test_the_host_e_mail_lists_a_published_meeting_on_the_hosts_clock(
    event: Event, draft: ScheduleVersion, organizer_client: Client
) -> None:
    publish(draft, notify=False)
    body = _host_mail(event, organizer_client)
    assert "Beta Bank" in body
    assert "- jeudi 14 mars 2030, 09:00–09:20 CET" in body, body  # Tunis, in French


def test_revoke_asks_first_and_the_page_says_which_hosts_are_visited(
    event: Event, draft: ScheduleVersion, organizer_client: Client
) -> None:
    publish(draft, notify=False)
    url = f"/organize/{event.slug}/hosts/"
    organizer_client.post(url, {"organization": "o-beta", "person": "p-bruno"})
    bruno = accounts.user_for_email("bruno@example.org")
    page = organizer_client.get(url, HTTP_ACCEPT_LANGUAGE="en").content.decode()
    card = re.search(r'<section class="card" id="host-o-beta">.*?</section>', page, re.S)
    assert card is not None
    assert 'name="action" value="revoke"' not in card[0]  # no one-tap revocation
    ask = re.search(r'<form method="get"[^>]*>.*?</form>', card[0], re.S)
    assert ask is not None
    assert 'class="secondary"' in ask[0]
    visits = re.search(r'id="visits-o-beta">(.*?)</p>', card[0], re.S)
    assert visits is not None
    assert _text(visits[1]).startswith(  # a brokerage event: its meetings at the tables
        "The published programme gives it one meeting at the event's tables: Mar 14, 2030"
    )
    gamma = re.search(r'id="visits-o-gamma">(.*?)</p>', page, re.S)  # r-2: Gamma Farms
    assert gamma is not None
    assert _text(gamma[1]).startswith(
        "The published programme gives it one meeting at the event's tables:"
    )

    asked = organizer_client.get(url, {"revoke": "o-beta", "user": str(bruno.pk)}).content
    question = re.search(r'id="confirm-revoke".*?</div>', asked.decode(), re.S)
    assert question is not None
    assert 'class="danger"' in question[0]
    assert 'name="action" value="revoke"' in question[0]
    assert ("bruno@example.org", "o-beta") in host_admins(event)  # asking took nothing
    revoke = {"action": "revoke", "organization": "o-beta", "user": str(bruno.pk)}
    assert organizer_client.post(url, revoke).status_code == 302
    assert ("bruno@example.org", "o-beta") not in host_admins(event)


def test_a_host_the_programme_does_not_visit_is_said_so_and_a_stale_revoke_asks_nothing(
    event: Event, organizer_client: Client
) -> None:
    only_r1 = make_schedule(make_core_event())
    only_r1 = dataclasses.replace(only_r1, assignments=only_r1.assignments[:1])
    publish(store_schedule(event, only_r1), notify=False)
    url = f"/organize/{event.slug}/hosts/"
    page = organizer_client.get(url, HTTP_ACCEPT_LANGUAGE="en").content.decode()
    gamma = re.search(r'id="visits-o-gamma">(.*?)</p>', page, re.S)
    assert gamma is not None
    assert _text(gamma[1]) == "The published programme gives it no meeting at the event's tables."
    stale = organizer_client.get(url, {"revoke": "o-beta", "user": "999"})  # nobody listed
    assert 'id="confirm-revoke"' not in stale.content.decode()
