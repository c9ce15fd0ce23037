"""Hostile spreadsheets (zip bombs, XML entities, oversized CSV lines and cells) are refused
with a clear message naming the file, before they cost memory or time."""

from __future__ import annotations

import zipfile
from pathlib import Path

import openpyxl
import pytest
from defusedxml import EntitiesForbidden

from liqa.core.problems import InputError, Problem
from liqa.core.spreadsheets import ImportSettings, ReadLimits, import_event
from tests.core.spreadsheets.factories import base_event, csv_file, workbook

SHEET = "xl/worksheets/sheet1.xml"
LAUGHS = (
    b'<?xml version="1.0"?>'
    b'<!DOCTYPE worksheet [<!ENTITY lol "lol">'
    + b"".join(
        b'<!ENTITY lol%d "%s">' % (n, b"".join(b"&lol%d;" % (n - 1) for _ in range(10)))
        for n in range(2, 10)
    ).replace(b"&lol1;", b"&lol;")
    + b"]>"
    b'<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">'
    b'<sheetData><row r="1"><c r="A1" t="inlineStr"><is><t>name</t></is></c></row>'
    b'<row r="2"><c r="A2" t="inlineStr"><is><t>&lol9;</t></is></c></row></sheetData>'
    b"</worksheet>"
)
"""A worksheet whose one cell expands to 10**8 "lol"s (300 MB) if entities are expanded."""


def rewrite(source: Path, target: Path, parts: dict[str, bytes]) -> Path:
    """A copy of the workbook ``source`` with some parts replaced or added."""
    with zipfile.ZipFile(source) as old, zipfile.ZipFile(target, "w", zipfile.ZIP_DEFLATED) as new:
        for item in old.infolist():
            new.writestr(item.filename, parts.pop(item.filename, b"") or old.read(item))
        for name, content in parts.items():
            new.writestr(name, content)
    return target


def problems(path: Path, limits: ReadLimits | None = None) -> list[Problem]:
    settings = ImportSettings(limits=limits or ReadLimits())
    with pytest.raises(InputError) as caught:
        import_event([path], base_event(), settings)
    return caught.value.problems


def plain(tmp_path: Path) -> Path:
    return workbook(tmp_path / "plain.xlsx", {"people": [["name"], ["Ali"]]})


def test_billion_laughs_sheet_is_refused_with_the_file_named(tmp_path: Path) -> None:
    path = rewrite(plain(tmp_path), tmp_path / "laughs.xlsx", {SHEET: LAUGHS})
    [problem] = problems(path)
    assert (problem.file, problem.code, problem.message) == (
        str(path),
        "xml_entities",
        f"part {SHEET} declares a DOCTYPE or entities, which workbooks never need "
        "(an XML entity attack?)",
    )


def test_billion_laughs_is_not_expanded_by_openpyxl_either(tmp_path: Path) -> None:
    # Defence in depth: even without liqa's scan, openpyxl parses with defusedxml
    # (a dependency of liqa), which refuses entity declarations instead of expanding them.
    path = rewrite(plain(tmp_path), tmp_path / "laughs.xlsx", {SHEET: LAUGHS})
    assert openpyxl.xml.DEFUSEDXML is True
    with (
        path.open("rb") as stream,
        pytest.raises(ValueError, match="Unable to read workbook") as caught,
    ):
        openpyxl.load_workbook(stream, read_only=True, data_only=True)
    assert isinstance(caught.value.__cause__, EntitiesForbidden)


def test_external_entity_in_shared_strings_is_refused(tmp_path: Path) -> None:
    xxe = (
        b'<?xml version="1.0"?><!DOCTYPE sst [<!ENTITY e SYSTEM "file:///etc/passwd">]>'
        b'<sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" count="1">'
        b"<si><t>&e;</t></si></sst>"
    )
    path = rewrite(plain(tmp_path), tmp_path / "xxe.xlsx", {"xl/sharedStrings.xml": xxe})
    assert [(p.file, p.code) for p in problems(path)] == [(str(path), "xml_entities")]


def test_zip_bomb_part_is_refused_by_its_compression_ratio(tmp_path: Path) -> None:
    bomb = b"<!--" + b" " * (32 * 1024 * 1024) + b"-->"  # 32 MiB that deflate to ~32 KiB
    path = rewrite(plain(tmp_path), tmp_path / "bomb.xlsx", {"xl/media/padding.xml": bomb})
    [problem] = problems(path)
    assert (problem.file, problem.code) == (str(path), "zip_bomb")
    assert problem.message.startswith("part xl/media/padding.xml is compressed ")
    assert problem.message.endswith(":1, more than 200:1 (a zip bomb?)")


