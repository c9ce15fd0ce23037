"""The outcomes sheet: what came of each meeting, exported with the other tables and read
back (in English, French or Arabic), every wrong row named by sheet, row and column."""

from __future__ import annotations

from dataclasses import replace
from datetime import datetime
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest

from liqa.core.missionfile import dump_event, load_event
from liqa.core.model import Event, FollowUp, Outcome, OutcomeKind
from liqa.core.problems import InputError, Problem
from liqa.core.spreadsheets import ImportSettings, Missing, export_event, import_event
from tests.core.spreadsheets.factories import CHICAGO, csv_file, mission, workbook

HEADERS = ["meeting", "parties", "status", "follow_up", "owner", "notes", "recorded_at"]


def recorded() -> Event:
    """The small mission with an outcome for each of its two requests, every field used:
    a time stamp after the event (written with its offset), notes a spreadsheet would
    run as a formula, in Arabic."""
    return replace(
        mission(),
        outcomes=(
            Outcome(
                "r-1",
                OutcomeKind.HELD,
                FollowUp.MOU,
                owner="p-lamrani",
                notes="=MoU draft by March; مذكرة تفاهم",
                recorded_at=datetime(2024, 2, 13, 18, 5, tzinfo=CHICAGO),
            ),
            Outcome(
                "r-2",
                OutcomeKind.NO_SHOW,
                recorded_at=datetime(2024, 3, 4, 9, 30, tzinfo=ZoneInfo("Africa/Casablanca")),
            ),
        ),
    )


def problems_of(paths: list[Path], base: Event, **settings: object) -> list[Problem]:
    with pytest.raises(InputError) as caught:
        import_event(paths, base, ImportSettings(**settings))  # type: ignore[arg-type]
    return caught.value.problems


@pytest.mark.parametrize("target", ["tables.xlsx", "csv"])
def test_outcomes_round_trip_through_the_workbook_and_the_mission_file(
    target: str, tmp_path: Path
) -> None:
    """The exported outcomes table reads back to the same outcomes (onto a base without
    any), and the mission file written from the import keeps them."""
    event = recorded()
    paths = export_event(event, tmp_path / target)
    imported = import_event(paths, replace(event, outcomes=()))
    assert imported.event == event
    assert imported.rows["outcomes"] == 2
    dump_event(imported.event, tmp_path / "updated.yaml")
    assert load_event(tmp_path / "updated.yaml").outcomes == event.outcomes


def test_exported_outcomes_name_the_meetings_parties_for_reading(tmp_path: Path) -> None:
    (outcomes,) = [p for p in export_event(recorded(), tmp_path) if p.stem == "outcomes"]
    lines = outcomes.read_text(encoding="utf-8-sig").splitlines()
    assert lines == [
        ",".join(HEADERS),
        "r-1,Direction Générale de la Sécurité des Systèmes d'Information – NASA,held,mou,"
        "p-lamrani,'=MoU draft by March; مذكرة تفاهم,2024-02-13 18:05",
        "r-2,Sarah Lamrani – John Smith,no_show,none,,,2024-03-04T09:30:00+01:00",
    ]


def test_outcomes_sheet_in_french_and_arabic_words(tmp_path: Path) -> None:
    """Headers and values as organizers write them; the parties column is for reading
    only (what it says is not checked)."""
    path = workbook(
        tmp_path / "suivi.xlsx",
        {
            "Résultats des rendez-vous": [
                ["Rendez-vous", "Entre", "Résultat", "Suite", "Responsable", "Commentaires"],
                ["r-1", "n'importe quoi", "Tenu", "Protocole d'accord", "Sarah Lamrani", "OK"],
                ["r-2", None, "annulé", None, None, None],
            ],
        },
    )
    arabic = csv_file(
        tmp_path / "النتائج.csv",
        [
            ["اللقاء", "النتيجة", "المتابعة", "المسؤول", "تاريخ التسجيل"],
            ["r-3", "تغيّب", "شراكة", "", ""],
        ],
    )
    event = mission()
    base = replace(event, requests=(*event.requests, replace(event.requests[1], id="r-3")))
    imported = import_event([path, arabic], base)
    assert imported.event.outcomes == (
        Outcome("r-1", OutcomeKind.HELD, FollowUp.MOU, owner="p-lamrani", notes="OK"),
        Outcome("r-2", OutcomeKind.CANCELLED),
        Outcome("r-3", OutcomeKind.NO_SHOW, FollowUp.PARTNERSHIP),
    )


