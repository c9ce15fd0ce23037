"""Hostile and damaged files are refused with a clear message; writers neutralize formulas."""

from __future__ import annotations

import csv
import zipfile
from pathlib import Path

import pytest
from openpyxl import load_workbook

from liqa.core.problems import InputError
from liqa.core.spreadsheets import ReadLimits, export_event, import_event
from liqa.core.spreadsheets.readers import ReadError, open_sheets
from tests.core.spreadsheets.factories import base_event, mission, workbook


def rewrite_part(source: Path, target: Path, part: str, content: bytes) -> Path:
    """A copy of the workbook ``source`` with one part replaced."""
    with zipfile.ZipFile(source) as old, zipfile.ZipFile(target, "w", zipfile.ZIP_DEFLATED) as new:
        for item in old.infolist():
            new.writestr(item.filename, content if item.filename == part else old.read(item))
    return target


def read_all(path: Path, limits: ReadLimits) -> None:
    with open_sheets(path, limits) as sheets:
        for sheet in sheets:
            list(sheet.rows)


def refusal(path: Path, limits: ReadLimits | None = None) -> tuple[str, str]:
    with pytest.raises(ReadError) as caught:
        read_all(path, limits or ReadLimits())
    return caught.value.problem.code, caught.value.problem.message


def test_xlsx_billion_laughs_is_refused(tmp_path: Path) -> None:
    plain = workbook(tmp_path / "plain.xlsx", {"people": [["name"], ["Ali"]]})
    bomb = (
        b'<?xml version="1.0"?><!DOCTYPE lolz [<!ENTITY lol "lol">'
        b'<!ENTITY lol2 "&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;">]>'
        b'<sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">'
        b"<si><t>&lol2;</t></si></sst>"
    )
    path = rewrite_part(plain, tmp_path / "bomb.xlsx", "xl/worksheets/sheet1.xml", bomb)
    assert refusal(path) == (
        "xml_entities",
        "part xl/worksheets/sheet1.xml declares a DOCTYPE or entities, which workbooks never "
        "need (an XML entity attack?)",
    )


def test_xlsx_external_entity_is_refused(tmp_path: Path) -> None:
    plain = workbook(tmp_path / "plain.xlsx", {"people": [["name"], ["Ali"]]})
    xxe = (
        b'<?xml version="1.0"?><!DOCTYPE x [<!ENTITY e SYSTEM "file:///etc/passwd">]>'
        b'<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">&e;'
        b"</Types>"
    )
    path = rewrite_part(plain, tmp_path / "xxe.xlsx", "[Content_Types].xml", xxe)
    assert refusal(path)[0] == "xml_entities"


def test_xlsx_zip_bomb_is_refused_before_unpacking(tmp_path: Path) -> None:
    plain = workbook(tmp_path / "plain.xlsx", {"people": [["name"], ["Ali"]]})
    padding = b"<!-- " + b"0" * (8 * 1024 * 1024) + b" -->"
    content = padding + zipfile.ZipFile(plain).read("xl/worksheets/sheet1.xml")
    path = rewrite_part(plain, tmp_path / "bomb.xlsx", "xl/worksheets/sheet1.xml", content)
    code, message = refusal(path, ReadLimits(max_unzipped_bytes=4 * 1024 * 1024))
    assert code == "zip_bomb"
    assert message.startswith("the workbook unpacks to ")
    code, message = refusal(path)
    assert (code, message.split(" is compressed ")[0]) == (
        "zip_bomb",
        "part xl/worksheets/sheet1.xml",
    )


@pytest.mark.parametrize(
    ("content", "code"),
    [
        (b"", "bad_xlsx"),
        (b"\x00\x01binary junk\xff" * 50, "bad_xlsx"),
        (b"PK\x03\x04junk", "bad_xlsx"),
    ],
)
def test_xlsx_junk_is_refused(tmp_path: Path, content: bytes, code: str) -> None:
    path = tmp_path / "junk.xlsx"
    path.write_bytes(content)
    assert refusal(path) == (code, "not a valid .xlsx workbook (not a zip archive)")


