"""A participant's saved change shows on the next page (found stale on SQLite by QA).

On SQLite the event's kept record is keyed by ``liqa.web.events.snapshots.data_stamp``:
``PRAGMA data_version`` and the connection's ``total_changes``. Both count from a fresh
connection's own start (1 and 0), and the server opens a fresh connection for each request,
so every read has the same stamp and the record read first is served forever: on the
demo (``liqa serve``, SQLite) a saved phone number, a host's receiving days and an outcome
stayed as they were until the server restarted, while the database held the new values.

Fixed by migration ``events.0005_sqlite_data_version_triggers``: on SQLite, as on
PostgreSQL, triggers raise a counter per event with every write of its rows, and the stamp
reads it.
"""

from __future__ import annotations

from typing import Any

import pytest
from django.test import Client

from liqa.web.accounts import services as accounts
from liqa.web.events.models import Person
from liqa.web.events.records import store_event
from tests.web.factories import make_core_event

pytestmark = [pytest.mark.e2e, pytest.mark.slow, pytest.mark.django_db(transaction=True)]


def test_a_saved_phone_number_shows_after_saving(browser: Any, live_server: Any) -> None:
    event = store_event(make_core_event())
    accounts.enrol_everyone(event)
    client = Client()
    client.force_login(accounts.user_for_email("amina@example.org"))
    context = browser.new_context()
    host = live_server.url.split("//", 1)[1].split(":", 1)[0]
    cookie = {"name": "sessionid", "value": client.cookies["sessionid"].value}
    context.add_cookies([{**cookie, "domain": host, "path": "/"}])
    page = context.new_page()
    page.goto(f"{live_server.url}/me/{event.slug}/profile/")
    assert page.input_value("#phone") == "+212 600"
    page.fill("#phone", "+1 713 555 0199")
    page.click("#profile button[type=submit]")
    page.wait_for_load_state()
    assert Person.objects.get(event=event, key="p-amina").phone == "+1 713 555 0199"
    page.reload()
    shown = page.input_value("#phone")
    context.close()
    assert shown == "+1 713 555 0199"
