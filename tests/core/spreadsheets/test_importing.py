"""Importing organizers' spreadsheets: synonyms, references, and every wrong row reported."""

from __future__ import annotations

from datetime import datetime
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest

from liqa.core.model import (
    EventKind,
    Gender,
    MeetingRequest,
    Organization,
    OrgKind,
    Person,
    RequestStatus,
    Side,
    TimeWindow,
)
from liqa.core.problems import InputError, Problem
from liqa.core.spreadsheets import ImportSettings, import_event
from liqa.core.spreadsheets.cells import Cell
from tests.core.spreadsheets.factories import CHICAGO, base_event, csv_file, workbook

LA = ZoneInfo("America/Los_Angeles")


def problems_of(paths: list[Path], **settings: object) -> list[Problem]:
    with pytest.raises(InputError) as caught:
        import_event(paths, base_event(), ImportSettings(**settings))  # type: ignore[arg-type]
    return caught.value.problems


def test_import_french_and_arabic_workbook(tmp_path: Path) -> None:
    path = workbook(
        tmp_path / "mission.xlsx",
        {
            "Organisations": [
                ["Sigle", "Nom", "الاسم بالعربية", "Côté", "Type", "Offres (fr)", "Besoins arabe"],
                [
                    "ADD",
                    "Agence de Développement du Digital",
                    "وكالة التنمية الرقمية",
                    "Délégation",
                    "Agence",
                    "Plateformes",
                    "شراكات",
                ],
                ["CISCO", "Cisco Systems", None, "hôte", "Entreprise", None, None],
            ],
            "Participants": [
                ["Prénom", "Nom", "Organisation", "Courriel", "Langues", "Date", "De", "À"],
                [
                    "Amal",
                    "Bennani",
                    "ADD",
                    "a.bennani@add.ma",
                    "arabe, français",
                    "12/02/2024",
                    "09h00",
                    "12:30",
                ],
                ["Peter", "Ng", "Cisco Systems", "p.ng@cisco.example", "English", None, None, None],
            ],
            "الطلبات": [
                ["من", "إلى", "الأولوية", "الحالة", "التاريخ", "الساعة", "ملاحظات"],
                [
                    "a.bennani@add.ma",
                    "CISCO",
                    "indispensable",
                    "accepté",
                    "17.02.2024",
                    "2:00 PM",
                    "Cloud souverain",
                ],
            ],
        },
    )
    imported = import_event([path], base_event())
    assert imported.event.organizations == (
        Organization(
            "ADD",
            "Agence de Développement du Digital",
            Side.DELEGATION,
            OrgKind.AGENCY,
            name_ar="وكالة التنمية الرقمية",
            short_name="ADD",
            offers={"fr": "Plateformes"},
            seeks={"ar": "شراكات"},
        ),
        Organization("CISCO", "Cisco Systems", Side.HOST, OrgKind.COMPANY, short_name="CISCO"),
    )
    assert imported.event.people == (
        Person(
            "p-amal-bennani",
            "Amal Bennani",
            "ADD",
            languages=("ar", "fr"),
            email="a.bennani@add.ma",
            availability=(
                TimeWindow(
                    datetime(2024, 2, 12, 9, tzinfo=CHICAGO),
                    datetime(2024, 2, 12, 12, 30, tzinfo=CHICAGO),
                ),
            ),
        ),
        Person("p-peter-ng", "Peter Ng", "CISCO", languages=("en",), email="p.ng@cisco.example"),
    )
    assert imported.event.requests == (
        MeetingRequest(
            "r-2",
            "p-amal-bennani",
            "CISCO",
            priority=3,
            status=RequestStatus.ACCEPTED,
            message="Cloud souverain",
            fixed_start=datetime(2024, 2, 17, 14, tzinfo=LA),
        ),
    )
    assert imported.rows == {"organizations": 2, "people": 2, "requests": 1}