def test_xlsx_damaged_sheet_is_refused(tmp_path: Path) -> None:
    plain = workbook(tmp_path / "plain.xlsx", {"people": [["name"], ["Ali"]]})
    path = rewrite_part(plain, tmp_path / "bad.xlsx", "xl/worksheets/sheet1.xml", b"<worksheet")
    assert refusal(path)[0] == "bad_xlsx"


def test_csv_with_nul_bytes_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "people.csv"
    path.write_bytes(b"name\x00,organization\n")
    assert refusal(path) == ("bad_encoding", "the file contains NUL bytes: it is not a text file")


def rows_of(path: Path) -> list[tuple[object, ...]]:
    with open_sheets(path, ReadLimits()) as sheets:
        return [cells for sheet in sheets for _, cells in sheet.rows]


@pytest.mark.parametrize("encoding", ["utf-16-le", "utf-16-be", "utf-16", "utf-8-sig"])
def test_csv_in_utf16_without_or_with_bom_reads_like_utf8(tmp_path: Path, encoding: str) -> None:
    text = "name;organization\nعلي بنعلي;DGSSI\nAnne Martin;Cisco\n"
    plain, other = tmp_path / "plain.csv", tmp_path / f"{encoding}.csv"
    plain.write_bytes(text.encode("utf-8"))
    other.write_bytes(text.encode(encoding))
    assert rows_of(other) == rows_of(plain)
    assert rows_of(plain)[1] == ("علي بنعلي", "DGSSI")


def test_unknown_format_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "people.xls"
    path.write_bytes(b"\xd0\xcf\x11\xe0")
    with pytest.raises(InputError) as caught:
        import_event([path], base_event())
    assert [(p.message, p.hint) for p in caught.value.problems] == [
        ("cannot read .xls", "save it as .xlsx or as CSV UTF-8 (.csv)")
    ]


def test_csv_export_neutralizes_formulas(tmp_path: Path) -> None:
    export_event(mission(), tmp_path)
    with (tmp_path / "organizations.csv").open(encoding="utf-8-sig", newline="") as stream:
        offers = [row["offers_en"] for row in csv.DictReader(stream)]
    with (tmp_path / "people.csv").open(encoding="utf-8-sig", newline="") as stream:
        people = [(row["phone"], row["role"]) for row in csv.DictReader(stream)]
    assert offers == ["", "'=Cyber resilience"]
    assert people == [("'+212 600 000 000", "Director"), ("", ""), ("", "'-Head of outreach")]


def test_xlsx_export_stores_formula_like_text_as_text(tmp_path: Path) -> None:
    path = tmp_path / "mission.xlsx"
    export_event(mission(), path)
    sheet = load_workbook(path)["organizations"]
    cell = sheet.cell(row=3, column=[c.value for c in sheet[1]].index("offers_en") + 1)
    assert (cell.value, cell.data_type, cell.quotePrefix) == ("=Cyber resilience", "s", True)


def test_xlsx_formula_never_computed_is_refused(tmp_path: Path) -> None:
    path = workbook(
        tmp_path / "people.xlsx", {"people": [["name", "organization"], ['="Al"&"i"', "ACME"]]}
    )
    assert refusal(path) == (
        "uncomputed_formula",
        "cell A2 of xl/worksheets/sheet1.xml holds a formula whose result was never computed "
        "(the file was saved by a program that does not calculate), so its value cannot be read",
    )


def test_xlsx_formula_with_its_computed_value_is_read(tmp_path: Path) -> None:
    plain = workbook(tmp_path / "plain.xlsx", {"people": [["name"], ["x"]]})
    sheet = (
        zipfile.ZipFile(plain)
        .read("xl/worksheets/sheet1.xml")
        .replace(
            b'<c r="A2" t="inlineStr"><is><t>x</t></is></c>',
            b'<c r="A2" t="str"><f>"Al"&amp;"i"</f><v>Ali</v></c>',
        )
    )
    path = rewrite_part(plain, tmp_path / "computed.xlsx", "xl/worksheets/sheet1.xml", sheet)
    with open_sheets(path) as sheets:
        assert [list(s.rows) for s in sheets] == [[(1, ("name",)), (2, ("Ali",))]]
