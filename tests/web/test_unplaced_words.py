"""Meetings not placed: stored with their explanation's words, shown in the reader's language."""

from __future__ import annotations

import dataclasses
from collections.abc import Callable

from django.contrib.auth.models import User
from django.test import Client

from liqa.core import model as core
from liqa.core.problems import Message, Name, joined
from liqa.web.events.models import Event
from liqa.web.scheduling.records import schedule_record, store_schedule
from tests.web.factories import make_core_event, make_schedule

FULL = Message(
    "every slot where {who} are free has all {tables} tables taken",
    who=joined(["p-bruno", "p-chen"]),
    tables=5,
)


def _with_unplaced(event: Event) -> None:
    schedule = make_schedule(make_core_event())
    unplaced = (core.Unplaced("r-3", "no_table_left", FULL),)
    store_schedule(event, dataclasses.replace(schedule, unplaced=unplaced))


def test_the_explanation_is_read_back_as_words_to_translate(event: Event) -> None:
    _with_unplaced(event)
    (unplaced,) = schedule_record(event.versions.get(number=1)).unplaced
    assert isinstance(unplaced.detail, Message)
    assert unplaced.detail == "every slot where p-bruno and p-chen are free has all 5 tables taken"


def test_the_grid_names_what_was_not_placed_and_explains_why_in_the_readers_language(
    organizer: User, event: Event, client_for: Callable[..., Client]
) -> None:
    _with_unplaced(event)
    client = client_for(organizer)
    url = f"/organize/{event.slug}/versions/1/"
    french, arabic, english = (
        client.get(url, HTTP_ACCEPT_LANGUAGE=lang).content.decode() for lang in ("fr", "ar", "en")
    )
    # stored with the people's ids (as explanations were once made), shown with their names
    assert "à chaque créneau où Bruno Martin et Chen Li sont libres, les 5 tables" in french
    assert "في كل فترة يكون فيها Bruno Martin وChen Li متاحين" in arabic
    assert "every slot where Bruno Martin and Chen Li are free has all 5 tables taken" in english
    assert "p-bruno" not in arabic.split('id="unplaced"')[1]
    # the request's parties by name and the reason in words, not "r-3 (no_table_left)"
    assert "<strong>Bruno Martin – Chen Li</strong> · plus de table libre — " in french
    assert "(<code>no_table_left</code>)" not in french
    assert '<bdi class="ltr">Bruno Martin – Chen Li</bdi></strong> · لم تبقَ طاولة شاغرة' in arabic


def test_the_grid_gives_names_in_the_readers_script(
    organizer: User, event: Event, client_for: Callable[..., Client]
) -> None:
    who = joined([Name("Bruno Martin", ar="برونو مارتن"), Name("Chen Li", ar="تشن لي")])
    detail = Message(
        "every slot where {who} are free has all {tables} tables taken", who=who, tables=5
    )
    schedule = make_schedule(make_core_event())
    unplaced = (core.Unplaced("r-3", "no_table_left", detail),)
    store_schedule(event, dataclasses.replace(schedule, unplaced=unplaced))
    client = client_for(organizer)
    url = f"/organize/{event.slug}/versions/1/"
    arabic = client.get(url, HTTP_ACCEPT_LANGUAGE="ar").content.decode()
    assert "في كل فترة يكون فيها برونو مارتن وتشن لي متاحين" in arabic  # stored, read back
    french = client.get(url, HTTP_ACCEPT_LANGUAGE="fr").content.decode()
    assert "à chaque créneau où Bruno Martin et Chen Li sont libres" in french