def test_import_five_bad_rows_are_named_exactly(tmp_path: Path) -> None:
    rows = [["id", "Name", "Organization", "Languages", "Table", "Availability"]]
    rows += [[f"p-{n}", f"Person {n}", "ACME", "en", str(n), ""] for n in range(2, 40)]
    rows[4][2] = "ACNE"  # row 5: unknown organization
    rows[9][4] = "twelve"  # row 10: table is not a number
    rows[14][1] = ""  # row 15: no name
    rows[21][0] = "p-3"  # row 22: duplicate id
    rows[30][5] = "31/02/2024 09:00 - 12:00"  # row 31: impossible date
    orgs = csv_file(tmp_path / "organizations.csv", [["name", "side"], ["ACME", "host"]])
    people = csv_file(tmp_path / "participants.csv", rows)
    problems = problems_of([orgs, people])
    assert [(p.file, p.row, p.column, p.code) for p in problems] == [
        (str(people), 5, "Organization", "unknown_reference"),
        (str(people), 10, "Table", "bad_value"),
        (str(people), 15, "Name", "missing_value"),
        (str(people), 22, "id", "duplicate_id"),
        (str(people), 31, "Availability", "bad_value"),
    ]
    assert [p.message for p in problems] == [
        "unknown organization 'ACNE'",
        "'twelve' is not a whole number",
        "the person has no name",
        "id 'p-3' is already used by row 3",
        "'31/02/2024' is not a real date (day is out of range for month)",
    ]


def test_import_unknown_column_is_reported_not_dropped(tmp_path: Path) -> None:
    path = csv_file(
        tmp_path / "people.csv", [["Name", "Organization", "Shoe size"], ["Ali", "ACME", "42"]]
    )
    [problem] = problems_of([path], new_organization_side=Side.HOST)
    assert (problem.row, problem.column, problem.message) == (
        1,
        "Shoe size",
        "unknown column 'Shoe size' in the people table",
    )


def test_import_value_under_a_blank_header_is_reported(tmp_path: Path) -> None:
    path = csv_file(
        tmp_path / "people.csv", [["Name", "Organization", ""], ["Ali", "ACME", "note"]]
    )
    [problem] = problems_of([path], new_organization_side=Side.HOST)
    assert (problem.row, problem.column, problem.message) == (
        2,
        "C",
        "a value ('note') in a column without a header",
    )


def test_import_missing_required_column(tmp_path: Path) -> None:
    path = csv_file(tmp_path / "requests.csv", [["from", "priority"], ["a", "1"]])
    problems = problems_of([path])
    assert [(p.row, p.column, p.message) for p in problems] == [
        (1, None, "no 'to' column in the requests table"),
        (2, "from", "unknown person or organization 'a'"),
    ]


def test_import_sheet_of_unknown_table_with_data_is_reported(tmp_path: Path) -> None:
    path = workbook(
        tmp_path / "m.xlsx",
        {
            "Organizations": [["Name", "Side"], ["ACME", "host"]],
            "Budget": [[], ["Hotel", 1200]],
            "Sheet2": [],
        },
    )
    [problem] = problems_of([path])
    assert (problem.sheet, problem.row, problem.message, problem.hint) == (
        "Budget",
        2,
        "the sheet 'Budget' does not say which table this is",
        "name it organizations, people (or participants), requests, venues or outcomes",
    )


def test_import_people_only_creates_their_organizations(tmp_path: Path) -> None:
    path = csv_file(
        tmp_path / "participants.csv",
        [
            ["Nom complet", "Société", "الهاتف"],
            ["Ali Amrani", "Atlas Cloud", "+212 611"],
            ["Nadia Sefrioui", "atlas cloud", ""],
        ],
    )
    imported = import_event([path], base_event(EventKind.BROKERAGE))
    assert imported.event.organizations == (Organization("atlas-cloud", "Atlas Cloud", Side.BOTH),)
    assert [(p.id, p.organization, p.phone) for p in imported.event.people] == [
        ("p-ali-amrani", "atlas-cloud", "+212 611"),
        ("p-nadia-sefrioui", "atlas-cloud", ""),
    ]
    assert imported.created_organizations == ("atlas-cloud",)


