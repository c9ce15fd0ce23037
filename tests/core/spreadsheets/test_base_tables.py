"""Tables given with a base mission: what becomes of the base's records a table leaves out
(an empty table, a partial sheet) is the organizer's choice; nothing is dropped unasked."""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

import pytest

from liqa.core.missionfile import load_event
from liqa.core.model import Event, Person
from liqa.core.problems import InputError, Problem
from liqa.core.spreadsheets import ImportSettings, Missing, import_event
from tests.core.spreadsheets.factories import csv_file, mission

EXAMPLES = Path(__file__).parents[3] / "examples"
REFUSE = ImportSettings(missing=Missing.REFUSE)
KEEP = ImportSettings(missing=Missing.KEEP)
REMOVE = ImportSettings(missing=Missing.REMOVE)


def problems_of(paths: list[Path], base: Event, settings: ImportSettings) -> list[Problem]:
    with pytest.raises(InputError) as caught:
        import_event(paths, base, settings)
    return caught.value.problems


@pytest.mark.parametrize(
    ("table", "header", "count"),
    [
        ("organizations", ["id", "name", "side"], 2),
        ("people", ["id", "name", "organization"], 3),
        ("requests", ["from", "to"], 2),
    ],
)
@pytest.mark.parametrize("empty", ["header only", "0 bytes"])
def test_empty_table_is_refused_naming_the_file_and_what_the_base_keeps(
    table: str, header: list[str], count: int, empty: str, tmp_path: Path
) -> None:
    path = tmp_path / f"{table}.csv"
    if empty == "header only":
        csv_file(path, [header])
    else:
        path.write_bytes(b"")
    [problem] = problems_of([path], mission(), REFUSE)
    assert (problem.file, problem.code, problem.message, problem.hint) == (
        str(path),
        "empty_table",
        f"the table has no rows; leave it out to keep the base mission's {count} {table}",
        "to remove them all, give --missing remove",
    )


def test_partial_table_is_refused_naming_what_it_leaves_out(tmp_path: Path) -> None:
    path = csv_file(
        tmp_path / "participants.csv",
        [["id", "name", "organization"], ["p-lamrani", "Sarah Lamrani", "DGSSI"]],
    )
    [problem] = problems_of([path], mission(), REFUSE)
    assert (problem.file, problem.code, problem.message, problem.hint) == (
        str(path),
        "rows_left_out",
        "the table leaves out 2 of the base mission's 3 people: p-el-idrissi, p-smith",
        "give --missing keep to keep them (the rows given then change the records of the "
        "same id or add new ones), or --missing remove to remove them",
    )


def test_whole_table_with_changes_and_new_rows_is_imported_without_a_question(
    tmp_path: Path,
) -> None:
    path = csv_file(
        tmp_path / "people.csv",
        [
            ["id", "name", "organization"],
            ["p-lamrani", "Sarah Lamrani", "DGSSI"],
            ["p-el-idrissi", "Youssef El Idrissi", "DGSSI"],
            ["p-smith", "John Smith", "h-nasa"],
            ["p-new", "Nadia New", "DGSSI"],
        ],
    )
    imported = import_event([path], mission(), REFUSE)
    assert [p.id for p in imported.event.people] == [
        "p-lamrani",
        "p-el-idrissi",
        "p-smith",
        "p-new",
    ]
    assert imported.warnings == ()


def test_keep_changes_rows_by_id_adds_new_ones_and_keeps_the_rest(tmp_path: Path) -> None:
    path = csv_file(
        tmp_path / "people.csv",
        [
            ["id", "name", "organization", "role"],
            ["p-new", "Nadia New", "DGSSI", "Engineer"],
            ["p-smith", "John Smith", "h-nasa", "Director of outreach"],
        ],
    )
    base = mission()
    imported = import_event([path], base, KEEP)
    assert imported.event.people == (
        *base.people[:2],
        Person("p-smith", "John Smith", "h-nasa", role="Director of outreach"),
        Person("p-new", "Nadia New", "DGSSI", role="Engineer"),
    )
    assert imported.event.requests == base.requests
    assert imported.warnings == (
        "the people table leaves out 2 of the base mission's 3 people: they are kept",
    )


def test_keep_never_gives_a_row_without_id_the_id_of_a_base_record(tmp_path: Path) -> None:
    """A request row without id is given 'r-' and its row number: row 2 made 'r-2', the id
    of a base request, which the new row would then have replaced."""
    path = csv_file(tmp_path / "requests.csv", [["from", "to"], ["DGSSI", "h-nasa"]])
    base = mission()
    imported = import_event([path], base, KEEP)
    assert [r.id for r in imported.event.requests] == ["r-1", "r-2", "r-2-2"]
    assert imported.event.requests[:2] == base.requests


