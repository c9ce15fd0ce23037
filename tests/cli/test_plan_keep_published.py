"""``liqa plan --previous … --keep-published``: the previous plan's meetings stay where they
are; a new meeting that fits nowhere else is listed as not placed, saying why; a cancelled
request is named by its parties. Real runs of the command on the brokerage-day example."""

from __future__ import annotations

import json
from collections import Counter
from pathlib import Path
from typing import Any

import pytest
from typer.testing import CliRunner

from liqa.cli import app

ROOT = Path(__file__).parents[2]
BROKERAGE = ROOT / "examples" / "brokerage-day" / "mission.yaml"


def _run(*args: str) -> tuple[int, str]:
    result = CliRunner().invoke(app, list(args))
    assert result.exception is None or isinstance(result.exception, SystemExit), result.exception
    assert "Traceback" not in result.output
    return result.exit_code, result.output


def _plan(path: Path) -> dict[str, dict[str, Any]]:
    data = json.loads(path.read_text(encoding="utf-8"))
    return {row["key"]: row for row in data["assignments"]}


@pytest.fixture(scope="module")
def replanned(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, Path, str, str]:
    """The brokerage day planned (greedy), then r-001 cancelled and a must-meet request
    (priority 3) added for the participant with the most morning meetings, in the morning;
    re-planned keeping the published meetings in place. The previous plan, the new one, the
    output, and the added request's busy party."""
    from liqa.core.missionfile import load_event
    from liqa.core.outputs.planfile import write_plan
    from liqa.core.scheduling.planning import PlanSettings, plan_event

    tmp = tmp_path_factory.mktemp("keep")
    day = tmp / "day.yaml"
    day.write_bytes(BROKERAGE.read_bytes())
    event = load_event(day)
    first = plan_event(event, PlanSettings(method="greedy"))
    plan = write_plan(tmp / "v1" / "plan.json", event, first.schedule, day)
    morning = Counter(
        pid for a in first.schedule.assignments if a.start.hour < 12 for pid in a.parties
    )
    busy, count = morning.most_common(1)[0]
    assert count == 8  # max_meetings_per_session: the morning is full for them
    met = {pid for a in first.schedule.assignments if busy in a.parties for pid in a.parties}
    other = next(p.id for p in event.people if p.id not in met)
    text = day.read_text(encoding="utf-8")
    lines = [line for line in text.splitlines() if "{id: r-001," not in line]
    lines.append(
        f"  - {{id: r-new, from: {busy}, to: {other}, priority: 3, status: accepted, "
        'message: "Late request", session: morning}'
    )
    day.write_text("\n".join(lines) + "\n", encoding="utf-8")
    out = tmp / "v2"
    args = ("--out", str(out), "--lang", "en", "--method", "greedy", "--keep-published")
    code, output = _run("plan", str(day), "--previous", str(plan), *args)
    assert code == 0, output
    return plan, out / "plan.json", output, busy


def test_every_other_meeting_keeps_its_time_and_table(
    replanned: tuple[Path, Path, str, str],
) -> None:
    plan, new_plan, _, _ = replanned
    old, new = _plan(plan), _plan(new_plan)
    assert "r-001" in old
    assert "r-001" not in new
    assert "r-new" not in new
    for key, row in old.items():
        if key != "r-001":
            assert (new[key]["start"], new[key]["table"]) == (row["start"], row["table"]), key


def test_the_new_meeting_is_not_placed_because_published_meetings_stay(
    replanned: tuple[Path, Path, str, str],
) -> None:
    _, new_plan, output, _ = replanned
    assert "Meetings placed: 409; not placed: 1" in output
    line = next(line for line in output.splitlines() if "(r-new)" in line)
    assert ": published meetings kept in place — " in line
    unplaced = json.loads(new_plan.read_text(encoding="utf-8"))["unplaced"]
    assert {"id": "r-new", "reason": "kept_in_place"} in [
        {"id": u["id"], "reason": u["reason"]} for u in unplaced
    ]


def test_a_cancelled_request_is_named_by_its_parties(
    replanned: tuple[Path, Path, str, str],
) -> None:
    _, _, output, _ = replanned
    assert "r-001 (r-001)" not in output
    assert "  dropped: Khadija Guessous – Olivier Garnier (r-001), was " in output


def test_keep_published_without_previous_exits_2(tmp_path: Path) -> None:
    code, output = _run("plan", str(BROKERAGE), "--keep-published")
    assert code == 2
    assert "--keep-published" in output
    assert "--previous" in output
