"""Each validation error class: the exact problem (line, path, message, hint, code)."""

from __future__ import annotations

import pytest

from tests.core.missionfile.factories import VALID, brief, mutate, problems_of

LEGS = "houston 2024-02-11..2024-02-15, sv 2024-02-16..2024-02-21"
OUTSIDE_HINT = "fix the date, add a leg that covers it, or give an explicit offset"
ORGANIZER_HINT = (
    "an organizer's name: a plain string (English) or a mapping {ar: ..., fr: ..., en: ...} "
    "with at least one of them"
)
NAME_HINT = "write the organizer's name in this language as text, or remove this language"

CASES = [
    pytest.param(
        "    to: h-nasa\n",
        "    to: h-nsa\n",
        (
            52,
            "requests[0].to",
            "unknown person or organization 'h-nsa'",
            "did you mean 'h-nasa'?",
            "unknown_reference",
        ),
        id="unknown_organization_in_request",
    ),
    pytest.param(
        "    from: DGSSI\n",
        "    from: p-nobody\n",
        (
            51,
            "requests[0].from",
            "unknown person or organization 'p-nobody'",
            "define it under 'people' or fix the id",
            "unknown_reference",
        ),
        id="unknown_person_in_request",
    ),
    pytest.param(
        "    venue: v-nasa\n",
        "    venue: v-nasaa\n",
        (
            39,
            "organizations[1].venue",
            "unknown venue 'v-nasaa'",
            "did you mean 'v-nasa'?",
            "unknown_reference",
        ),
        id="unknown_venue_of_organization",
    ),
    pytest.param(
        "    host: h-nasa\n",
        "    host: h-unknown\n",
        (
            57,
            "visits[0].host",
            "unknown organization 'h-unknown'",
            "define it under 'organizations' or fix the id",
            "unknown_reference",
        ),
        id="unknown_visit_host",
    ),
    pytest.param(
        "    hotel: v-hotel\n",
        "    hotel: v-motel\n",
        (
            13,
            "legs[0].hotel",
            "unknown venue 'v-motel'",
            "did you mean 'v-hotel'?",
            "unknown_reference",
        ),
        id="unknown_leg_hotel",
    ),
    pytest.param(
        "    venue: v-hotel\n",
        "    venue: v-hotel\n    attendees: [p-lamrani, p-ghost]\n",
        (
            66,
            "programme[0].attendees[1]",
            "unknown person 'p-ghost'",
            "did you mean 'p-host'?",
            "unknown_reference",
        ),
        id="unknown_attendee",
    ),
    pytest.param(
        "    status: accepted\n",
        "    status: accepted\n    after: [r-0]\n",
        (
            55,
            "requests[0].after[0]",
            "unknown request 'r-0'",
            "did you mean 'r-1'?",
            "unknown_reference",
        ),
        id="unknown_request_in_after",
    ),
    pytest.param(
        "    status: accepted\n",
        "    status: accepted\n    session: morning\n",
        (
            55,
            "requests[0].session",
            "unknown session 'morning'",
            "no session is defined",
            "unknown_reference",
        ),
        id="unknown_session",
    ),
    pytest.param(
        "    to: h-nasa\n",
        "    to: DGSSI\n",
        (
            52,
            "requests[0].to",
            "request to oneself: 'DGSSI' asks to meet 'DGSSI'",
            "the 'to' side must be another person or organization",
            "self_request",
        ),
        id="request_to_oneself",
    ),
    pytest.param(
        "    to: h-nasa\n",
        "    to: p-lamrani\n",
        (
            52,
            "requests[0].to",
            "request within one organization: 'DGSSI' and 'p-lamrani' are the same party",
            "the 'to' side must be another organization or one of its people",
            "self_request",
        ),
        id="request_to_own_member",
    ),
    pytest.param(
        "  - id: p-host\n",
        "  - id: p-lamrani\n",
        (
            46,
            "people[1].id",
            "duplicate id 'p-lamrani' (already used at people[0])",
            "ids must be unique in the whole file; first use on line 41",
            "duplicate_id",
        ),
        id="duplicate_id",
    ),
    pytest.param(
        '"2024-02-12 08:00", end: "2024-02-12 18:00"',
        '"2024-02-10 08:00", end: "2024-02-10 18:00"',
        (
            45,
            "people[0].availability[0]",
            "availability 2024-02-10 08:00 – 2024-02-10 18:00 is outside the event's legs "
            f"({LEGS})",
            OUTSIDE_HINT,
            "outside_legs",
        ),
        id="availability_outside_legs",
    ),
    pytest.param(
        '"2024-02-12 08:00", end: "2024-02-12 18:00"',
        '"2024-03-01T08:00:00-06:00", end: "2024-03-01T18:00:00-06:00"',
        (
            45,
            "people[0].availability[0]",
            "availability 2024-03-01T08:00:00-06:00 – 2024-03-01T18:00:00-06:00 is outside the "
            f"event's legs ({LEGS})",
            OUTSIDE_HINT,
            "outside_legs",
        ),
        id="availability_with_offset_outside_legs",
    ),
    pytest.param(
        "    start: 2024-02-16\n",
        "    start: 2024-02-14\n",
        (
            17,
            "legs[1].start",
            "leg 'sv' (2024-02-14..2024-02-21) overlaps leg 'houston' (2024-02-11..2024-02-15)",
            "start 'sv' after 2024-02-15 (a travel day belongs to one leg only)",
            "overlapping_legs",
        ),
        id="overlapping_legs",
    ),
    pytest.param(
        "    timezone: America/Los_Angeles\n",
        "    timezone: America/Los_Angelos\n",
        (
            16,
            "legs[1].timezone",
            "unknown time zone 'America/Los_Angelos'",
            "did you mean 'America/Los_Angeles'?",
            "unknown_timezone",
        ),
        id="unknown_time_zone_close",
    ),
    pytest.param(
        "    timezone: America/Los_Angeles\n",
        "    timezone: Mars/Olympus\n",
        (
            16,
            "legs[1].timezone",
            "unknown time zone 'Mars/Olympus'",
            "use an IANA name such as Africa/Casablanca",
            "unknown_timezone",
        ),
        id="unknown_time_zone_far",
    ),
    pytest.param(
        "  - id: houston\n    city: Houston\n    timezone: America/Chicago\n",
        "  - id: houston\n    city: Houston\n    timezone: America/Houston\n",
        (
            10,
            "legs[0].timezone",
            "unknown time zone 'America/Houston'",
            "Houston keeps the time of 'America/Chicago' (IANA names a zone by its main city)",
            "unknown_timezone",
        ),
        id="unknown_time_zone_city",
    ),
    pytest.param(
        "    timezone: America/Los_Angeles\n",
        "    timezone: America/Vancuver\n",
        (
            16,
            "legs[1].timezone",
            "unknown time zone 'America/Vancuver'",
            "did you mean 'America/Vancouver'?",
            "unknown_timezone",
        ),
        id="unknown_time_zone_city_misspelt",
    ),
    pytest.param(
        "    lat: 29.752\n",
        "    lat: 129.752\n",
        (24, "venues[0].lat", "129.752 is out of range -90..90", "", "out_of_range"),
        id="latitude_out_of_range",
    ),
    pytest.param(
        "    lon: -95.3583\n",
        "    lon: -195.3583\n",
        (25, "venues[0].lon", "-195.3583 is out of range -180..180", "", "out_of_range"),
        id="longitude_out_of_range",
    ),
    pytest.param(
        "    end: 2024-02-15\n",
        "    end: 2024-02-30\n",
        (
            12,
            "legs[0].end",
            "'2024-02-30' is not a real date (day is out of range for month)",
            "check the day and month",
            "impossible_date",
        ),
        id="impossible_date",
    ),
    pytest.param(
        '    start: "2024-02-12 08:30"\n',
        '    start: "2024-02-12 25:30"\n',
        (
            63,
            "programme[0].start",
            "'2024-02-12 25:30' is not a real time (hour must be in 0..23)",
            "check the time",
            "impossible_date",
        ),
        id="impossible_time",
    ),
    pytest.param(
        "    end: 2024-02-21\n",
        "    end: 2024-02-01\n",
        (
            18,
            "legs[1].end",
            "the leg ends (2024-02-01) before it starts (2024-02-16)",
            "swap the dates or fix the typo",
            "end_before_start",
        ),
        id="leg_ends_before_it_starts",
    ),
    pytest.param(
        '    end: "2024-02-12 10:00"\n',
        '    end: "2024-02-12 07:00"\n',
        (
            64,
            "programme[0].end",
            "the programme item ends (2024-02-12 07:00) before it starts (2024-02-12 08:30)",
            "swap the times or fix the typo",
            "end_before_start",
        ),
        id="programme_item_ends_before_it_starts",
    ),
    pytest.param(
        "    name: John Smith\n",
        "",
        (
            46,
            "people[1]",
            "missing required field 'name'",
            "add 'name:' here (see docs/reference/mission-file.md)",
            "missing_field",
        ),
        id="missing_required_field",
    ),
    pytest.param(
        "    duration_minutes: 90\n",
        "    duration_minutes: ninety\n",
        (
            58,
            "visits[0].duration_minutes",
            "expected a whole number, got 'ninety'",
            "write digits without quotes, e.g. 4",
            "wrong_type",
        ),
        id="wrong_type_number",
    ),
    pytest.param(
        "  themes: [cybersecurity]\n",
        "  themes: cybersecurity\n",
        (
            6,
            "event.themes",
            "expected a list, got 'cybersecurity'",
            "write a list: [a, b] on one line, or one '- item' per line below",
            "wrong_type",
        ),
        id="wrong_type_list",
    ),
    pytest.param(
        "    name: John Smith\n",
        "    name:\n",
        (47, "people[1].name", "expected text, got nothing (null)", "", "wrong_type"),
        id="wrong_type_null",
    ),
    pytest.param(
        "    name: John Smith\n",
        "    name: John Smith\n    organisation: h-nasa\n",
        (
            48,
            "people[1].organisation",
            "unknown key 'organisation'",
            "did you mean 'organization'?",
            "unknown_key",
        ),
        id="unknown_key_did_you_mean",
    ),
    pytest.param(
        "    status: accepted\n",
        "    status: acepted\n",
        (
            54,
            "requests[0].status",
            "'acepted' is not one of: proposed, accepted, declined, cancelled, expired",
            "did you mean 'accepted'?",
            "bad_value",
        ),
        id="bad_choice",
    ),
    pytest.param(
        "    priority: 3\n",
        "    priority: 5\n",
        (
            53,
            "requests[0].priority",
            "5 is not one of: 1, 2, 3, would_like, important, must_meet",
            "priorities are 1 (would like), 2 (important) or 3 (must meet)",
            "bad_value",
        ),
        id="bad_priority",
    ),
    pytest.param(
        "  - id: p-host\n",
        "  - id: p host\n",
        (
            46,
            "people[1].id",
            "'p host' is not a valid id",
            "ids use letters, digits, '-', '_' and '.', and start with a letter or digit",
            "bad_format",
        ),
        id="bad_id",
    ),
    pytest.param(
        '    start: "2024-02-12 08:30"\n',
        '    start: "12/02/2024 08:30"\n',
        (
            63,
            "programme[0].start",
            "'12/02/2024 08:30' is not a valid date and time",
            "write 'YYYY-MM-DD HH:MM' (local time of the place, else of the leg) or ISO 8601 "
            "with an offset",
            "bad_format",
        ),
        id="bad_instant_format",
    ),
    pytest.param(
        "liqa: 2\n",
        "liqa: 3\n",
        (
            1,
            "liqa",
            "unsupported format version 3",
            "this liqa reads 'liqa: 1' or 'liqa: 2'",
            "bad_value",
        ),
        id="unsupported_version",
    ),
    pytest.param(
        "  title: {en: Mini mission, fr: Mini mission, ar: بعثة صغيرة}\n",
        "  title: {en: Mini mission, de: Mini}\n",
        (
            5,
            "event.title.de",
            "unknown language 'de'",
            "localized text uses the keys ar, fr, en",
            "unknown_key",
        ),
        id="unknown_language",
    ),
    pytest.param(
        "    venue: v-nasa\n",
        "",
        (
            55,
            "visits[0]",
            "visit 'vis-nasa' has no venue and its host 'h-nasa' has none",
            "add 'venue:' to the visit or to the host organization",
            "missing_field",
        ),
        id="visit_without_venue",
    ),
    pytest.param(
        "  kind: trade_mission\n",
        "  kind: brokerage\n",
        (
            4,
            "event.kind",
            "a brokerage event needs a 'brokerage' section (venue, slot_minutes, tables, sessions)",
            "add 'brokerage:' or set kind: trade_mission",
            "missing_field",
        ),
        id="brokerage_without_setup",
    ),
    pytest.param(
        "  themes: [cybersecurity]\n",
        "  themes: [cybersecurity]\n  organizers: [USTDA, {en: US Consulate, xx: Casablanca}]\n",
        (
            7,
            "event.organizers[1].xx",
            "unknown language 'xx'",
            "localized text uses the keys ar, fr, en",
            "unknown_key",
        ),
        id="organizer_in_an_unknown_language",
    ),
    pytest.param(
        "  themes: [cybersecurity]\n",
        "  themes: [cybersecurity]\n  organizers: [USTDA, {}]\n",
        (7, "event.organizers[1]", "no name in any language", ORGANIZER_HINT, "missing_field"),
        id="organizer_without_a_name",
    ),
    pytest.param(
        "  themes: [cybersecurity]\n",
        "  themes: [cybersecurity]\n  organizers: [{fr: 2024}]\n",
        (7, "event.organizers[0].fr", "expected text, got 2024", NAME_HINT, "wrong_type"),
        id="organizer_name_not_text",
    ),
    pytest.param(
        "  themes: [cybersecurity]\n",
        "  themes: [cybersecurity]\n  organizers: [{ar: ''}]\n",
        (7, "event.organizers[0].ar", "empty text", NAME_HINT, "missing_field"),
        id="organizer_name_empty",
    ),
    pytest.param(
        "  themes: [cybersecurity]\n",
        "  themes: [cybersecurity]\n  organizers: [42]\n",
        (
            7,
            "event.organizers[0]",
            "expected text or a mapping, got 42",
            ORGANIZER_HINT,
            "wrong_type",
        ),
        id="organizer_neither_text_nor_mapping",
    ),
]


