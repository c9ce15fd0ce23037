"""The venues sheet: written and read back, headers in three languages, every wrong row
named, and the organizations sheet's venue cells checked against it."""

from __future__ import annotations

import tempfile
from dataclasses import replace
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from liqa.core.missionfile import load_event
from liqa.core.model import CandidateVisit, Event, Venue
from liqa.core.problems import InputError, Problem
from liqa.core.spreadsheets import ImportSettings, Missing, export_event, import_event
from tests.core.spreadsheets.factories import base_event, csv_file, mission, workbook

DEMO = Path(__file__).parents[2] / "examples" / "morocco-us-digital-2024" / "mission.yaml"
FORMATS = ("tables.xlsx", "csv")
ORGS = [["id", "name", "side", "venue"]]

VENUES = (
    Venue(
        "v-nasa",
        "NASA Johnson Space Center",
        "Houston",
        "America/Chicago",
        address="2101 E NASA Pkwy, Houston, TX 77058",
        latitude=29.5519,
        longitude=-95.0979,
        name_fr="Centre spatial Johnson de la NASA",
    ),
    Venue(
        "v-hotel",
        "Hotel Valencia",
        "San Jose",
        "America/Los_Angeles",
        name_ar="فندق فالنسيا",
        fictional=True,
    ),
    Venue("v-rabat", "=Ministère", "Rabat", "Africa/Casablanca", latitude=0.0, longitude=0.0),
)


def round_trip(event: Event, target: str, base: Event) -> Event:
    with tempfile.TemporaryDirectory() as folder:
        paths = export_event(event, Path(folder) / target)
        return import_event(paths, base).event


def problems_of(paths: list[Path], base: Event | None = None, **given: object) -> list[Problem]:
    with pytest.raises(InputError) as caught:
        import_event(paths, base or base_event(), ImportSettings(**given))  # type: ignore[arg-type]
    return caught.value.problems


def where(problem: Problem) -> tuple[str, str | None, int | None, str | None]:
    return Path(problem.file).name, problem.sheet, problem.row, problem.column


@pytest.mark.parametrize("target", FORMATS)
def test_venues_round_trip(target: str) -> None:
    """Every field of a venue (three time zones, French and Arabic names, coordinates, a
    formula-like name) is written and read back; the base's venues are replaced."""
    event = replace(mission(), venues=VENUES)
    with tempfile.TemporaryDirectory() as folder:
        paths = export_event(event, Path(folder) / target)
        assert "venues.csv" in {p.name for p in paths} or target.endswith(".xlsx")
        back = import_event(paths, base_event())
    assert back.event == event
    assert back.rows["venues"] == len(VENUES)


def test_demo_venues_round_trip() -> None:
    """The demo mission's hotels and host offices, which its legs and visits name."""
    demo = load_event(DEMO)
    assert demo.venues
    assert round_trip(demo, "tables.xlsx", replace(demo, venues=())) == demo


