"""The organizer's grid formats each time, zone and day once per page (the page's
``clock``), where its template's filters formatted two times and a zone per meeting with
Babel (a third of the brokerage example's grid time), and shows them as before: the times
of a few meetings in each view and language, as the core's translator writes them."""

from __future__ import annotations

import re
from collections.abc import Callable
from datetime import datetime
from typing import Any

import pytest
from babel import dates
from django.contrib.auth.models import User
from django.test import Client

from liqa.core import i18n
from liqa.core.outputs import labels
from liqa.web.events.models import Event
from liqa.web.scheduling.models import ScheduleVersion
from tests.web.factories import at

VIEWS = ("", "?by=hosts", "?by=tables", "?by=day")


def _text(html: str) -> str:
    """``html`` without its tags, its spaces as one (narrow no-break spaces too)."""
    return " ".join(re.sub(r"<[^>]+>", " ", html).replace("\u202f", " ").split())


def _meeting(page: str, key: str) -> str:
    """The text of the first element of meeting ``key`` (its cell, or its run-sheet line)."""
    found = re.search(rf'data-key="{re.escape(key)}">(.*?)</(?:div|tr)>', page, re.S)
    assert found, key
    return _text(found.group(1))


@pytest.fixture
def babel_calls(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    """Each call of Babel's ``format_time`` and ``format_date`` (the real functions,
    counted), as the core's translator makes them."""
    calls: list[str] = []

    def counted(name: str) -> Callable[..., Any]:
        real = getattr(dates, name)

        def call(*args: Any, **kwargs: Any) -> Any:
            calls.append(name)
            return real(*args, **kwargs)

        return call

    for name in ("format_time", "format_date"):
        monkeypatch.setattr(dates, name, counted(name))
    return calls


@pytest.mark.parametrize("view", ["", "?by=hosts"])
def test_each_time_of_a_grid_of_people_or_hosts_is_formatted_once(
    event: Event,
    draft: ScheduleVersion,
    organizer: User,
    client_for: Callable[[User | None], Client],
    babel_calls: list[str],
    view: str,
) -> None:
    client = client_for(organizer)
    address = f"/organize/{event.slug}/versions/{draft.number}/{view}"
    client.get(address)  # the event's records kept: only the page's own formatting counted
    babel_calls.clear()
    page = client.get(address).content.decode()
    # r-1 09:00-09:20 and r-2 09:20-09:40, each in two rows (Amina's and the other side's):
    # three distinct times, where every cell formatted its own two (eight); the Move form's
    # list of the event's slots formats each slot once.
    assert 'data-key="r-1"' in page
    assert 'data-key="r-2"' in page
    slots = len(re.findall(r"<option value=", page))
    assert babel_calls.count("format_time") <= 3 + slots, babel_calls
    assert babel_calls.count("format_date") <= 1, babel_calls  # the one day's header


@pytest.mark.parametrize(
    ("lang", "first", "second", "zone"),
    [
        ("en", "9:00 AM–9:20 AM", "9:20 AM–9:40 AM", "CET"),
        ("fr", "09:00–09:20", "09:20–09:40", "CET"),
        ("ar", "09:00–09:20", "09:20–09:40", "\u2066CET\u2069"),  # isolated in Arabic
    ],
)
def test_every_view_shows_the_times_as_the_translator_writes_them(
    event: Event,
    draft: ScheduleVersion,
    organizer: User,
    client_for: Callable[[User | None], Client],
    lang: str,
    first: str,
    second: str,
    zone: str,
) -> None:
    client = client_for(organizer)
    translator = i18n.translator(lang)

    def span(start: datetime, end: datetime) -> str:
        return _text(f"{translator.format_time(start)}–{translator.format_time(end)}")

    assert span(at(9), at(9, 20)) == first  # the translator's words, as they were
    assert span(at(9, 20), at(9, 40)) == second
    day = translator.format_date(at(9).date(), "medium")
    for view in VIEWS:
        page = client.get(
            f"/organize/{event.slug}/versions/{draft.number}/{view}", HTTP_ACCEPT_LANGUAGE=lang
        ).content.decode()
        if view == "?by=tables":  # the slots' columns, then each meeting under its slot
            heads = [
                _text(h) for h in re.findall(r'<th scope="col" class="slot"[^>]*>(.*?)</th>', page)
            ]
            assert heads[:3] == [_text(translator.format_time(at(9, m))) for m in (0, 20, 40)]
            assert _text(translator.format_time(at(9))) == first.split("–")[0]
            continue
        assert labels.zone_short(at(9), lang) == zone  # as the web's zone filter names it
        shown = (first, second) if view == "?by=day" else (f"{first} {zone}", f"{second} {zone}")
        assert _meeting(page, "r-1").startswith(shown[0]), (view, _meeting(page, "r-1"))
        assert _meeting(page, "r-2").startswith(shown[1]), (view, _meeting(page, "r-2"))
        if view != "?by=day":
            assert f"<th>{day}</th>" in page
