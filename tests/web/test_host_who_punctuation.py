"""The host page's "who comes" line punctuates in the reader's language through the
template globals ``colon()`` and ``comma()``: it chose an Arabic semicolon inline
(``"؛ " if lang == "ar" else "; "``), and put an English colon after the side's label in
French."""

from __future__ import annotations

import dataclasses
import re
from collections.abc import Callable

import pytest
from django.contrib.auth.models import User
from django.test import Client

from liqa.web.events.models import Event, Person
from liqa.web.scheduling.publishing import publish
from liqa.web.scheduling.records import store_schedule
from tests.web.factories import make_core_event, make_schedule


def _who(page: str, key: str) -> list[str]:
    """The "who comes" lines of the entry ``key``, as read (tags dropped)."""
    entry = page.split(f'data-id="{key}"', 1)[1].split("</li>", 1)[0]
    lines = re.findall(r'<p class="who">(.*?)</p>', entry, re.S)
    return [" ".join(re.sub(r"<[^>]+>", "", line).split()) for line in lines]


@pytest.fixture
def two_delegates(event: Event) -> None:
    """Dina Alaoui of Alpha Pay comes to r-1 with Amina; published."""
    Person.objects.create(
        event=event,
        key="p-dina",
        name="Dina Alaoui",
        organization="o-alpha",
        role="CFO",
        position=9,
    )
    schedule = make_schedule(make_core_event())
    r1 = dataclasses.replace(schedule.assignments[0], attendees=("p-amina", "p-dina", "p-bruno"))
    publish(store_schedule(event, dataclasses.replace(schedule, assignments=(r1,))))


@pytest.mark.usefixtures("two_delegates")
@pytest.mark.parametrize(
    ("lang", "expected"),
    [
        (
            "en",
            [
                "Participants: Amina Idrissi (CEO, Alpha Pay), Dina Alaoui (CFO, Alpha Pay)",
                "Hosts: Bruno Martin (CTO, Beta Bank)",
            ],
        ),
        (
            "fr",
            [
                "Participants : Amina Idrissi (Directeur général, Alpha Pay),"
                " Dina Alaoui (CFO, Alpha Pay)",
                "Hôtes : Bruno Martin (CTO, Beta Bank)",
            ],
        ),
        (
            "ar",
            [
                "المشاركون: Amina Idrissi (الرئيس التنفيذي، Alpha Pay)،"
                " Dina Alaoui (CFO، Alpha Pay)",
                "المضيفون: Bruno Martin (CTO، Beta Bank)",
            ],
        ),
    ],
)
def test_who_comes_punctuates_in_the_readers_language(
    host_admin: User,
    event: Event,
    client_for: Callable[..., Client],
    lang: str,
    expected: list[str],
) -> None:
    client = client_for(host_admin)
    client.post("/i18n/setlang/", {"language": lang, "next": "/"})
    page = client.get(f"/host/{event.slug}/").content.decode()
    assert _who(page, "r-1") == expected
