"""A participant's web agenda says, for each meeting, who they meet and from which
organization, as the core's agenda (and so the PDF) gives it."""

from __future__ import annotations

import dataclasses
import re
from collections.abc import Callable

import pytest
from django.template import engines
from django.test import Client

from liqa.core.outputs.agenda import Attendee, SideView, build_agenda
from liqa.core.outputs.settings import OutputSettings
from liqa.web.events.models import Event
from liqa.web.scheduling.models import ScheduleVersion
from liqa.web.scheduling.publishing import publish
from tests.web.factories import make_core_event, make_schedule, person_user


@pytest.fixture
def amina(event: Event, draft: ScheduleVersion, client_for: Callable[..., Client]) -> Client:
    publish(draft, notify=False)
    return client_for(person_user("amina@example.org"))


def _who(page: str, key: str) -> list[str]:
    """The text of the 'who' lines of meeting ``key`` (the first time it shows)."""
    entry = page.split(f'data-id="{key}"', 1)[1].split("</li>", 1)[0]
    lines = re.findall(r'<p class="who">(.*?)</p>', entry, re.S)
    return [" ".join(re.sub(r"<[^>]+>", "", line).split()) for line in lines]


def test_each_side_names_its_organization_and_roles(amina: Client, event: Event) -> None:
    page = amina.get(f"/me/{event.slug}/").content.decode()
    assert _who(page, "r-1") == [
        "Participants: Alpha Pay — Amina Idrissi (CEO)",
        "Hosts: Beta Bank — Bruno Martin (CTO)",
    ]
    assert _who(page, "r-2")[1] == "Hosts: Gamma Farms — Chen Li"


def test_arabic_agenda_isolates_latin_names_and_organizations(amina: Client, event: Event) -> None:
    amina.post("/i18n/setlang/", {"language": "ar", "next": "/"})
    page = amina.get(f"/me/{event.slug}/").content.decode()
    assert '<span class="org"><bdi class="ltr">Beta Bank</bdi></span>' in page
    assert '<span class="person"><bdi class="ltr">Bruno Martin</bdi>' in page


def test_a_side_of_several_organizations_names_each_persons(db: None) -> None:
    """Several organizations on one side (a group meeting): each person with their own."""
    core_event = make_core_event()
    settings = OutputSettings(live_url_pattern="")
    agenda = build_agenda(core_event, make_schedule(core_event), "p-amina", "en", settings)
    entry = agenda.days[0].entries[0]
    side = SideView(
        "Hosts",
        ("Beta Bank", "Gamma Farms"),
        (Attendee("Bruno Martin", "CTO", "Beta Bank"), Attendee("Chen Li", "", "Gamma Farms")),
    )
    env = engines["jinja2"].env  # type: ignore[attr-defined]
    macro = '{% from "agendas/_entries.html" import entry_view with context %}{{ entry_view(e) }}'
    html = env.from_string(macro).render(e=dataclasses.replace(entry, sides=(side,)), lang="en")
    [line] = re.findall(r'<p class="who">(.*?)</p>', html, re.S)
    assert " ".join(re.sub(r"<[^>]+>", "", line).split()) == (
        "Hosts: Bruno Martin (CTO) · Beta Bank, Chen Li · Gamma Farms"
    )


def test_french_agenda_puts_a_space_before_the_colon(amina: Client, event: Event) -> None:
    """French typography, as the PDF agenda and the catalog's own labels ('Sujet :')."""
    amina.post("/i18n/setlang/", {"language": "fr", "next": "/"})
    page = amina.get(f"/me/{event.slug}/").content.decode()
    assert _who(page, "r-1")[1] == "Hôtes : Beta Bank — Bruno Martin (CTO)"
