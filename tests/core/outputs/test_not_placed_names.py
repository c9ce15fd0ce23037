"""What was not placed, in the organizer's downloads (the grid's HTML and XLSX, the
itinerary and the plan's report), names people by their names in the reader's script, also
when the explanation was stored with their ids (a version planned before explanations named
people): the same ``reasons.with_names`` as the version's page."""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

from openpyxl import load_workbook

from liqa.core.model import Schedule, Unplaced
from liqa.core.outputs.grid import build_grid, write_grid_xlsx
from liqa.core.problems import Message, Names, joined
from liqa.core.scheduling.itinerary.render import render_itinerary
from liqa.core.scheduling.planning import ReportWords, unplaced_lines
from liqa.core.templating import render
from tests.core.outputs.mission import LAMRANI_CALL, make_event, make_schedule

STORED = Message(
    "on every day it is open, the subgroup is larger than the host's limit ({limit}) "
    "or nobody is available or lacks a required attendee ({need})",
    limit=3,
    need=Names(["p-lamrani", "p-benali"]),
)
"""As a version stored before explanations named people reads back: with people's ids."""

LOST = Message(
    "in every possible slot {who} are busy or the slot is full; it lost to "
    "{blockers} ({higher} of equal or higher priority)",
    who=joined(["p-benali", "p-lee"]),
    blockers=Names(["r-cyber"], "; "),
    higher=1,
)
"""A meeting stored as lost to another meeting, by ids: the meeting's parties by name."""


def _stored() -> Schedule:
    left_out = (
        Unplaced("vis-nasa", "capacity", STORED),
        Unplaced("r-other", "lost_to_higher_priority", LOST),
    )
    return replace(make_schedule(1, LAMRANI_CALL), unplaced=left_out)


def _ids_in(text: str) -> list[str]:
    return [key for key in ("p-lamrani", "p-benali", "p-lee", "r-cyber") if key in text]


def test_the_grid_spreadsheet_names_people_not_ids_in_each_language(tmp_path: Path) -> None:
    event = make_event()
    details = {}
    for lang in ("en", "ar", "fr"):
        path = tmp_path / lang / "grid.xlsx"
        write_grid_xlsx(build_grid(event, _stored(), lang), lang, path)
        rows = list(load_workbook(path).worksheets[1].iter_rows(values_only=True))
        details[lang] = [str(row[2]) for row in rows[1:]]
        assert _ids_in(" ".join(details[lang])) == [], details[lang]
    assert "lacks a required attendee (Sarah Lamrani, Karim Benali)" in details["en"][0]
    assert "سارة لمراني، كريم بنعلي" in details["ar"][0]  # their Arabic names, Arabic comma
    assert "Sarah Lamrani" not in details["ar"][0]
    assert "Karim Benali et David Lee" in details["fr"][1]
    assert "General Directorate for Information Systems Security – CyberCorp" in details["en"][1]
    assert "المديرية العامة لأمن نظم المعلومات" in details["ar"][1]  # the meeting in its way


def test_the_grid_page_names_people_not_ids() -> None:
    grid = build_grid(make_event(), _stored(), "fr")
    page = render("grid.html", "fr", grid=grid, inline_css="")
    listed = page.split('class="not-placed"')[1]
    assert "Sarah Lamrani, Karim Benali" in listed
    assert _ids_in(listed) == []


def test_the_itinerary_names_people_not_ids_in_arabic() -> None:
    arabic = render_itinerary(make_event(), _stored(), "ar").split("\n\n")[-1]
    assert "سارة لمراني" in arabic
    assert "كريم بنعلي" in arabic
    assert _ids_in(arabic) == []


def test_the_plans_report_names_people_not_ids() -> None:
    event, schedule = make_event(), _stored()
    english = "\n".join(unplaced_lines(event, schedule, ReportWords("en")))
    assert "lacks a required attendee (Sarah Lamrani, Karim Benali)" in english
    assert "Karim Benali and David Lee are busy" in english
    assert _ids_in(english) == []
    lines = "\n".join(unplaced_lines(event, schedule, ReportWords("ar")))
    assert "سارة لمراني" in lines
    assert _ids_in(lines) == []
