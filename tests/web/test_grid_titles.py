"""The people × days and hosts × days grids title each meeting as the row's own agenda does
("Meeting with Beta Bank" on Amina's row, "Meeting with Alpha Pay" on Bruno's; a visit is
"Visit: <host>" on a delegate's row and "Receiving the delegation" on its host's), in the
reader's language. The titles come from one pass over the timeline
(:func:`liqa.web.scheduling.domain.row_titles`), where the grid built every row's whole
agenda for them (120 agendas for the brokerage example, most of the page's server time)."""

from __future__ import annotations

import html
import re
from collections.abc import Callable

import pytest
from django.contrib.auth.models import User
from django.test import Client

from liqa.core import model as core
from liqa.core.outputs.agenda import build_agenda
from liqa.core.outputs.labels import org_name
from liqa.core.outputs.settings import OutputSettings
from liqa.core.outputs.timeline import timeline
from liqa.core.scheduling.planning import PlanSettings, plan_event
from liqa.web.accounts import services as accounts
from liqa.web.accounts.models import Role
from liqa.web.events.models import Event
from liqa.web.events.records import event_record
from liqa.web.scheduling import domain
from liqa.web.scheduling.models import ScheduleVersion
from liqa.web.scheduling.records import schedule_record, store_schedule

MEETING = {"en": "Meeting with {}", "fr": "Rendez-vous avec {}", "ar": "لقاء مع {}"}
TABLE = {"en": "table", "fr": "table", "ar": "طاولة"}


def titles_on(page: str, row: str) -> dict[str, str]:
    """The title of each meeting (by key) in the grid's row ``row`` (``person-p-amina``),
    without its table."""
    found = re.search(rf'<tr id="{re.escape(row)}">(.*?)</tr>', page, re.S)
    assert found is not None, row
    cells = re.findall(
        r'<div class="meeting[^"]*" data-key="([^"]+)">.*?<span class="what"[^>]*>(.*?)</span>',
        found.group(1),
        re.S,
    )
    read = {key: html.unescape(re.sub(r"<[^>]+>", "", text)) for key, text in cells}  # <bdi>
    return {key: text.split(" · ")[0].strip() for key, text in read.items()}


@pytest.mark.parametrize("lang", ["en", "fr", "ar"])
def test_each_row_titles_its_meetings_by_the_other_side(
    lang: str, organizer: User, draft: ScheduleVersion, client_for: Callable[..., Client]
) -> None:
    client = client_for(organizer)
    grid = f"/organize/{draft.event.slug}/versions/{draft.number}/"
    people = client.get(grid, HTTP_ACCEPT_LANGUAGE=lang).content.decode()
    meeting = MEETING[lang].format
    assert titles_on(people, "person-p-amina") == {
        "r-1": meeting("Beta Bank"),
        "r-2": meeting("Gamma Farms"),
    }
    assert titles_on(people, "person-p-bruno") == {"r-1": meeting("Alpha Pay")}
    assert titles_on(people, "person-p-chen") == {"r-2": meeting("Alpha Pay")}
    assert f"{meeting('Beta Bank')} · {TABLE[lang]} 1" in re.sub(r"</?bdi[^>]*>", "", people)
    hosts = client.get(f"{grid}?by=hosts", HTTP_ACCEPT_LANGUAGE=lang).content.decode()
    assert titles_on(hosts, "host-o-beta") == {"r-1": meeting("Alpha Pay")}
    assert titles_on(hosts, "host-o-gamma") == {"r-2": meeting("Alpha Pay")}
    assert 'id="host-o-alpha"' not in hosts  # the delegation's company hosts nothing


@pytest.fixture
def planned_mission(mission: Event) -> ScheduleVersion:
    """The demo mission planned (one second) as draft version 1."""
    outcome = plan_event(event_record(mission), PlanSettings(time_limit=1.0))
    return store_schedule(mission, outcome.schedule)


def test_a_visit_is_received_by_its_host_and_visited_by_the_delegates(
    planned_mission: ScheduleVersion, client_for: Callable[..., Client]
) -> None:
    event = event_record(planned_mission.event)
    schedule = schedule_record(planned_mission)
    organizer = accounts.user_for_email("org@example.org")
    accounts.grant(organizer, planned_mission.event, Role.ORGANIZER)
    client = client_for(organizer)
    grid = f"/organize/{planned_mission.event.slug}/versions/{planned_mission.number}/"
    visit = next(a for a in schedule.assignments if a.format is core.MeetingFormat.SITE_VISIT)
    host = next(v.host for v in event.visits if v.id == visit.id)
    for lang, visiting, receiving in (
        ("en", "Visit: {}", "Receiving the delegation"),
        ("ar", "زيارة: {}", "استقبال الوفد"),
    ):
        people = client.get(grid, HTTP_ACCEPT_LANGUAGE=lang).content.decode()
        delegate = next(p for p in visit.attendees if event.person(p).organization != host)
        host_name = org_name(event.organization(host), lang)
        assert titles_on(people, f"person-{delegate}")[visit.id] == visiting.format(host_name)
        hosts = client.get(f"{grid}?by=hosts", HTTP_ACCEPT_LANGUAGE=lang).content.decode()
        assert titles_on(hosts, f"host-{host}")[visit.id].startswith(receiving)


@pytest.mark.parametrize("lang", ["en", "fr", "ar"])
def test_the_grids_titles_are_the_rows_agendas_titles(
    lang: str, planned_mission: ScheduleVersion
) -> None:
    """Every row of both grids, every item on its agenda: the title its agenda gives."""
    event = event_record(planned_mission.event)
    schedule = schedule_record(planned_mission)
    settings = OutputSettings(live_url_pattern="", pdf=False, workers=1)
    for by in ("people", "hosts"):
        page = domain.grid(planned_mission, lang, by=by)
        rows = [row.id for row in page["people"]]
        assert len(rows) > 3, by
        found = domain.row_titles(event, timeline(event, schedule), rows, lang)
        for row in rows:
            agenda = build_agenda(event, schedule, row, lang, settings)
            expected = {e.id: e.title for day in agenda.days for e in day.entries}
            assert expected, row
            assert found[row] == expected, (by, row)
