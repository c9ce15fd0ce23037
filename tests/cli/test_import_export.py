"""`liqa import` and `liqa export` as a user runs them: exit codes, messages, files written."""

from __future__ import annotations

from pathlib import Path

from typer.testing import CliRunner

from liqa.cli import app
from liqa.core.missionfile import load_event
from liqa.core.spreadsheets.cells import Cell
from tests.core.spreadsheets.factories import csv_file, workbook

DEMO = Path(__file__).parents[2] / "examples" / "morocco-us-digital-2024" / "mission.yaml"
EVENT = [
    "--event-id",
    "expo",
    "--event-city",
    "Casablanca",
    "--event-timezone",
    "Africa/Casablanca",
    "--event-start",
    "14/03/2025",
    "--event-end",
    "14/03/2025",
]


def run(*args: str) -> tuple[int, str]:
    """Exit code and output, without the progress bars' lines."""
    result = CliRunner().invoke(app, list(args))
    lines = result.output.splitlines(keepends=True)
    shown = [line for line in lines if not line.startswith(("Reading rows", "Writing "))]
    return result.exit_code, "".join(shown)


def test_export_then_import_gives_back_the_demo_mission(tmp_path: Path) -> None:
    code, output = run("export", str(DEMO), "--out", str(tmp_path / "demo.xlsx"))
    assert (code, output) == (0, f"Wrote {tmp_path / 'demo.xlsx'}\n")
    out = tmp_path / "again.yaml"
    code, output = run(
        "import", str(tmp_path / "demo.xlsx"), "--base", str(DEMO), "--out", str(out)
    )
    assert code == 0
    assert f"Wrote {out}" in output
    assert load_event(out) == load_event(DEMO)


def test_export_to_a_folder_writes_four_csv_files(tmp_path: Path) -> None:
    code, _ = run("export", str(DEMO), "--out", str(tmp_path / "tables"))
    assert code == 0
    assert sorted(p.name for p in (tmp_path / "tables").iterdir()) == [
        "organizations.csv",
        "people.csv",
        "requests.csv",
        "venues.csv",
    ]


def test_import_five_bad_rows_names_them_and_writes_nothing(tmp_path: Path) -> None:
    rows: list[list[Cell]] = [["Nom", "Organisation", "Courriel", "Date", "De", "À"]]
    rows += [
        [f"Participant {n}", "Atlas", f"p{n}@atlas.ma", "14/03/2025", "09:00", "12h00"]
        for n in range(2, 2002)
    ]
    bad = {
        17: (3, "14/13/2025"),
        230: (4, "9h75"),
        999: (5, "noon"),
        1500: (0, None),
        1999: (3, "15/03/2025"),
    }
    for number, (column, value) in bad.items():
        rows[number - 1][column] = value
    path = workbook(tmp_path / "participants.xlsx", {"Participants": rows})
    out = tmp_path / "expo.yaml"
    code, output = run("import", str(path), "--out", str(out), *EVENT)
    assert code == 2
    named = [
        line.split(" row ")[1].split(",")[0] for line in output.splitlines() if " row " in line
    ]
    assert named == ["17", "230", "999", "1500", "1999"]
    assert output.splitlines()[-1] == "5 problems found; no file was written."
    assert "Traceback" not in output
    assert not out.exists()


def test_import_participants_with_event_options(tmp_path: Path) -> None:
    path = csv_file(
        tmp_path / "participants.csv",
        [["Nom", "Organisation", "Table"], ["Nadia Alami", "Atlas Cloud", "7"]],
    )
    out = tmp_path / "expo.yaml"
    code, _ = run("import", str(path), "--out", str(out), *EVENT)
    event = load_event(out)
    assert code == 0
    assert [(p.name, p.organization, p.table) for p in event.people] == [
        ("Nadia Alami", "atlas-cloud", 7)
    ]
    assert (event.id, event.legs[0].timezone, str(event.start)) == (
        "expo",
        "Africa/Casablanca",
        "2025-03-14",
    )


def test_import_unknown_timezone_is_a_clear_error(tmp_path: Path) -> None:
    path = csv_file(tmp_path / "participants.csv", [["Nom", "Organisation"], ["A", "B"]])
    args = [*EVENT]
    args[args.index("Africa/Casablanca")] = "Africa/Atlantis"
    code, output = run("import", str(path), "--out", str(tmp_path / "x.yaml"), *args)
    assert (code, output.splitlines()[0]) == (
        2,
        "--event-timezone: unknown time zone 'Africa/Atlantis'  (hint: use an IANA name such "
        "as Africa/Casablanca or America/Chicago)",
    )


def test_import_without_base_or_event_options_says_what_is_missing(tmp_path: Path) -> None:
    path = csv_file(tmp_path / "participants.csv", [["Nom", "Organisation"], ["A", "B"]])
    code, output = run("import", str(path), "--out", str(tmp_path / "x.yaml"))
    assert (code, output.splitlines()[0]) == (
        2,
        "missing --event-id, --event-city, --event-timezone, --event-start, --event-end  "
        "(hint: give --base MISSION.yaml, or describe the event with the --event-* options)",
    )


