"""The organizer lists, adds, changes and deletes candidate visits in the browser; windows
are typed in the leg's local time and stored aware; the core judges every change."""

from __future__ import annotations

import pytest
from django.test import Client

from liqa.core import model as core
from liqa.web.events.models import CandidateVisit, Event
from liqa.web.events.records import event_record
from tests.web.editing_factories import (
    DENIED,
    EVERYONE_DENIED,
    houston,
    organizer_of,
    outsider_statuses,
    outsiders,
    post,
    refused,
    refused_deletion,
    snapshot,
    statuses,
)

VISIT = {
    "key": "v-port-tour",
    "host": "o-port",
    "venue": "v-port",
    "duration_minutes": "90",
    "windows": "2030-03-11 09:00-12:00\n\n2030-03-12 14:00 - 17:00",
    "max_visitors": "5",
    "themes": "ports, logistics",
    "priority": "3",
    "required": "on",
    "required_attendees": "p-amina, p-omar",
}


def _refused(client: Client, event: Event, change: dict[str, str], field: str) -> list[str]:
    """The messages under ``field`` when adding the visit with ``change``; nothing stored."""
    return refused(client, event, "visits/_add/", {**VISIT, **change}, field)


# --- happy paths ---------------------------------------------------------------------------


def test_add_visit_stores_windows_aware_in_the_legs_zone(
    houston_organizer: Client, houston_mission: Event
) -> None:
    assert post(houston_organizer, houston_mission, "visits/_add/", VISIT).status_code == 302
    assert event_record(houston_mission).visits == (
        core.CandidateVisit(
            id="v-port-tour",
            host="o-port",
            venue="v-port",
            duration_minutes=90,
            windows=(
                core.TimeWindow(houston(11, 9), houston(11, 12)),
                core.TimeWindow(houston(12, 14), houston(12, 17)),
            ),
            max_visitors=5,
            priority=3,
            required=True,
            required_attendees=("p-amina", "p-omar"),
            themes=("ports", "logistics"),
        ),
    )
    row = CandidateVisit.objects.get(event=houston_mission, key="v-port-tour")
    assert row.windows == [
        ["2030-03-11T09:00:00-05:00", "2030-03-11T12:00:00-05:00"],
        ["2030-03-12T14:00:00-05:00", "2030-03-12T17:00:00-05:00"],
    ]


def test_visit_without_venue_or_windows_takes_the_hosts_venue(
    houston_organizer: Client, houston_mission: Event
) -> None:
    plain = {"key": "v-plain", "host": "o-port", "duration_minutes": "60", "priority": "1"}
    assert post(houston_organizer, houston_mission, "visits/_add/", plain).status_code == 302
    visit = event_record(houston_mission).visits[0]
    assert (visit.venue, visit.windows, visit.required, visit.max_visitors) == (
        "v-port",
        (),
        False,
        None,
    )


def test_change_visit_form_shows_windows_in_local_time(
    houston_organizer: Client, houston_mission: Event
) -> None:
    post(houston_organizer, houston_mission, "visits/_add/", VISIT)
    page = houston_organizer.get(f"/events/{houston_mission.slug}/edit/visits/v-port-tour/").content
    assert "2030-03-11 09:00-12:00\n2030-03-12 14:00-17:00</textarea>" in page.decode()
    shorter = {**VISIT, "duration_minutes": "45", "windows": "2030-03-11 09:00-12:00"}
    assert (
        post(houston_organizer, houston_mission, "visits/v-port-tour/", shorter).status_code == 302
    )
    visit = event_record(houston_mission).visits[0]
    assert (visit.duration_minutes, visit.windows) == (
        45,
        (core.TimeWindow(houston(11, 9), houston(11, 12)),),
    )


def test_window_over_midnight_is_written_as_two_instants(
    houston_organizer: Client, houston_mission: Event
) -> None:
    late = {**VISIT, "windows": "2030-03-11 22:00 – 2030-03-12 01:00"}
    assert post(houston_organizer, houston_mission, "visits/_add/", late).status_code == 302
    assert event_record(houston_mission).visits[0].windows == (
        core.TimeWindow(houston(11, 22), houston(12, 1)),
    )


def test_editing_page_lists_visits_and_delete_removes_one(
    houston_organizer: Client, houston_mission: Event
) -> None:
    post(houston_organizer, houston_mission, "visits/_add/", VISIT)
    page = houston_organizer.get(f"/events/{houston_mission.slug}/edit/").content.decode()
    assert ('id="visits"' in page, 'data-key="v-port-tour"' in page) == (True, True)
    response = post(houston_organizer, houston_mission, "visits/v-port-tour/delete/", {})
    assert (response.status_code, event_record(houston_mission).visits) == (302, ())


