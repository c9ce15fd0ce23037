"""Fixtures for the bundled example events: each file is loaded once per test session."""

from __future__ import annotations

from pathlib import Path

import pytest

from liqa.core.missionfile import load_event
from liqa.core.model import Event

EXAMPLES = Path(__file__).resolve().parents[2] / "examples"
DEMO = EXAMPLES / "morocco-us-digital-2024" / "mission.yaml"
BROKERAGE = EXAMPLES / "brokerage-day" / "mission.yaml"


@pytest.fixture(scope="session")
def demo() -> Event:
    """The demo trade mission, loaded with the project's loader."""
    return load_event(DEMO)


@pytest.fixture(scope="session")
def brokerage() -> Event:
    """The generated one-day brokerage event."""
    return load_event(BROKERAGE)