def test_keep_with_an_empty_table_keeps_everything_and_says_so(tmp_path: Path) -> None:
    path = csv_file(tmp_path / "requests.csv", [["from", "to"]])
    base = mission()
    imported = import_event([path], base, KEEP)
    assert imported.event == base
    assert imported.warnings == (
        "the requests table has no rows: the base mission's 2 requests are kept",
    )


def test_remove_says_which_records_are_removed(tmp_path: Path) -> None:
    path = csv_file(tmp_path / "requests.csv", [["id", "from", "to"], ["r-1", "DGSSI", "h-nasa"]])
    imported = import_event([path], mission(), REMOVE)
    assert [r.id for r in imported.event.requests] == ["r-1"]
    assert imported.warnings == (
        "the requests table leaves out 1 of the base mission's 2 requests: they are removed (r-2)",
    )


def test_removed_people_named_by_the_base_make_one_problem_per_section(tmp_path: Path) -> None:
    """The brokerage demo with an empty people table listed 942 problems, one for each
    request's 'from' and 'to'."""
    base = load_event(EXAMPLES / "brokerage-day/mission.yaml")
    path = tmp_path / "people.csv"
    path.write_bytes(b"")
    [problem] = problems_of([path], base, REMOVE)
    assert (problem.file, problem.path, problem.code, problem.hint) == (
        "the base mission",
        "requests",
        "unknown_reference",
        "give the requests table too, add them back to the spreadsheets, or remove the "
        "references from the base mission",
    )
    people = {p.id for p in base.people}
    named = [ref for r in base.requests for ref in (r.requester, r.target, *r.attendees)]
    first = base.requests[0]
    assert problem.message.startswith(
        "references in requests of the base mission to what the imported tables do not "
        f"have: {sum(ref in people for ref in named)} "
        f"(requests[{first.id}].from → {first.requester}, "
    )
    assert problem.message.endswith(", …)")
    assert problems_of([path], base, REFUSE)[0].message == (
        f"the table has no rows; leave it out to keep the base mission's {len(people)} people"
    )


def test_left_out_names_the_base_records_each_table_leaves_out(tmp_path: Path) -> None:
    """What the web page names as kept or removed (people, requests), and nothing for a
    table that leaves none out (organizations)."""
    base = mission()
    people = csv_file(
        tmp_path / "people.csv",
        [["id", "name", "organization"], ["p-smith", "John Smith", "h-nasa"]],
    )
    requests = csv_file(
        tmp_path / "requests.csv", [["id", "from", "to"], ["r-1", "DGSSI", "h-nasa"]]
    )
    organizations = csv_file(
        tmp_path / "organizations.csv",
        [["id", "name", "side"], *([o.id, o.name, o.side.value] for o in base.organizations)],
    )
    for settings in (KEEP, REMOVE):
        imported = import_event([people, requests, organizations], base, settings)
        assert imported.left_out == {
            "people": tuple(p.id for p in base.people if p.id != "p-smith"),
            "requests": ("r-2",),
        }


def test_default_replaces_the_base_tables(tmp_path: Path) -> None:
    path = csv_file(
        tmp_path / "people.csv", [["id", "name", "organization"], ["p-x", "X", "DGSSI"]]
    )
    base = replace(mission(), requests=())
    imported = import_event([path], base)
    assert [p.id for p in imported.event.people] == ["p-x"]


def test_row_with_the_id_of_a_kept_record_of_another_table_is_told_by_row_and_record(
    tmp_path: Path,
) -> None:
    """With keep, a people row may not take the id of an organization the organizations
    table leaves out (kept): the mission's checks found it, "first use on line None"."""
    base = mission()
    kept = base.organizations[1]
    organizations = csv_file(
        tmp_path / "organizations.csv",
        [["id", "name", "side"], ["DGSSI", base.organizations[0].name, "delegation"]],
    )
    people = csv_file(
        tmp_path / "people.csv",
        [
            ["id", "name", "organization"],
            ["p-smith", "John Smith", "DGSSI"],
            [kept.id, "Odd", "DGSSI"],
        ],
    )
    problems = problems_of([organizations, people], base, KEEP)
    [duplicate] = [p for p in problems if p.code == "duplicate_id"]
    assert (duplicate.location(), duplicate.message, duplicate.hint) == (
        f"{people} row 3, column 'id'",
        f"people.csv row 3 and the base mission's organizations '{kept.id}' have the same id "
        f"'{kept.id}'",
        "ids must be unique in the whole event; give one of them another id",
    )
    assert all("None" not in f"{p.message} {p.hint}" for p in problems)
