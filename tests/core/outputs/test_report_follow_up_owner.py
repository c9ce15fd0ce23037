"""The mission report's follow-ups agreed say who takes each one up, when the organizer
recorded it (an outcome's owner): by name, in Arabic script for an Arabic reader. Before,
the table had the meeting, the follow-up and the notes only, and the owner recorded on the
follow-ups page or in the outcomes sheet was in no output. Without any owner recorded the
table keeps its three columns."""

from __future__ import annotations

import re

import pytest

from liqa.core.model import Event, FollowUp, Outcome, OutcomeKind
from liqa.core.outputs.report import compute_figures, report_context
from liqa.core.templating import render
from tests.core.outputs.mission import CYBER_MEETING, NASA_VISIT, make_event, make_schedule

SCHEDULE = make_schedule(2, NASA_VISIT, CYBER_MEETING)


def _agreed(event: Event, lang: str) -> list[list[str]]:
    """The cells of the report's table of follow-ups agreed, header first."""
    html = render("report.html", lang, inline_css="", **report_context(event, SCHEDULE, lang))
    found = re.search(r'<table class="data" id="follow-ups-agreed">(.*?)</table>', html, re.S)
    assert found is not None
    return [
        [re.sub(r"<[^>]+>|[\u2066-\u2069]", "", c).strip() for c in cells]
        for cells in (
            re.findall(r"<t[hd][^>]*>(.*?)</t[hd]>", line, re.S)
            for line in re.findall(r"<tr>(.*?)</tr>", found.group(1), re.S)
        )
    ]


def _event(owner: str | None) -> Event:
    return make_event(
        outcomes=(
            Outcome(NASA_VISIT.id, OutcomeKind.HELD, FollowUp.MOU, owner=owner, notes="Rabat"),
            Outcome(CYBER_MEETING.id, OutcomeKind.HELD, FollowUp.CALL),
        )
    )


@pytest.mark.parametrize(
    ("lang", "owner", "header"),
    [
        ("en", "Sarah Lamrani", "Owner"),
        ("fr", "Sarah Lamrani", "Responsable"),
        ("ar", "سارة لمراني", "المسؤول"),
    ],
)
def test_the_owner_of_a_follow_up_is_named(lang: str, owner: str, header: str) -> None:
    event = _event("p-lamrani")
    assert [a.owner for a in compute_figures(event, SCHEDULE, lang).agreed] == [owner, ""]
    rows = _agreed(event, lang)
    assert rows[0][2] == header
    assert [r[2] for r in rows[1:]] == [owner, ""]
    assert rows[1][3] == "Rabat"


def test_without_an_owner_the_table_keeps_three_columns() -> None:
    rows = _agreed(_event(None), "en")
    assert rows[0] == ["Meeting", "Follow-up", "Notes"]
    assert {len(r) for r in rows} == {3}


def test_an_owner_no_longer_in_the_event_is_named_by_the_id_recorded() -> None:
    assert [a.owner for a in compute_figures(_event("p-gone"), SCHEDULE, "en").agreed] == [
        "p-gone",
        "",
    ]
