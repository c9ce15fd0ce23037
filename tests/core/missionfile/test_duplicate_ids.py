"""A duplicate id in mission data that has no lines (made in memory: imported tables, the
web's edits) is told without a line number ("first use on line None" before)."""

from __future__ import annotations

import yaml

from liqa.core.missionfile.checks import semantic_problems
from liqa.core.missionfile.reading import Document
from tests.core.missionfile.factories import VALID


def test_duplicate_id_in_data_without_lines_names_no_line() -> None:
    data = yaml.safe_load(VALID)
    data["people"][1]["id"] = data["people"][0]["id"]
    [problem] = [p for p in semantic_problems(Document(data), "data") if p.code == "duplicate_id"]
    assert (problem.path, problem.line, problem.message, problem.hint) == (
        "people[1].id",
        None,
        f"duplicate id '{data['people'][0]['id']}' (already used at people[0])",
        "ids must be unique in the whole event; give one of them another id",
    )
