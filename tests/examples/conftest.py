"""Fixtures for the bundled example events: each file is read and checked once per session."""

from __future__ import annotations

from pathlib import Path

import pytest

from liqa.core.missionfile import validate_file
from liqa.core.model import Event
from liqa.core.problems import Problem

EXAMPLES = Path(__file__).resolve().parents[2] / "examples"
DEMO = EXAMPLES / "morocco-us-digital-2024" / "mission.yaml"
BROKERAGE = EXAMPLES / "brokerage-day" / "mission.yaml"

Checked = tuple[Event | None, list[Problem]]


@pytest.fixture(scope="session")
def demo_checked() -> Checked:
    """The demo trade mission as the project's loader sees it: event and problems."""
    return validate_file(DEMO)


@pytest.fixture(scope="session")
def brokerage_checked() -> Checked:
    """The generated brokerage event as the project's loader sees it."""
    return validate_file(BROKERAGE)


@pytest.fixture(scope="session")
def demo(demo_checked: Checked) -> Event:
    """The demo trade mission (tests fail here when it does not load)."""
    event, problems = demo_checked
    assert event is not None, "\n".join(str(p) for p in problems)
    return event


@pytest.fixture(scope="session")
def brokerage(brokerage_checked: Checked) -> Event:
    """The generated one-day brokerage event."""
    event, problems = brokerage_checked
    assert event is not None, "\n".join(str(p) for p in problems)
    return event