def test_import_binary_junk_is_reported_without_traceback(tmp_path: Path) -> None:
    path = tmp_path / "participants.xlsx"
    path.write_bytes(bytes(range(256)) * 20)
    code, output = run("import", str(path), "--out", str(tmp_path / "x.yaml"), *EVENT)
    assert code == 2
    assert output.splitlines()[0].startswith(
        f"{path}: not a valid .xlsx workbook (not a zip archive)"
    )


def test_export_of_an_invalid_mission_exits_2(tmp_path: Path) -> None:
    mission = tmp_path / "broken.yaml"
    mission.write_text("liqa: 1\nevent: {}\n", encoding="utf-8")
    code, output = run("export", str(mission), "--out", str(tmp_path / "t.xlsx"))
    assert code == 2
    assert output.splitlines()[-1].endswith("found; nothing was exported.")
    assert not (tmp_path / "t.xlsx").exists()


def test_import_and_export_have_help() -> None:
    assert [run(name, "--help")[0] for name in ("import", "export")] == [0, 0]


def test_export_to_a_csv_name_asks_for_a_folder(tmp_path: Path) -> None:
    code, output = run("export", str(DEMO), "--out", str(tmp_path / "people.csv"))
    assert (code, output) == (
        2,
        f"--out {tmp_path / 'people.csv'} is neither a folder nor an .xlsx workbook  (hint: "
        "give a folder for the CSV files (one per table), or a name ending in .xlsx)\n",
    )
    assert list(tmp_path.iterdir()) == []


def test_import_missing_file_is_reported(tmp_path: Path) -> None:
    code, output = run(
        "import", str(tmp_path / "nowhere.csv"), "--out", str(tmp_path / "x.yaml"), *EVENT
    )
    assert (code, output.splitlines()[0]) == (
        2,
        f"{tmp_path / 'nowhere.csv'}: cannot open the file (No such file or directory)  "
        "(hint: check the path)",
    )


def test_import_of_an_empty_table_onto_a_base_is_refused_with_one_message(
    tmp_path: Path,
) -> None:
    """An empty people table onto the demo listed 11 problems (942 onto the brokerage demo),
    one per reference of the base to a person it no longer had."""
    empty = csv_file(tmp_path / "people.csv", [["id", "name", "organization"]])
    out = tmp_path / "mission.yaml"
    code, output = run("import", str(empty), "--base", str(DEMO), "--out", str(out))
    people = len(load_event(DEMO).people)
    assert (code, output) == (
        2,
        f"{empty}: the table has no rows; leave it out to keep the base mission's {people} "
        "people  (hint: to remove them all, give --missing remove)\n"
        "1 problem found; no file was written.\n",
    )
    assert not out.exists()


def test_import_of_an_empty_requests_table_with_missing_remove_removes_them(
    tmp_path: Path,
) -> None:
    empty = csv_file(tmp_path / "requests.csv", [["from", "to"]])
    out = tmp_path / "mission.yaml"
    code, output = run(
        "import", str(empty), "--base", str(DEMO), "--out", str(out), "--missing", "remove"
    )
    assert code == 0
    removed = len(load_event(DEMO).requests)
    assert f"the requests table has no rows: the {removed} requests there were are removed" in (
        " ".join(output.split())
    )
    assert load_event(out).requests == ()


def test_import_of_a_partial_people_table_with_missing_keep_updates_the_base(
    tmp_path: Path,
) -> None:
    tables = tmp_path / "tables"
    run("export", str(DEMO), "--out", str(tables))
    lines = (tables / "people.csv").read_text(encoding="utf-8-sig").splitlines()
    late = csv_file(
        tmp_path / "late-participants.csv",
        [lines[0].split(","), ["p-late", "Nadia Late", "", "MTNRA"]],
    )
    out = tmp_path / "mission.yaml"
    code, output = run("import", str(late), "--base", str(DEMO), "--out", str(out))
    base = load_event(DEMO)
    assert code == 2
    assert f"the table leaves out {len(base.people)} of the base mission's " in output
    code, output = run(
        "import", str(late), "--base", str(DEMO), "--out", str(out), "--missing", "keep"
    )
    assert code == 0
    assert [p.id for p in load_event(out).people] == [*(p.id for p in base.people), "p-late"]


def test_import_missing_option_needs_a_base(tmp_path: Path) -> None:
    people = csv_file(tmp_path / "people.csv", [["name", "organization"], ["Ali", "Atlas"]])
    code, output = run(
        "import", str(people), "--out", str(tmp_path / "x.yaml"), "--missing", "keep", *EVENT
    )
    assert (code, output) == (
        2,
        "--missing only applies with --base  (hint: without a base mission there is nothing "
        "a table could leave out)\n",
    )