@pytest.mark.parametrize(("old", "new", "expected"), CASES)
def test_validation_reports_exact_problem(
    old: str, new: str, expected: tuple[int, str, str, str, str]
) -> None:
    assert brief(problems_of(mutate(old, new))) == [expected]


def test_precedence_loop_is_reported_once() -> None:
    text = mutate(
        "    status: accepted\n",
        "    status: accepted\n    after: [r-2]\n"
        "  - {id: r-2, from: p-host, to: p-lamrani, after: [r-3]}\n"
        "  - {id: r-3, from: h-nasa, to: p-lamrani, after: [r-1]}\n",
    )
    assert brief(problems_of(text)) == [
        (
            55,
            "requests[0].after",
            "requests wait for each other in a loop: r-1 → r-2 → r-3 → r-1",
            "remove one of these 'after' entries",
            "precedence_cycle",
        )
    ]


def test_fixed_table_beyond_the_brokerage_tables_is_reported() -> None:
    text = mutate("  kind: trade_mission\n", "  kind: brokerage\n")
    text = mutate("    organization: h-nasa\n", "    organization: h-nasa\n    table: 31\n", text)
    text += (
        "brokerage:\n  venue: v-hotel\n  slot_minutes: 20\n  tables: 30\n"
        '  sessions:\n    - {id: morning, start: "2024-02-13 09:00", end: "2024-02-13 12:00"}\n'
    )
    assert brief(problems_of(text)) == [
        (
            49,
            "people[1].table",
            "table 31 does not exist: the brokerage has 30 tables",
            "use a table from 1 to the number of tables, or raise 'tables'",
            "out_of_range",
        )
    ]