def test_import_trade_mission_organization_needs_a_side(tmp_path: Path) -> None:
    path = csv_file(tmp_path / "organizations.csv", [["Name", "Side"], ["ACME", ""]])
    [problem] = problems_of([path])
    assert (problem.row, problem.column, problem.message, problem.hint) == (
        2,
        "Side",
        "no side given",
        "write delegation, host or both",
    )


def test_import_request_to_itself_and_ambiguous_name(tmp_path: Path) -> None:
    people = csv_file(
        tmp_path / "people.csv",
        [
            ["id", "name", "organization"],
            ["p-1", "Ali", "ACME"],
            ["p-2", "Ali", "ACME"],
            ["p-3", "Sara", "ACME"],
        ],
    )
    requests = csv_file(
        tmp_path / "requests.csv",
        [
            ["from", "to"],
            ["p-3", "Sara"],
            ["Ali", "p-3"],
        ],
    )
    problems = problems_of([people, requests], new_organization_side=Side.BOTH)
    assert [(p.row, p.column, p.message) for p in problems if p.file == str(requests)] == [
        (2, "to", "a request from 'p-3' to itself"),
        (3, "from", "'Ali' could mean p-1, p-2"),
    ]


def test_import_csv_semicolons_and_bom(tmp_path: Path) -> None:
    path = tmp_path / "organisations.csv"
    path.write_bytes(
        "Nom;Côté\r\nOffice Chérifien des Phosphates;délégation\r\n".encode("utf-8-sig")
    )
    imported = import_event([path], base_event())
    assert imported.event.organizations == (
        Organization(
            "office-cherifien-des-phosphates", "Office Chérifien des Phosphates", Side.DELEGATION
        ),
    )


def test_import_utf16_tab_separated_text(tmp_path: Path) -> None:
    path = tmp_path / "organizations.txt"
    path.write_text("Name\tSide\nالمكتب الوطني للسكك الحديدية\thost\n", encoding="utf-16")
    imported = import_event([path], base_event())
    assert imported.event.organizations == (
        Organization("org-2", "المكتب الوطني للسكك الحديدية", Side.HOST),
    )


def test_import_latin1_csv_is_refused_with_a_fix(tmp_path: Path) -> None:
    path = tmp_path / "organizations.csv"
    path.write_bytes("Nom,Côté\nSociété Générale,hôte\n".encode("cp1252"))
    [problem] = problems_of([path])
    assert (problem.message, problem.hint) == (
        "the file is not UTF-8 text (bad byte at offset 5)",
        "save it as 'CSV UTF-8' (Excel) or 'Text CSV, UTF-8' (LibreOffice), or as .xlsx",
    )


def test_import_base_request_naming_a_removed_person(tmp_path: Path) -> None:
    from tests.core.spreadsheets.factories import mission

    path = csv_file(
        tmp_path / "people.csv",
        [["id", "name", "organization"], ["p-lamrani", "Sarah Lamrani", "DGSSI"]],
    )
    with pytest.raises(InputError) as caught:
        import_event([path], mission())
    assert [(p.path, p.message) for p in caught.value.problems] == [
        (
            "requests",
            "references in requests of the base mission to what the imported tables do not "
            "have: 2 (requests[r-1].attendees → p-el-idrissi, requests[r-2].to → p-smith)",
        )
    ]


def test_import_unknown_organization_suggests_the_closest_name(tmp_path: Path) -> None:
    orgs = csv_file(tmp_path / "organizations.csv", [["Nom", "Côté"], ["Atlas Cloud", "hôte"]])
    people = csv_file(tmp_path / "people.csv", [["Nom", "Organisation"], ["Ali", "Atlas Clowd"]])
    [problem] = problems_of([orgs, people])
    assert problem.hint == (
        "did you mean 'Atlas Cloud'? add it to the organizations table, or fix the spelling"
    )


def test_import_table_beyond_the_brokerage_tables(tmp_path: Path) -> None:
    path = csv_file(
        tmp_path / "participants.csv", [["Nom", "Société", "Table"], ["Ali", "Atlas", "31"]]
    )
    with pytest.raises(InputError) as caught:
        import_event([path], base_event(EventKind.BROKERAGE))
    assert [(p.row, p.column, p.message, p.hint) for p in caught.value.problems] == [
        (2, "Table", "table 31 does not exist", "tables are numbered from 1 to 30")
    ]