def test_bad_outcome_rows_are_named_by_sheet_row_and_column(tmp_path: Path) -> None:
    path = workbook(
        tmp_path / "outcomes.xlsx",
        {
            "Outcomes": [
                HEADERS,
                ["r-1", "", "maybe", "", "", "", ""],  # row 2: unknown status
                ["r-9", "", "held", "", "", "", ""],  # row 3: unknown meeting
                ["r-2", "", "held", "lunch", "", "", ""],  # row 4: unknown follow-up
                ["r-2", "", "no-show", "", "", "", ""],  # row 5: a second outcome for r-2
                ["r-1", "", "", "", "Jon Smith", "", "31/02/2024 10:00"],  # row 6: three
            ]
        },
    )
    problems = problems_of([path], mission())
    assert [(p.sheet, p.row, p.column, p.code) for p in problems] == [
        ("Outcomes", 2, "status", "bad_value"),
        ("Outcomes", 3, "meeting", "unknown_reference"),
        ("Outcomes", 4, "follow_up", "bad_value"),
        ("Outcomes", 5, "meeting", "duplicate_outcome"),
        ("Outcomes", 6, "meeting", "duplicate_outcome"),
        ("Outcomes", 6, "owner", "unknown_reference"),
        ("Outcomes", 6, "recorded_at", "bad_value"),
        ("Outcomes", 6, "status", "missing_value"),
    ]
    assert [(p.message, p.hint) for p in problems] == [
        ("'maybe' is not a known status", "use one of: cancelled, held, no_show"),
        (
            "unknown meeting, visit or programme item 'r-9'",
            "write the id of a meeting request (the id column of the requests table), a "
            "visit or a programme item of the mission",
        ),
        (
            "'lunch' is not a known follow-up",
            "use one of: call, investment_lead, mou, none, partnership, proposal, visit",
        ),
        (
            "two outcomes for 'r-2': row 4 of sheet 'Outcomes' and row 5 of sheet 'Outcomes'",
            "a meeting has one outcome: keep one of the two entries and delete the other",
        ),
        (
            "two outcomes for 'r-1': row 2 of sheet 'Outcomes' and row 6 of sheet 'Outcomes'",
            "a meeting has one outcome: keep one of the two entries and delete the other",
        ),
        (
            "unknown person 'Jon Smith'",
            "did you mean 'John Smith'? write the id, e-mail or name of a person of the "
            "people table (or of the base mission)",
        ),
        (
            "'31/02/2024 10:00' is not a date and time: '31/02/2024' is not a real date "
            "(day is out of range for month)",
            "write the date as 2024-02-12, or the date and time as 2024-02-12 09:00 (read in "
            "the event's time zone) or with its UTC offset, e.g. 2024-02-12T09:00-06:00",
        ),
        ("no status given", "write held, no_show or cancelled"),
    ]


def test_an_outcome_of_a_refused_request_row_is_not_reported_again(tmp_path: Path) -> None:
    """The requests sheet's row is wrong: the outcome naming its id is not an unknown
    meeting, it waits for that row to be fixed."""
    event = recorded()
    path = workbook(
        tmp_path / "tables.xlsx",
        {
            "requests": [["id", "from", "to", "priority"], ["r-1", "DGSSI", "h-nasa", "9"]],
            "outcomes": [["meeting", "status"], ["r-1", "held"]],
        },
    )
    problems = problems_of([path], replace(event, requests=(), outcomes=()))
    assert [(p.sheet, p.row, p.column, p.code) for p in problems] == [
        ("requests", 2, "priority", "bad_value"),
        (None, None, None, "not_checked"),
    ]
    assert "(tables.xlsx [outcomes] rows 2)" in problems[1].message


def test_outcomes_table_and_the_base_missions_outcomes(tmp_path: Path) -> None:
    """A sheet with the outcome of one meeting where the base mission has two: refused
    unless the organizer says what becomes of the other, then kept or removed."""
    base = recorded()
    path = csv_file(tmp_path / "outcomes.csv", [["meeting", "status"], ["r-2", "held"]])
    [problem] = problems_of([path], base, missing=Missing.REFUSE)
    assert (problem.code, problem.message) == (
        "rows_left_out",
        "the table leaves out 1 of the base mission's 2 outcomes: r-1",
    )
    held = Outcome("r-2", OutcomeKind.HELD)
    kept = import_event([path], base, ImportSettings(missing=Missing.KEEP))
    assert kept.event.outcomes == (base.outcomes[0], held)
    assert kept.left_out == {"outcomes": ("r-1",)}
    removed = import_event([path], base, ImportSettings(missing=Missing.REMOVE))
    assert removed.event.outcomes == (held,)
    assert removed.warnings == (
        "the outcomes table leaves out 1 of the base mission's 2 outcomes: they are removed (r-1)",
        # r-2 is a proposed request: never scheduled, so its outcome is counted nowhere
        "outcomes of requests not accepted are kept but counted by no figure of the report "
        "until the request is accepted and placed: r-2",
    )