def test_a_bad_gender_names_the_person_the_field_and_the_allowed_values() -> None:
    text = mutate("    name: Sarah Lamrani\n", "    name: Sarah Lamrani\n    gender: Mme\n")
    assert brief(problems_of(text)) == [
        (
            43,
            "people[0].gender",
            "'Mme' is not one of: female, male",
            "Sarah Lamrani's gender is 'female' or 'male' (it makes their title agree in"
            " French and Arabic); leave it out when not known",
            "bad_value",
        )
    ]


def test_a_persons_gender_is_read() -> None:
    text = mutate("    name: Sarah Lamrani\n", "    name: Sarah Lamrani\n    gender: female\n")
    assert problems_of(text) == []


def test_valid_file_has_no_problems() -> None:
    assert problems_of(VALID) == []


def test_broken_leg_does_not_cascade_into_outside_legs_problems() -> None:
    text = mutate("    start: 2024-02-11\n", "")
    assert brief(problems_of(text)) == [
        (
            8,
            "legs[0]",
            "missing required field 'start'",
            "add 'start:' here; write dates as YYYY-MM-DD, e.g. 2024-02-12",
            "missing_field",
        )
    ]


def test_problem_renders_file_line_path_message_and_hint() -> None:
    (problem,) = problems_of(mutate("    to: h-nasa\n", "    to: h-nsa\n"))
    assert str(problem) == (
        "mission.yaml:52: requests[0].to: unknown person or organization 'h-nsa' "
        "(hint: did you mean 'h-nasa'?)"
    )


def test_a_missing_field_says_what_to_add() -> None:
    timezone = brief(problems_of(mutate("    timezone: America/Los_Angeles\n", "")))
    assert [hint for *_, hint, _code in timezone] == [
        "add 'timezone:' here; an IANA time zone name such as America/Chicago or Africa/Casablanca"
    ]
    version = brief(problems_of(mutate("liqa: 2\n", "")))
    assert [hint for *_, hint, _code in version] == ["add 'liqa: 2' here"]