def test_import_reports_progress_row_by_row(tmp_path: Path) -> None:
    rows: list[list[Cell]] = [["Name", "Organization"]]
    rows += [[f"Person {n}", "ACME"] for n in range(2, 52)]
    path = workbook(tmp_path / "participants.xlsx", {"Participants": rows})
    seen: list[tuple[int, int]] = []
    import_event([path], base_event(EventKind.BROKERAGE), progress=lambda *p: seen.append(p))
    assert (len(seen), seen[0], seen[-1]) == (51, (1, 51), (51, 51))


def test_empty_table_warns_that_it_removes_the_base_records(tmp_path: Path) -> None:
    from liqa.core.missionfile import load_event

    base = load_event(Path(__file__).parents[3] / "examples/morocco-us-digital-2024/mission.yaml")
    empty = csv_file(tmp_path / "requests.csv", [["from", "to"]])
    imported = import_event([empty], base)
    assert imported.event.requests == ()
    assert imported.warnings == (
        f"the requests table has no rows: the {len(base.requests)} requests there were are removed",
    )
    assert import_event([empty], base_event()).warnings == ()  # nothing was there to remove


def test_import_people_may_name_their_organization_by_its_french_name(tmp_path: Path) -> None:
    """A French organizer's participants sheet names the ministry as French readers know it."""
    ministry = "Ministère de la Transition Numérique et de la Réforme de l'Administration"
    path = workbook(
        tmp_path / "mission.xlsx",
        {
            "Organisations": [
                ["Identifiant", "Nom", "Nom en français", "Côté", "Type"],
                [
                    "MTNRA",
                    "Ministry of Digital Transition",
                    ministry,
                    "Délégation",
                    "Administration",
                ],
            ],
            "Participants": [
                ["Nom complet", "Organisation"],
                ["Sarah Lamrani", ministry],
            ],
        },
    )
    imported = import_event([path], base_event())
    assert [(o.id, o.name_fr) for o in imported.event.organizations] == [("MTNRA", ministry)]
    assert [(p.name, p.organization) for p in imported.event.people] == [("Sarah Lamrani", "MTNRA")]


def test_import_reads_a_gender_column_in_organizers_words(tmp_path: Path) -> None:
    """A "Civilité" column of Mme/M. (or F/M, أنثى/ذكر) gives each person's gender; an
    empty cell leaves it unset."""
    orgs = csv_file(tmp_path / "organizations.csv", [["name", "side"], ["ACME", "host"]])
    people = csv_file(
        tmp_path / "participants.csv",
        [
            ["Nom", "Organisation", "Civilité"],
            ["Sarah Lamrani", "ACME", "Mme"],
            ["Karim Benjelloun", "ACME", "M."],
            ["Salma Tazi", "ACME", "أنثى"],
            ["Sam Lee", "ACME", ""],
        ],
    )
    imported = import_event([orgs, people], base_event(), ImportSettings())
    assert [(p.name, p.gender) for p in imported.event.people] == [
        ("Sarah Lamrani", Gender.FEMALE),
        ("Karim Benjelloun", Gender.MALE),
        ("Salma Tazi", Gender.FEMALE),
        ("Sam Lee", None),
    ]


def test_import_a_bad_gender_names_the_row_and_column(tmp_path: Path) -> None:
    orgs = csv_file(tmp_path / "organizations.csv", [["name", "side"], ["ACME", "host"]])
    people = csv_file(
        tmp_path / "participants.csv",
        [["Name", "Organization", "Gender"], ["Sarah Lamrani", "ACME", "Dr"]],
    )
    [problem] = problems_of([orgs, people])
    assert (problem.file, problem.row, problem.column, problem.code) == (
        str(people),
        2,
        "Gender",
        "bad_value",
    )
    assert problem.message == "'Dr' is not a known gender"
    assert problem.hint == (
        "write female or male (F/M, femme/homme, أنثى/ذكر), or leave it empty;"
        " it makes the person's title agree in French and Arabic"
    )
