"""A stored version's downloads say what was not placed with people's names, in the reader's
script, where the version stored its explanations with ids (planned before explanations
named people): the outputs zip's grids (HTML and XLSX) as the version's page does."""

from __future__ import annotations

import dataclasses
import io
import zipfile
from collections.abc import Callable

import pytest
from django.contrib.auth.models import User
from django.http import FileResponse
from django.test import Client
from openpyxl import load_workbook

from liqa.core import model as core
from liqa.core.problems import Message, Names, joined
from liqa.web.events.models import Event
from liqa.web.scheduling.records import store_schedule
from tests.web.factories import make_core_event, make_schedule

pytestmark = pytest.mark.usefixtures("data_dir")  # built outputs go to the test's own

LOST = Message(
    "in every possible slot {who} are busy or the slot is full; it lost to "
    "{blockers} ({higher} of equal or higher priority)",
    who=joined(["p-bruno", "p-chen"]),
    blockers=Names(["r-1", "r-2"], "; "),
    higher=1,
)
"""As a version planned before explanations named people stored it: people's and meetings'
ids."""
IDS = ("p-bruno", "p-chen", "r-1", "r-2")


def _stored(event: Event) -> None:
    event.people.filter(key="p-bruno").update(name_ar="برونو مارتن")
    schedule = make_schedule(make_core_event())
    unplaced = (core.Unplaced("r-3", "lost_to_higher_priority", LOST, ("r-1", "r-2")),)
    store_schedule(event, dataclasses.replace(schedule, unplaced=unplaced))


def _archive(client: Client, event: Event) -> zipfile.ZipFile:
    response = client.get(f"/organize/{event.slug}/versions/1/outputs.zip")
    assert response.status_code == 200
    assert isinstance(response, FileResponse)
    return zipfile.ZipFile(io.BytesIO(response.getvalue()))


def _not_placed_details(archive: zipfile.ZipFile, lang: str) -> str:
    book = load_workbook(io.BytesIO(archive.read(f"{lang}/grid.xlsx")))
    assert book.sheetnames[-1] != book.sheetnames[0]  # the "Not placed" sheet
    return " ".join(str(row[2]) for row in book.worksheets[-1].iter_rows(values_only=True))


def test_the_outputs_grids_name_people_and_meetings_not_ids(
    organizer: User, event: Event, client_for: Callable[..., Client]
) -> None:
    _stored(event)
    archive = _archive(client_for(organizer), event)
    english, arabic = (_not_placed_details(archive, lang) for lang in ("en", "ar"))
    assert "in every possible slot Bruno Martin and Chen Li are busy" in english
    assert "it lost to Amina Idrissi – Bruno Martin; Amina Idrissi – Chen Li" in english
    assert "برونو مارتن" in arabic  # the Arabic name, for an Arabic reader
    assert "Bruno Martin" not in arabic
    assert [key for key in IDS if key in english + arabic] == []
    page = archive.read("fr/grid.html").decode().split('class="not-placed"')[1]
    assert "Bruno Martin et Chen Li" in page
    assert [key for key in IDS if key in page] == []


def test_the_versions_page_names_the_meetings_in_the_way(
    organizer: User, event: Event, client_for: Callable[..., Client]
) -> None:
    _stored(event)
    page = client_for(organizer).get(f"/organize/{event.slug}/versions/1/").content.decode()
    listed = page.split('id="unplaced"')[1].split("</ul>")[0]
    assert "Amina Idrissi – Bruno Martin; Amina Idrissi – Chen Li" in listed
    assert [key for key in IDS if f" {key}" in listed or f">{key}" in listed] == []