def test_zip_bomb_is_refused_by_its_unpacked_size(tmp_path: Path) -> None:
    filler = {f"xl/media/f{n}.xml": b"<a/>" * 1000 for n in range(8)}  # 8 x 4,000 bytes
    path = rewrite(plain(tmp_path), tmp_path / "big.xlsx", filler)
    unpacked = sum(i.file_size for i in zipfile.ZipFile(path).infolist())
    [problem] = problems(path, ReadLimits(max_unzipped_bytes=32_000))
    assert (problem.code, problem.message) == (
        "zip_bomb",
        f"the workbook unpacks to {unpacked} bytes, more than 32000 (a zip bomb?)",
    )


def test_zip_with_too_many_parts_is_refused(tmp_path: Path) -> None:
    filler = {f"xl/media/f{n}.xml": b"<a/>" for n in range(2000)}
    path = rewrite(plain(tmp_path), tmp_path / "parts.xlsx", filler)
    count = len(zipfile.ZipFile(path).infolist())
    [problem] = problems(path)
    assert (problem.code, problem.message) == (
        "zip_bomb",
        f"the workbook has {count} parts, more than 2000",
    )


def test_csv_cell_longer_than_excel_allows_is_refused(tmp_path: Path) -> None:
    path = csv_file(
        tmp_path / "people.csv", [["name", "organization", "role"], ["Ali", "ACME", "x" * 40_000]]
    )
    [problem] = problems(path)
    assert (problem.file, problem.row, problem.column, problem.code, problem.message) == (
        str(path),
        2,
        "role",
        "too_large",
        "a cell has 40000 characters, more than 32767",
    )


def test_csv_cell_beyond_the_csv_parser_limit_names_its_row(tmp_path: Path) -> None:
    # a quoted cell spread over short lines passes the line check; Python's csv module
    # stops at 131,072 characters, and the report still names the row
    path = tmp_path / "people.csv"
    path.write_text('name,role\nAli,Director\nBob,"' + "x\n" * 70_000 + '"\n', encoding="utf-8")
    [problem] = problems(path)
    assert (problem.row, problem.code, problem.message) == (
        3,
        "too_large",
        "a cell is too long, more than 32767",
    )


def test_csv_line_of_a_million_commas_is_refused_before_parsing(tmp_path: Path) -> None:
    path = tmp_path / "people.csv"
    path.write_text("name,role\nAli," + "," * 1_100_000 + "\n", encoding="utf-8")
    [problem] = problems(path)
    assert (problem.file, problem.line, problem.code, problem.message) == (
        str(path),
        2,
        "too_large",
        "line 2 has 1100004 characters, more than 1048576",
    )


def test_csv_with_too_many_columns_is_refused(tmp_path: Path) -> None:
    path = csv_file(tmp_path / "people.csv", [["name", "role"], ["Ali", *[""] * 600]])
    [problem] = problems(path)
    assert (problem.row, problem.message) == (2, "601 columns, more than 500")


def test_csv_with_too_many_rows_is_refused(tmp_path: Path) -> None:
    path = csv_file(tmp_path / "people.csv", [["name"], ["Ali"], ["Bob"], ["Chen"]])
    [problem] = problems(path, ReadLimits(max_rows=3))
    assert (problem.code, problem.message) == ("too_large", "more than 3 rows")


def test_xlsx_cell_longer_than_excel_allows_is_refused(tmp_path: Path) -> None:
    # openpyxl truncates what it writes to Excel's limit, so the long cell is put in by hand
    source = workbook(tmp_path / "plain.xlsx", {"people": [["name", "organization", "role"]]})
    sheet = zipfile.ZipFile(source).read(SHEET)
    long_row = (
        '<row r="2"><c r="A2" t="inlineStr"><is><t>Ali</t></is></c>'
        '<c r="B2" t="inlineStr"><is><t>ACME</t></is></c>'
        f'<c r="C2" t="inlineStr"><is><t>{"x" * 40_000}</t></is></c></row></sheetData>'
    )
    path = rewrite(
        source,
        tmp_path / "people.xlsx",
        {SHEET: sheet.replace(b"</sheetData>", long_row.encode()).replace(b"A1:C1", b"A1:C2")},
    )
    [problem] = problems(path)
    assert (problem.sheet, problem.row, problem.column, problem.message) == (
        "people",
        2,
        "role",
        "a cell has 40000 characters, more than 32767",
    )
