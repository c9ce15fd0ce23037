"""A table uploaded as several CSV files: each problem names the file it is in.

Before, a problem of the whole table (rows it leaves out) named only the last file read:
the upload's file names were taken from the core's ``a/people-1.csv, a/people-2.csv`` as
one path, whose last part is ``people-2.csv``. Runs on SQLite, and on PostgreSQL with
``DATABASE_URL``."""

from __future__ import annotations

import html
import re
from pathlib import Path

import pytest
from django.test import Client

from liqa.web.events.models import Event
from tests.web.spreadsheet_steps import tables, upload

pytestmark = pytest.mark.integration


def _split(people: Path, folder: Path) -> tuple[Path, Path, list[str]]:
    """The people table as two files: the header and first person, the header and the
    others; and the rows."""
    lines = people.read_text(encoding="utf-8").splitlines()
    first, second = folder / "people-1.csv", folder / "people-2.csv"
    first.write_text("\n".join(lines[:2]) + "\n", encoding="utf-8")
    second.write_text("\n".join([lines[0], *lines[2:]]) + "\n", encoding="utf-8")
    return first, second, lines


def _locations(answer: str) -> list[str]:
    """The problems' places, as the page shows them."""
    cells = re.findall(r"<tr><td[^>]*>(.*?)</td><td[^>]*>", answer, re.S)
    return [" ".join(html.unescape(re.sub(r"<[^>]+>", " ", c)).split()) for c in cells]


def test_a_table_problem_names_every_file_of_the_table(
    event: Event, organizer_client: Client, tmp_path: Path
) -> None:
    first, second, lines = _split(tables(event, tmp_path)["people"], tmp_path)
    second.write_text("\n".join(lines[:1] + lines[2:3]) + "\n", encoding="utf-8")  # no Chen
    answer = upload(organizer_client, event.slug, [first, second], None)
    assert answer.startswith("400 "), answer[:300]
    assert _locations(answer) == ["people-1.csv, people-2.csv"]


def test_a_row_problem_names_its_own_file_row_and_column(
    event: Event, organizer_client: Client, tmp_path: Path
) -> None:
    first, second, _lines = _split(tables(event, tmp_path)["people"], tmp_path)
    first.write_text(first.read_text(encoding="utf-8").replace(",CEO,,", ",CEO,xx,"), "utf-8")
    answer = upload(organizer_client, event.slug, [first, second], None)
    assert answer.startswith("400 "), answer[:300]
    assert _locations(answer) == ["people-1.csv row 2, column 'gender'"]