@settings(max_examples=15, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(
    coordinates=st.lists(
        st.none()
        | st.tuples(st.floats(-90, 90, allow_nan=False), st.floats(-180, 180, allow_nan=False)),
        min_size=1,
        max_size=3,
    ),
    target=st.sampled_from(FORMATS),
)
def test_generated_coordinates_round_trip(
    coordinates: list[tuple[float, float] | None], target: str
) -> None:
    """Coordinates come back as the same floats (tiny ones written 1e-05 too)."""
    venues = tuple(
        Venue(
            f"v-{i}",
            f"Venue {i}",
            "Houston",
            "America/Chicago",
            latitude=None if c is None else c[0],
            longitude=None if c is None else c[1],
        )
        for i, c in enumerate(coordinates)
    )
    event = replace(base_event(), venues=venues)
    assert round_trip(event, target, base_event()).venues == venues


def test_french_and_arabic_headers(tmp_path: Path) -> None:
    """A sheet named Lieux with French headers, one named الأماكن with Arabic ones; the time
    zone left out is the leg's of the venue's city; a decimal comma in a coordinate."""
    path = workbook(
        tmp_path / "lieux.xlsx",
        {
            "Lieux": [
                ["Identifiant", "Nom", "Nom en français", "Ville", "Adresse", "Fuseau horaire"],
                ["v-cnam", "CNAM hall", "Salle du CNAM", "Houston", "1 rue X", "America/Chicago"],
                ["v-sj", "Tech Hub", None, "san jose", None, None],
            ],
            "الأماكن": [
                ["المعرف", "الاسم", "المدينة", "العنوان", "خط العرض", "خط الطول", "خيالي"],
                ["v-ar", "Arab hall", "Houston", "شارع", "29,5", "-95.1", "نعم"],
            ],
        },
    )
    venues = import_event([path], base_event()).event.venues
    assert venues == (
        Venue(
            "v-cnam", "CNAM hall", "Houston", "America/Chicago", "1 rue X", name_fr="Salle du CNAM"
        ),
        Venue("v-sj", "Tech Hub", "san jose", "America/Los_Angeles"),
        Venue(
            "v-ar", "Arab hall", "Houston", "America/Chicago", "شارع", 29.5, -95.1, fictional=True
        ),
    )


def test_a_venue_without_id_gets_one_from_its_name(tmp_path: Path) -> None:
    path = csv_file(tmp_path / "venues.csv", [["name", "city"], ["Hôtel Hilton", "Houston"]])
    [venue] = import_event([path], base_event()).event.venues
    assert (venue.id, venue.timezone) == ("v-hotel-hilton", "America/Chicago")


def test_every_wrong_venue_row_is_named(tmp_path: Path) -> None:
    path = csv_file(
        tmp_path / "venues.csv",
        [
            ["id", "name", "city", "timezone", "latitude", "longitude"],
            ["v-1", "", "Houston", "", "", ""],
            ["v-2", "Hall", "", "America/Chicago", "", ""],
            ["v-3", "Hall", "Rabat", "", "", ""],
            ["v-4", "Hall", "Houston", "America/Chicgo", "", ""],
            ["v-5", "Hall", "Houston", "", "north", "12"],
            ["v-6", "Hall", "Houston", "", "91", "12"],
            ["v-7", "Hall", "Houston", "", "29.5", ""],
            ["v 8", "Hall", "Houston", "", "", ""],
        ],
    )
    found = {(p.row, p.column): (p.message, p.hint) for p in problems_of([path])}
    assert {where(p)[0] for p in problems_of([path])} == {"venues.csv"}
    assert found == {
        (2, "name"): ("the venue has no name", "fill in the name"),
        (3, "city"): ("the venue has no city", "fill in the city"),
        (4, "timezone"): (
            "no time zone given, and no leg of the event is in Rabat",
            "write the IANA time zone, such as Africa/Casablanca",
        ),
        (5, "timezone"): (
            "unknown time zone 'America/Chicgo'",
            "did you mean 'America/Chicago'?",
        ),
        (6, "latitude"): (
            "'north' is not a number of degrees",
            "write decimal degrees such as 29.5519 or -95.0979",
        ),
        (7, "latitude"): (
            "91 is not between -90 and 90",
            "latitudes go from -90 to 90 and longitudes from -180 to 180 degrees",
        ),
        (8, "longitude"): (
            "a latitude without a longitude, or a longitude without a latitude",
            "give both coordinates of the venue (they place it on the map and measure "
            "travel times), or neither",
        ),
        (9, "id"): (
            "id 'v 8' is not a valid id",
            "use ASCII letters, digits, '-', '_' and '.', starting with a letter or digit",
        ),
    }


def test_missing_name_or_city_column(tmp_path: Path) -> None:
    path = workbook(tmp_path / "m.xlsx", {"Venues": [["id", "name"], ["v-1", "Hall"]]})
    [problem] = problems_of([path])
    assert (where(problem), problem.message) == (
        ("m.xlsx", "Venues", 1, None),
        "no 'city' column in the venues table",
    )


def test_organizations_name_venues_of_the_venues_sheet(tmp_path: Path) -> None:
    """By id or by name; the venues sheet replaces the base's, so its ids are the ones known."""
    path = workbook(
        tmp_path / "m.xlsx",
        {
            "Venues": [["id", "name", "city"], ["v-hall", "Grand Hall", "Houston"]],
            "Organizations": [
                *ORGS,
                ["h-1", "Host one", "host", "v-hall"],
                ["h-2", "Host two", "host", "grand hall"],
                ["h-3", "Host three", "host", None],
            ],
        },
    )
    event = import_event([path], base_event()).event
    assert [o.venue for o in event.organizations] == ["v-hall", "v-hall", None]
    assert [v.id for v in event.venues] == ["v-hall"]


def test_unknown_venue_id_names_the_organization_row(tmp_path: Path) -> None:
    path = workbook(
        tmp_path / "m.xlsx",
        {
            "Venues": [["id", "name", "city"], ["v-hall", "Grand Hall", "Houston"]],
            "Organizations": [
                [*ORGS[0]],
                ["h-1", "Host", "host", "v-hal"],
                ["h-2", "Two", "host", "v-nasa"],
            ],
        },
    )
    first, second = problems_of([path])
    assert (where(first), first.message, first.hint, first.code) == (
        ("m.xlsx", "Organizations", 2, "venue"),
        "unknown venue 'v-hal'",
        "did you mean 'v-hall'? write the id of a venue of the venues table (or of the base "
        "mission), or add the venue there",
        "unknown_reference",
    )
    assert (where(second), second.message) == (
        ("m.xlsx", "Organizations", 3, "venue"),
        "unknown venue 'v-nasa'",
    )


def test_a_wrong_venue_row_is_not_reported_again_in_organizations(tmp_path: Path) -> None:
    path = workbook(
        tmp_path / "m.xlsx",
        {
            "Venues": [["id", "name", "city"], ["v-hall", "Grand Hall", ""]],
            "Organizations": [*ORGS, ["h-1", "Host", "host", "v-hall"]],
        },
    )
    [problem] = problems_of([path])
    assert where(problem) == ("m.xlsx", "Venues", 2, "city")


def test_two_venues_of_one_name_are_ambiguous(tmp_path: Path) -> None:
    path = workbook(
        tmp_path / "m.xlsx",
        {
            "Venues": [
                ["id", "name", "city"],
                ["v-1", "Hall", "Houston"],
                ["v-2", "Hall", "San Jose"],
            ],
            "Organizations": [*ORGS, ["h-1", "Host", "host", "Hall"]],
        },
    )
    [problem] = problems_of([path])
    assert (where(problem), problem.message, problem.code) == (
        ("m.xlsx", "Organizations", 2, "venue"),
        "'Hall' could mean v-1, v-2",
        "ambiguous_reference",
    )


def test_a_venue_id_another_record_has_is_refused(tmp_path: Path) -> None:
    path = workbook(
        tmp_path / "m.xlsx",
        {
            "Venues": [["id", "name", "city"], ["houston", "Hall", "Houston"]],
        },
    )
    [problem] = problems_of([path])
    assert (where(problem), problem.message) == (
        ("m.xlsx", "Venues", 2, "id"),
        "id 'houston' is already used by the base mission",
    )


def _visiting(base: Event) -> Event:
    """``base`` with a candidate visit at its venue v-nasa."""
    return replace(
        base,
        organizations=mission().organizations,
        visits=(CandidateVisit("visit-nasa", "h-nasa", "v-nasa"),),
    )


def test_a_venues_table_leaving_out_a_venue_the_base_names_is_refused(tmp_path: Path) -> None:
    """With --missing remove, the base's visit (and organization) naming the removed venue
    are reported; by default (refuse) the table leaving the venue out is."""
    path = csv_file(
        tmp_path / "venues.csv", [["id", "name", "city"], ["v-hall", "Hall", "Houston"]]
    )
    removed = problems_of([path], _visiting(base_event()), missing=Missing.REMOVE)
    assert sorted(p.path for p in removed) == [
        "organizations[h-nasa].venue",
        "visits[visit-nasa].venue",
    ]
    assert removed[0].message.endswith("names 'v-nasa', which the imported tables do not have")
    [refused] = problems_of([path], _visiting(base_event()), missing=Missing.REFUSE)
    assert (refused.code, refused.message) == (
        "rows_left_out",
        "the table leaves out 1 of the base mission's 1 venues: v-nasa",
    )
    kept = import_event([path], _visiting(base_event()), ImportSettings(missing=Missing.KEEP)).event
    assert [v.id for v in kept.venues] == ["v-nasa", "v-hall"]