def test_deleting_a_host_with_a_visit_names_the_visit(
    houston_organizer: Client, houston_mission: Event
) -> None:
    post(houston_organizer, houston_mission, "visits/_add/", VISIT)
    page = refused_deletion(houston_organizer, houston_mission, "organizations/o-port/delete/")
    assert (
        "o-port is used by People 'p-hank' · organization; Candidate visits 'v-port-tour' · "
        "host: change or delete those first."
    ) in page


# --- refusals: exact messages, nothing stored ------------------------------------------------


def test_window_outside_the_legs_days_is_refused(
    houston_organizer: Client, houston_mission: Event
) -> None:
    change = {"windows": "2030-03-20 09:00-12:00"}
    assert _refused(houston_organizer, houston_mission, change, "windows") == [
        "visit window 2030-03-20 09:00 – 2030-03-20 12:00 is outside the event's legs "
        "(houston 2030-03-10..2030-03-12) (fix the date, add a leg that covers it, or give an "
        "explicit offset)"
    ]


def test_window_that_is_not_a_window_is_refused_by_line(
    houston_organizer: Client, houston_mission: Event
) -> None:
    change = {"windows": "2030-03-11 09:00-12:00\nmorning\n2030-03-12 25:00-26:00"}
    assert _refused(houston_organizer, houston_mission, change, "windows") == [
        "line 2: 'morning' is not a window: write YYYY-MM-DD HH:MM-HH:MM",
        "line 3: 25:00 is not a time of day (HH:MM, 24 h)",
    ]


def test_window_on_an_impossible_date_is_refused(
    houston_organizer: Client, houston_mission: Event
) -> None:
    change = {"windows": "2030-02-30 09:00-12:00"}
    assert _refused(houston_organizer, houston_mission, change, "windows") == [
        "line 1: 2030-02-30 is not a real date"
    ]


def test_naive_time_that_does_not_exist_in_the_zone_is_refused(
    houston_organizer: Client, houston_mission: Event
) -> None:
    change = {"windows": "2030-03-10 02:30-05:00"}
    assert _refused(houston_organizer, houston_mission, change, "windows") == [
        "line 1: 2030-03-10 02:30 does not exist in America/Chicago: the clocks move forward "
        "that night"
    ]


def test_window_ending_before_it_starts_is_refused(
    houston_organizer: Client, houston_mission: Event
) -> None:
    change = {"windows": "2030-03-11 12:00-09:00"}
    assert _refused(houston_organizer, houston_mission, change, "windows") == [
        "the visit window ends (2030-03-11 09:00) before it starts (2030-03-11 12:00) "
        "(swap the times or fix the typo)"
    ]


def test_unknown_venue_is_refused(houston_organizer: Client, houston_mission: Event) -> None:
    assert _refused(houston_organizer, houston_mission, {"venue": "v-nope"}, "venue") == [
        "unknown venue 'v-nope' (did you mean 'v-hotel'?)"
    ]


def test_duration_longer_than_a_window_is_refused(
    houston_organizer: Client, houston_mission: Event
) -> None:
    change = {"duration_minutes": "120", "windows": "2030-03-11 09:00-10:00"}
    assert _refused(houston_organizer, houston_mission, change, "windows") == [
        "the window 2030-03-11 09:00 – 2030-03-11 10:00 lasts 60 minutes, less than the visit "
        "(120 minutes)"
    ]


def test_required_attendee_not_in_the_delegation_is_refused(
    houston_organizer: Client, houston_mission: Event
) -> None:
    change = {"required_attendees": "p-amina, p-hank"}
    assert _refused(houston_organizer, houston_mission, change, "required_attendees") == [
        "p-hank is not in the delegation: only delegates visit hosts"
    ]


def test_unknown_required_attendee_is_refused(
    houston_organizer: Client, houston_mission: Event
) -> None:
    change = {"required_attendees": "p-nobody"}
    assert _refused(houston_organizer, houston_mission, change, "required_attendees") == [
        "unknown person 'p-nobody' (define it under 'people' or fix the id)"
    ]


# --- permissions -----------------------------------------------------------------------------


@pytest.mark.parametrize("who", sorted(DENIED))
def test_visits_are_not_edited_by_others(who: str, houston_mission: Event) -> None:
    client = outsiders(houston_mission)[who]
    before = snapshot(houston_mission)
    pages = ["visits/_add/"]
    posts = [("visits/_add/", VISIT)]
    assert statuses(client, houston_mission, pages, posts) == {DENIED[who]}
    assert snapshot(houston_mission) == before


def test_visit_changes_and_deletions_are_not_made_by_others(houston_mission: Event) -> None:
    organizer_client = organizer_of(houston_mission)
    post(organizer_client, houston_mission, "visits/_add/", VISIT)
    pages = ["visits/v-port-tour/"]
    posts = [
        ("visits/v-port-tour/", {**VISIT, "duration_minutes": "30"}),
        ("visits/v-port-tour/delete/", {}),
    ]
    assert outsider_statuses(houston_mission, pages, posts) == EVERYONE_DENIED
