"""Mission files: every fuzzed input loads, or gives problems naming file and line or field.

The entry points are the public ones: ``validate_text``, ``parse_event`` and
``load_event`` from :mod:`liqa.core.missionfile`. An accepted file must also write back
to a file that loads to an equal event (the documented round trip).
"""

from __future__ import annotations

import tempfile
from pathlib import Path

import pytest
from hypothesis import given

from liqa.core.missionfile import dumps_event, load_event, parse_event, validate_text
from liqa.core.model import Event
from liqa.core.problems import InputError
from tests.fuzz.missions import mission_bytes, mission_texts, mutated_missions
from tests.fuzz.oracle import problems_are_located
from tests.fuzz.profiles import long, quick
from tests.fuzz.seeds import SEED_TEXTS


def _round_trips(event: Event, filename: str) -> None:
    written = dumps_event(event, "json" if filename.lower().endswith(".json") else "yaml")
    again, problems = validate_text(written, filename)
    assert problems == [], [str(p) for p in problems]
    assert again == event


def check_text(filename: str, text: str) -> None:
    """``validate_text`` and ``parse_event`` agree, and say where every problem is."""
    event, problems = validate_text(text, filename)
    if event is None:
        problems_are_located(problems, [filename])
        with pytest.raises(InputError) as raised:
            parse_event(text, filename)
        assert raised.value.problems == problems
    else:
        assert problems == []
        assert parse_event(text, filename) == event
        _round_trips(event, filename)


def check_bytes(filename: str, raw: bytes) -> None:
    """``load_event`` on a file with these bytes: an event, or located problems."""
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / filename
        path.write_bytes(raw)
        try:
            load_event(path)
        except InputError as error:
            problems_are_located(error.problems, [str(path)])


def test_seeds_are_valid_missions() -> None:
    assert {name: validate_text(text, name)[1] for name, text in SEED_TEXTS.items()} == {
        name: [] for name in SEED_TEXTS
    }


@quick(40)
@given(mutated_missions())
def test_broken_mission_data_is_loaded_or_located(case: tuple[str, str]) -> None:
    check_text(*case)


@quick(30)
@given(mission_texts())
def test_hostile_mission_text_is_loaded_or_located(case: tuple[str, str]) -> None:
    check_text(*case)


@quick(15)
@given(mission_bytes())
def test_mission_file_bytes_are_loaded_or_located(case: tuple[str, bytes]) -> None:
    check_bytes(*case)


@pytest.mark.slow
@long("mission_data")
@given(mutated_missions())
def test_broken_mission_data_is_loaded_or_located_at_length(case: tuple[str, str]) -> None:
    check_text(*case)


@pytest.mark.slow
@long("mission_yaml")
@given(mission_texts())
def test_hostile_mission_text_is_loaded_or_located_at_length(case: tuple[str, str]) -> None:
    check_text(*case)


@pytest.mark.slow
@long("mission_bytes")
@given(mission_bytes())
def test_mission_file_bytes_are_loaded_or_located_at_length(case: tuple[str, bytes]) -> None:
    check_bytes(*case)
