"""The organizer lists, adds, changes and deletes programme items (briefings, meals,
flights and transfers with departure and arrival venues) in the browser."""

from __future__ import annotations

from django.test import Client

from liqa.core import model as core
from liqa.web.events.models import Event, ProgrammeItem
from liqa.web.events.records import event_record
from tests.web.editing_factories import (
    EVERYONE_DENIED,
    houston,
    organizer_of,
    outsider_statuses,
    post,
    refused,
    refused_deletion,
)

FLIGHT = {
    "key": "flight-home",
    "kind": "flight",
    "title_en": "Flight home",
    "title_fr": "Vol retour",
    "title_ar": "رحلة العودة",
    "start": "2030-03-12 18:00",
    "end": "2030-03-12 21:30",
    "venue": "v-iah",
    "end_venue": "v-hotel",
    "attendees": "p-amina, p-omar",
}
BRIEFING = {
    "key": "briefing",
    "kind": "briefing",
    "title_en": "Briefing",
    "start": "2030-03-11 08:00",
    "end": "2030-03-11 08:45",
    "venue": "v-hotel",
}


def _refused(client: Client, event: Event, change: dict[str, str], field: str) -> list[str]:
    """The messages under ``field`` when adding the flight with ``change``; nothing stored."""
    return refused(client, event, "programme/_add/", {**FLIGHT, **change}, field)


# --- happy paths ---------------------------------------------------------------------------


def test_add_flight_with_departure_and_arrival(
    houston_organizer: Client, houston_mission: Event
) -> None:
    assert post(houston_organizer, houston_mission, "programme/_add/", FLIGHT).status_code == 302
    assert event_record(houston_mission).programme == (
        core.ProgrammeItem(
            id="flight-home",
            kind=core.ProgrammeKind.FLIGHT,
            title={"en": "Flight home", "fr": "Vol retour", "ar": "رحلة العودة"},
            start=houston(12, 18),
            end=houston(12, 21, 30),
            venue="v-iah",
            end_venue="v-hotel",
            attendees=("p-amina", "p-omar"),
        ),
    )
    row = ProgrammeItem.objects.get(event=houston_mission, key="flight-home")
    assert (row.start, row.end, row.venue, row.end_venue) == (
        houston(12, 18),
        houston(12, 21, 30),
        "v-iah",
        "v-hotel",
    )


def test_add_briefing_and_meal_for_the_whole_delegation(
    houston_organizer: Client, houston_mission: Event
) -> None:
    lunch = {**BRIEFING, "key": "lunch", "kind": "meal", "title_en": "Lunch"}
    lunch |= {"start": "2030-03-11 12:30", "end": "2030-03-11 13:30"}
    assert post(houston_organizer, houston_mission, "programme/_add/", BRIEFING).status_code == 302
    assert post(houston_organizer, houston_mission, "programme/_add/", lunch).status_code == 302
    items = event_record(houston_mission).programme
    assert [(i.id, i.kind, i.title, i.start, i.end, i.attendees) for i in items] == [
        (
            "briefing",
            core.ProgrammeKind.BRIEFING,
            {"en": "Briefing"},
            houston(11, 8),
            houston(11, 8, 45),
            (),
        ),
        (
            "lunch",
            core.ProgrammeKind.MEAL,
            {"en": "Lunch"},
            houston(11, 12, 30),
            houston(11, 13, 30),
            (),
        ),
    ]


def test_change_programme_item_form_shows_local_times_and_titles(
    houston_organizer: Client, houston_mission: Event
) -> None:
    post(houston_organizer, houston_mission, "programme/_add/", FLIGHT)
    page = houston_organizer.get(f"/events/{houston_mission.slug}/edit/programme/flight-home/")
    text = page.content.decode()
    shown = ['value="2030-03-12 18:00"', 'value="2030-03-12 21:30"', 'value="Vol retour"']
    assert [value in text for value in shown] == [True, True, True]
    later = {**FLIGHT, "title_fr": "", "start": "2030-03-12 19:00", "end": "2030-03-12 22:00"}
    assert (
        post(houston_organizer, houston_mission, "programme/flight-home/", later).status_code == 302
    )
    item = event_record(houston_mission).programme[0]
    assert (item.title, item.start, item.end) == (
        {"en": "Flight home", "ar": "رحلة العودة"},
        houston(12, 19),
        houston(12, 22),
    )


