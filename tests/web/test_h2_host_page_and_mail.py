"""H2: what a host reads on its page and in its sign-in e-mail.

- The host settings card was headed "Receiving the delegation", the title of every visit
  listed above it on the host's page: its heading says what the card is.
- The host's e-mail said "The published programme visits you ..." at a brokerage event too,
  where nobody visits the host: its meetings are at the event's tables.
- Inviting everyone read and built the host's agenda for its e-mail once per host
  administrator: it is read once per host and language.
"""

from __future__ import annotations

import html
import re
from collections.abc import Callable
from typing import Any

import pytest
from django.contrib.auth.models import User
from django.core import mail
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext
from django.utils import translation

from liqa.web.accounts import services as accounts
from liqa.web.accounts.models import Role
from liqa.web.agendas import domain
from liqa.web.events.models import Event
from liqa.web.events.services import import_mission_file
from liqa.web.scheduling.models import ScheduleVersion
from liqa.web.scheduling.publishing import publish
from liqa.web.scheduling.records import store_schedule
from tests.web.factories import DEMO, mail_body
from tests.web.factories import beta_admin_mail as beta_admin_mail  # test_arabic_isolates' import
from tests.web.test_published_staleness_mission import demo_schedule

HOST = "h-tx-cyber"
"""A host the stored plan visits (Wednesday 14 February, Houston), Marcus Hall its contact."""
HOST_EMAIL = "m.hall@example.com"


@pytest.fixture
def demo(db: None) -> Event:
    """The demo mission (a trade mission) with its stored plan published (no planning here),
    Marcus Hall administering his host."""
    row = import_mission_file(DEMO.read_bytes(), "mission.yaml")
    publish(store_schedule(row, demo_schedule()), notify=False)
    accounts.grant(accounts.user_for_email(HOST_EMAIL), row, Role.HOST_ADMIN, organization=HOST)
    return row


def _text(fragment: str) -> str:
    return " ".join(html.unescape(re.sub(r"<[^>]+>", "", fragment)).split())


@pytest.mark.parametrize("lang", ["ar", "fr", "en"])
def test_the_settings_cards_heading_is_not_a_visits_title(
    demo: Event, client_for: Callable[[User | None], Client], lang: str
) -> None:
    client = client_for(accounts.user_for_email(HOST_EMAIL))
    client.cookies["django_language"] = lang
    page = client.get(f"/host/{demo.slug}/").content.decode()
    titles = {
        _text(t) for t in re.findall(r'<li class="entry".*?<strong>(.*?)</strong>', page, re.S)
    }
    assert titles  # the visits the host receives, each titled
    card = re.search(r'<form[^>]*id="host-settings">(.*?)</form>', page, re.S)
    assert card is not None
    heading = re.search(r"<h2>(.*?)</h2>", card[1], re.S)
    assert heading is not None
    assert _text(heading[1]) not in titles, (heading[1], titles)
    with translation.override(lang):
        assert _text(heading[1]) == translation.gettext("Our hosting settings")


def test_the_brokerage_host_e_mail_speaks_of_meetings_at_the_tables(
    event: Event, draft: ScheduleVersion
) -> None:
    publish(draft, notify=False)
    body = beta_admin_mail(event)
    assert "visit" not in body.lower(), body
    assert "The published programme gives you one meeting at the event's tables:" in body
    assert "- Thursday, March 14, 2030, 9:00\u202fAM–9:20\u202fAM CET: Meeting with" in body
    assert "whom you meet at the event's tables and your staff." in body


def test_a_brokerage_host_before_publication_is_told_of_meetings(event: Event) -> None:
    body = beta_admin_mail(event)
    assert "visit" not in body.lower(), body
    assert "No meeting of your organization at the event's tables is published yet" in body


def test_the_mission_host_e_mail_still_speaks_of_visits(demo: Event) -> None:
    mail.outbox.clear()
    accounts.invite_participants(demo)
    body = mail_body(HOST_EMAIL)
    assert "The published programme visits you once:" in body, body
    assert "Wednesday, February 14, 2024, 9:00\u202fAM" in body, body
    assert "meeting" not in body.lower()
    assert "the days you receive visitors" in body


def _counting(monkeypatch: Any) -> list[tuple[str, str]]:
    """Each (subject, language) :func:`domain.agenda_of` is asked for from now on: the real
    function, counted."""
    asked: list[tuple[str, str]] = []
    real = domain.agenda_of

    def counted(row: Event, subject: str, lang: str) -> Any:
        asked.append((subject, lang))
        return real(row, subject, lang)

    monkeypatch.setattr(domain, "agenda_of", counted)
    return asked


PROGRAMME_TABLES = ("scheduling_scheduleversion", "liqa_event_data_version", "events_booking")
"""What reading the published agenda queries (its versions, the event's stamp, bookings)."""


def _programme_queries(event: Event) -> int:
    """The queries inviting everyone makes to read the published programme."""
    with CaptureQueriesContext(connection) as queries:
        accounts.invite_participants(event)
    return sum(any(t in q["sql"] for t in PROGRAMME_TABLES) for q in queries.captured_queries)


def test_inviting_everyone_reads_a_hosts_agenda_once_for_all_its_administrators(
    event: Event, draft: ScheduleVersion, empty_caches: None, monkeypatch: Any
) -> None:
    publish(draft, notify=False)
    admins = [f"admin{n}@beta.example" for n in range(3)]
    accounts.grant(
        accounts.user_for_email(admins[0]), event, Role.HOST_ADMIN, organization="o-beta"
    )
    _programme_queries(event)  # the event and its schedule kept, as for the second round
    one = _programme_queries(event)
    for email in admins[1:]:
        accounts.grant(
            accounts.user_for_email(email), event, Role.HOST_ADMIN, organization="o-beta"
        )
    asked = _counting(monkeypatch)
    mail.outbox.clear()
    assert _programme_queries(event) == one  # not once more per administrator
    assert asked == [("o-beta", "en")]  # one agenda for the three of them
    bodies = {email: mail_body(email) for email in admins}
    assert len(set(bodies.values()) - {""}) == 3  # each its own link, the same agenda
    for body in bodies.values():
        assert "- Thursday, March 14, 2030, 9:00\u202fAM–9:20\u202fAM CET: Meeting with" in body


def test_administrators_reading_other_languages_each_get_the_agenda_in_theirs(
    event: Event, draft: ScheduleVersion, empty_caches: None, monkeypatch: Any
) -> None:
    publish(draft, notify=False)
    for email, language in (("a@beta.example", "en"), ("b@beta.example", "fr")):
        accounts.grant(
            accounts.user_for_email(email),
            event,
            Role.HOST_ADMIN,
            organization="o-beta",
            language=language,
        )
    asked = _counting(monkeypatch)
    mail.outbox.clear()
    accounts.invite_participants(event)
    assert sorted(asked) == [("o-beta", "en"), ("o-beta", "fr")]
    assert "- Thursday, March 14, 2030, 9:00" in mail_body("a@beta.example")
    assert "- jeudi 14 mars 2030, 09:00–09:20 CET" in mail_body("b@beta.example")
