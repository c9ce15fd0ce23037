"""Random and mutated files give a problem report, never an unexpected exception."""

from __future__ import annotations

import io
import tempfile
import zipfile
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from liqa.core.problems import InputError
from liqa.core.spreadsheets import export_event, import_event
from tests.core.spreadsheets.factories import base_event, mission


def _valid_workbook() -> bytes:
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "tables.xlsx"
        export_event(mission(), path)
        return path.read_bytes()


VALID_XLSX = _valid_workbook()
NOT_SURROGATES = st.characters(codec="utf-8")  # CSV text is valid Unicode: no surrogates
CSV_TEXT = st.text(NOT_SURROGATES | st.sampled_from(",;\n\"'=é"), max_size=300)


def outcome(name: str, content: bytes) -> str:
    """``ok`` or ``problems`` (an exception other than InputError fails the test)."""
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / name
        path.write_bytes(content)
        try:
            import_event([path], base_event())
        except InputError as exc:
            return "problems" if exc.problems else "an empty report"
    return "ok"


@st.composite
def mutated(draw: st.DrawFn) -> bytes:
    """The valid workbook with a few bytes overwritten, inserted or cut."""
    content = bytearray(VALID_XLSX)
    for _ in range(draw(st.integers(1, 6))):
        at = draw(st.integers(0, len(content) - 1))
        action = draw(st.sampled_from(("set", "cut", "insert")))
        if action == "set":
            content[at] = draw(st.integers(0, 255))
        elif action == "cut":
            del content[at : at + draw(st.integers(1, 64))]
        else:
            content[at:at] = draw(st.binary(min_size=1, max_size=16))
    return bytes(content)


@st.composite
def mutated_sheets(draw: st.DrawFn) -> bytes:
    """The valid workbook, re-zipped with a few bytes of one sheet's XML changed: this
    reaches the XML parser and the row checks, which a damaged zip stream does not."""
    with zipfile.ZipFile(io.BytesIO(VALID_XLSX)) as old:
        parts = {item.filename: old.read(item) for item in old.infolist()}
    name = draw(st.sampled_from(sorted(p for p in parts if p.startswith("xl/worksheets/"))))
    sheet = bytearray(parts[name])
    for _ in range(draw(st.integers(1, 4))):
        at = draw(st.integers(0, len(sheet) - 1))
        sheet[at : at + draw(st.integers(0, 8))] = draw(
            st.binary(max_size=8) | st.sampled_from([b"<", b">", b"&", b'"', b"1", b"=", b"-"])
        )
    parts[name] = bytes(sheet)
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as new:
        for part, content in parts.items():
            new.writestr(part, content)
    return out.getvalue()


FUZZ = settings(max_examples=30, deadline=None, suppress_health_check=[HealthCheck.too_slow])


@FUZZ
@given(content=mutated())
def test_mutated_workbook_gives_a_report_or_imports(content: bytes) -> None:
    assert outcome("tables.xlsx", content) in ("ok", "problems")


@FUZZ
@given(content=mutated_sheets())
def test_mutated_sheet_xml_gives_a_report_or_imports(content: bytes) -> None:
    assert outcome("tables.xlsx", content) in ("ok", "problems")


@FUZZ
@given(text=CSV_TEXT, name=st.sampled_from(("people.csv", "requests.csv", "organizations.csv")))
def test_random_csv_gives_a_report_or_imports(text: str, name: str) -> None:
    assert outcome(name, text.encode("utf-8")) in ("ok", "problems")


@FUZZ
@given(content=st.binary(max_size=2000), name=st.sampled_from(("people.csv", "people.xlsx")))
def test_random_bytes_give_a_report(content: bytes, name: str) -> None:
    assert outcome(name, content) in ("ok", "problems")


@pytest.mark.slow
@settings(max_examples=600, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(content=mutated() | mutated_sheets())
def test_mutated_workbook_gives_a_report_or_imports_at_length(content: bytes) -> None:
    assert outcome("tables.xlsx", content) in ("ok", "problems")
