"""The organizer's communiqué page drafts an announcement for an event still to come.

The page's draft said the event "was held" whatever the day: a brokerage day two months
ahead read "Chamber of Commerce held a day of B2B meetings on …". The draft is written as
of the request, so an event ahead is announced, with nothing said held, and its organizer,
a common-noun phrase, reads with "the" in English. The event is stored two months after
the day the test runs, so it is always ahead.
"""

from __future__ import annotations

import html
import re
from dataclasses import replace
from datetime import UTC, date, datetime, timedelta

import pytest
from django.test import Client

from liqa.core import model as core
from liqa.core.i18n import translator
from liqa.web.accounts import services as accounts
from liqa.web.accounts.models import Role
from liqa.web.events.models import Event
from liqa.web.events.records import store_event
from liqa.web.scheduling.publishing import publish
from liqa.web.scheduling.records import store_schedule
from tests.web.factories import DAY, make_core_event, make_schedule

pytestmark = pytest.mark.django_db
ORGANIZER = "organizer@example.org"


def ahead(
    event: core.Event, schedule: core.Schedule, days: timedelta
) -> tuple[core.Event, core.Schedule]:
    """The event and its schedule moved ``days`` later."""
    assert event.brokerage is not None
    legs = tuple(replace(leg, start=leg.start + days, end=leg.end + days) for leg in event.legs)
    sessions = tuple(
        replace(s, start=s.start + days, end=s.end + days) for s in event.brokerage.sessions
    )
    moved = replace(event, legs=legs, brokerage=replace(event.brokerage, sessions=sessions))
    assignments = tuple(
        replace(a, start=a.start + days, end=a.end + days) for a in schedule.assignments
    )
    return moved, replace(schedule, assignments=assignments)


def published_ahead() -> tuple[Event, date]:
    """The factories' brokerage day stored two months from today, its schedule published,
    with its organizer granted; and the event's day."""
    day = datetime.now(UTC).date() + timedelta(days=60)
    base = make_core_event()
    event, schedule = ahead(base, make_schedule(base), day - DAY)
    row = store_event(event)
    accounts.grant(accounts.user_for_email(ORGANIZER), row, Role.ORGANIZER)
    publish(store_schedule(row, schedule), notify=False)
    return row, day


def drafts(client: Client, row: Event) -> dict[str, str]:
    """The three texts of the communiqué form, by language."""
    page = client.get(f"/organize/{row.slug}/communique/").content.decode()
    found = re.findall(r'<textarea id="text-(\w+)"[^>]*>(.*?)</textarea>', page, re.S)
    return {lang: html.unescape(text) for lang, text in found}


def test_an_event_ahead_is_announced_with_nothing_said_held() -> None:
    row, day = published_ahead()
    client = Client()
    client.force_login(accounts.user_for_email(ORGANIZER))
    texts = drafts(client, row)
    assert set(texts) == {"ar", "fr", "en"}
    english = texts["en"].split("\n\n")
    lead = english[1].split(" — ", 1)[1]
    on = translator("en").format_date(day, "long")
    assert lead == f"The Chamber of Commerce will hold a day of B2B meetings on {on}.", lead
    assert "held" not in texts["en"], texts["en"]
    assert "In all, 2 meetings were arranged" in texts["en"], texts["en"]
    for lang in ("fr", "ar"):  # the catalog's sentence of a day held is said in no language
        t = translator(lang)
        past = t.gettext("%(organizers)s held a day of B2B meetings on %(date)s.") % {
            "organizers": "Chamber of Commerce",
            "date": t.format_date(day, "long"),
        }
        assert past not in texts[lang], texts[lang]
        assert t.format_date(day, "long") in texts[lang], texts[lang]