def test_editing_page_lists_programme_and_delete_removes_an_item(
    houston_organizer: Client, houston_mission: Event
) -> None:
    post(houston_organizer, houston_mission, "programme/_add/", FLIGHT)
    page = houston_organizer.get(f"/events/{houston_mission.slug}/edit/").content.decode()
    row = page.split('data-key="flight-home">', 1)[1].split("<a ", 1)[0]
    cells = [cell.split("</td>", 1)[0] for cell in row.split("<td>")[1:]]
    assert cells == [
        "<code>flight-home</code>",
        "Flight home",
        'Mar 12, 2030 <span class="time">6:00\u202fPM–9:30\u202fPM</span> '
        '<small class="zone">CDT</small>',
        "Bush Airport → Downtown Hotel",
        "",
    ]
    response = post(houston_organizer, houston_mission, "programme/flight-home/delete/", {})
    assert (response.status_code, event_record(houston_mission).programme) == (302, ())


def test_deleting_a_venue_of_a_flight_names_the_flight(
    houston_organizer: Client, houston_mission: Event
) -> None:
    post(houston_organizer, houston_mission, "programme/_add/", FLIGHT)
    page = refused_deletion(houston_organizer, houston_mission, "venues/v-iah/delete/")
    assert "v-iah is used by Programme 'flight-home' · venue: change or delete those first." in page


# --- refusals ------------------------------------------------------------------------------


def test_item_outside_the_legs_days_is_refused(
    houston_organizer: Client, houston_mission: Event
) -> None:
    change = {"start": "2030-03-20 18:00", "end": "2030-03-20 21:00"}
    assert _refused(houston_organizer, houston_mission, change, "start") == [
        "programme item 2030-03-20 18:00 – 2030-03-20 21:00 is outside the event's legs "
        "(houston 2030-03-10..2030-03-12) (fix the date, add a leg that covers it, or give an "
        "explicit offset)"
    ]


def test_invalid_time_is_refused(houston_organizer: Client, houston_mission: Event) -> None:
    assert _refused(houston_organizer, houston_mission, {"start": "2030-03-12 6pm"}, "start") == [
        "'2030-03-12 6pm' is not a valid date and time (write 'YYYY-MM-DD HH:MM' (local time of "
        "the place, else of the leg) or ISO 8601 with an offset)"
    ]


def test_naive_time_that_does_not_exist_in_the_zone_is_refused(
    houston_organizer: Client, houston_mission: Event
) -> None:
    change = {"start": "2030-03-10 02:15", "end": "2030-03-10 04:00"}
    assert _refused(houston_organizer, houston_mission, change, "start") == [
        "2030-03-10 02:15 does not exist in America/Chicago: the clocks move forward that night"
    ]


def test_item_ending_before_it_starts_is_refused(
    houston_organizer: Client, houston_mission: Event
) -> None:
    change = {"end": "2030-03-12 17:00"}
    assert _refused(houston_organizer, houston_mission, change, "end") == [
        "the programme item ends (2030-03-12 17:00) before it starts (2030-03-12 18:00) "
        "(swap the times or fix the typo)"
    ]


def test_unknown_arrival_venue_is_refused(
    houston_organizer: Client, houston_mission: Event
) -> None:
    assert _refused(houston_organizer, houston_mission, {"end_venue": "v-dfw"}, "end_venue") == [
        "unknown venue 'v-dfw' (define it under 'venues' or fix the id)"
    ]


def test_unknown_attendee_is_refused(houston_organizer: Client, houston_mission: Event) -> None:
    assert _refused(houston_organizer, houston_mission, {"attendees": "p-zed"}, "attendees") == [
        "unknown person 'p-zed' (define it under 'people' or fix the id)"
    ]


def test_programme_pages_in_arabic_are_rtl_and_translated(
    houston_organizer: Client, houston_mission: Event
) -> None:
    houston_organizer.post("/i18n/setlang/", {"language": "ar", "next": "/"})
    page = houston_organizer.get(
        f"/events/{houston_mission.slug}/edit/programme/_add/"
    ).content.decode()
    assert ('dir="rtl"' in page, "مكان الوصول" in page, "Arrival venue" in page) == (
        True,
        True,
        False,
    )


# --- permissions -----------------------------------------------------------------------------


def test_programme_is_not_edited_by_others(houston_mission: Event) -> None:
    post(organizer_of(houston_mission), houston_mission, "programme/_add/", FLIGHT)
    pages = ["programme/_add/", "programme/flight-home/"]
    posts = [
        ("programme/_add/", BRIEFING),
        ("programme/flight-home/", {**FLIGHT, "title_en": "Changed"}),
        ("programme/flight-home/delete/", {}),
    ]
    assert outsider_statuses(houston_mission, pages, posts) == EVERYONE_DENIED
