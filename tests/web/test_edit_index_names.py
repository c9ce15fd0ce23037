"""The organizer's edit index names what its rows refer to and labels its columns (found on a
desktop walk of the demo mission in Arabic: visits listed their host and venue as keys,
``h-hou-egov`` and ``v-hou-egov``, the programme its venues as ``v-iah → v-hotel-houston``,
its times without the city's zone, and no table said what its columns were)."""

from __future__ import annotations

from collections.abc import Callable

import pytest
from django.contrib.auth.models import User
from django.test import Client

from liqa.web.accounts import services as accounts
from liqa.web.accounts.models import Role
from liqa.web.events.models import Event


@pytest.fixture
def demo_organizer(mission: Event) -> User:
    """The demo mission's organizer."""
    user = accounts.user_for_email("org@example.org")
    accounts.grant(user, mission, Role.ORGANIZER)
    return user


def _cells(page: str, key: str) -> list[str]:
    """The text of the row ``key``'s cells between its key and its links."""
    row = page.split(f'<tr data-key="{key}">', 1)[1].split("</tr>", 1)[0]
    cells = [cell.split("</td>", 1)[0] for cell in row.split("<td")[2:-1]]
    return [cell.split(">", 1)[1] for cell in cells]


def _headers(page: str, section: str) -> list[str]:
    """The column headers of the table in the section ``section``."""
    table = page.split(f'<section class="card" id="{section}">', 1)[1].split("</thead>", 1)[0]
    return [cell.split("</th>", 1)[0] for cell in table.split('<th scope="col">')[1:]]


@pytest.mark.parametrize(
    ("lang", "visit", "arrival", "person"),
    [
        (
            "ar",
            ["Houston Municipal Office of Digital Services"] * 2 + ["90 دقيقة · إلزامية"],
            "مطار جورج بوش الدولي ← فندق بايو سنتر",
            "وزارة الانتقال الرقمي وإصلاح الإدارة",
        ),
        (
            "fr",
            ["Houston Municipal Office of Digital Services"] * 2 + ["90 min · obligatoire"],
            "Aéroport intercontinental George-Bush (IAH) → Hôtel Bayou Centre",
            "Ministère de la Transition Numérique et de la Réforme de l'Administration",
        ),
    ],
)
def test_rows_name_the_records_they_refer_to(
    lang: str,
    visit: list[str],
    arrival: str,
    person: str,
    demo_organizer: User,
    mission: Event,
    client_for: Callable[[User | None], Client],
) -> None:
    response = client_for(demo_organizer).get(
        f"/events/{mission.slug}/edit/", HTTP_ACCEPT_LANGUAGE=lang
    )
    page = response.content.decode().replace("&#39;", "'")
    assert response.status_code == 200
    assert _cells(page, "vis-hou-egov") == visit
    assert _cells(page, "prog-arrival")[2] == arrival
    assert _cells(page, "p-lamrani")[1] == person


def test_programme_times_carry_the_citys_zone(
    demo_organizer: User, mission: Event, client_for: Callable[[User | None], Client]
) -> None:
    page = client_for(demo_organizer).get(f"/events/{mission.slug}/edit/").content.decode()
    assert _cells(page, "prog-arrival")[1] == (
        'Feb 11, 2024 <span class="time">4:00\u202fPM–5:15\u202fPM</span> '
        '<small class="zone">CST</small>'
    )
    # the flight leaves Houston at 9:05 CST and lands in San José at 11:20 PST: each end on
    # the clock of its venue, as on the grid and the agendas
    assert _cells(page, "prog-flight")[1] == (
        'Feb 16, 2024 <span class="time">9:05\u202fAM <small class="zone">CST</small> – '
        '11:20\u202fAM <small class="zone">PST</small></span>'
    )
    assert _cells(page, "prog-debrief")[1].endswith('<small class="zone">PST</small>')


@pytest.mark.parametrize(
    ("section", "headers"),
    [
        ("organizations", ["Key", "Name", "Side", "Country", "Actions"]),
        ("people", ["Key", "Name", "Organization", "Role", "Actions"]),
        ("venues", ["Key", "Name", "City", "Time zone", "Actions"]),
        ("legs", ["Key", "City", "When", "Time zone", "Actions"]),
        ("visits", ["Key", "Host", "Venue", "Duration", "Actions"]),
        ("programme", ["Key", "Title", "When", "Where", "Actions"]),
    ],
)
def test_each_table_says_what_its_columns_are(
    section: str,
    headers: list[str],
    demo_organizer: User,
    mission: Event,
    client_for: Callable[[User | None], Client],
) -> None:
    page = client_for(demo_organizer).get(f"/events/{mission.slug}/edit/").content.decode()
    assert _headers(page, section) == headers
