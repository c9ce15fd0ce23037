"""Random, mutated and ill-typed input: always a problem report, never an exception."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from typer.testing import CliRunner

from liqa.cli import app
from liqa.core.missionfile import mission_schema, validate_text
from tests.core.missionfile.factories import VALID

FUZZ = settings(max_examples=40, deadline=None, suppress_health_check=list(HealthCheck))

FIELD_NAMES = sorted(
    {
        name
        for section in mission_schema()["properties"].values()
        for name in (section.get("items", section).get("properties") or {})
    }
    | set(mission_schema()["properties"])
)
SECTIONS = sorted(mission_schema()["properties"])

scalars = st.one_of(
    st.none(),
    st.booleans(),
    st.integers(-(10**6), 10**6),
    st.floats(allow_nan=False, allow_infinity=False),
    st.text(max_size=12),
    st.sampled_from(["2024-02-30", "2024-02-12 09:00", "America/Chicago", "p-1", "12:00", ""]),
)
values = st.recursive(
    scalars,
    lambda inner: st.one_of(
        st.lists(inner, max_size=3),
        st.dictionaries(st.sampled_from(FIELD_NAMES), inner, max_size=4),
    ),
    max_leaves=12,
)
records = st.dictionaries(st.sampled_from(FIELD_NAMES), values, max_size=6)
documents = st.dictionaries(
    st.sampled_from(SECTIONS), st.one_of(values, st.lists(records, max_size=3), records)
)


def _assert_reported(text: str, filename: str) -> None:
    event, problems = validate_text(text, filename)
    assert (event is None) == bool(problems)
    for problem in problems:
        assert problem.message
        assert problem.file == filename


@FUZZ
@given(st.binary(max_size=400))
def test_random_bytes_are_reported(raw: bytes) -> None:
    text = raw.decode("utf-8", "replace")
    _assert_reported(text, "random.yaml")
    _assert_reported(text, "random.json")


@FUZZ
@given(st.text(alphabet=st.sampled_from(list("ab:-[]{}&*!|>'\"%@`#,? \n\t0123")), max_size=120))
def test_random_yaml_punctuation_is_reported(text: str) -> None:
    _assert_reported(text, "punctuation.yaml")


@FUZZ
@given(documents)
def test_ill_typed_documents_are_reported(data: dict[str, Any]) -> None:
    _assert_reported(json.dumps(data), "typed.json")


@st.composite
def mutated(draw: st.DrawFn) -> str:
    lines = VALID.splitlines(keepends=True)
    for _ in range(draw(st.integers(1, 4))):
        index = draw(st.integers(0, len(lines) - 1))
        action = draw(st.sampled_from(["delete", "duplicate", "swap", "char", "indent", "cut"]))
        if action == "delete" and len(lines) > 1:
            del lines[index]
        elif action == "duplicate":
            lines.insert(index, lines[index])
        elif action == "swap":
            other = draw(st.integers(0, len(lines) - 1))
            lines[index], lines[other] = lines[other], lines[index]
        elif action == "char" and lines[index]:
            at = draw(st.integers(0, len(lines[index]) - 1))
            char = draw(st.characters(codec="utf-8"))
            lines[index] = lines[index][:at] + char + lines[index][at + 1 :]
        elif action == "indent":
            lines[index] = "  " + lines[index]
        elif action == "cut":
            lines = lines[: index + 1]
    return "".join(lines)


@FUZZ
@given(mutated())
def test_mutated_mission_is_valid_or_reported(text: str) -> None:
    _assert_reported(text, "mutated.yaml")


@settings(max_examples=15, deadline=None, suppress_health_check=list(HealthCheck))
@given(st.one_of(mutated(), st.binary(max_size=200).map(lambda b: b.decode("latin-1"))))
def test_cli_exits_2_without_traceback_on_broken_input(tmp_path_factory: Any, text: str) -> None:
    path = Path(tmp_path_factory.mktemp("fuzz")) / "mission.yaml"
    path.write_text(text, encoding="utf-8", errors="surrogateescape")
    result = CliRunner().invoke(app, ["validate", str(path)])
    assert "Traceback" not in result.output
    assert result.exit_code in (0, 2)
    assert result.exception is None or isinstance(result.exception, SystemExit)
    if result.exit_code == 2:
        assert result.output.splitlines()[-1].endswith("nothing was loaded.")


@pytest.mark.slow
@settings(max_examples=1500, deadline=None, suppress_health_check=list(HealthCheck))
@given(st.one_of(documents.map(json.dumps), mutated()))
def test_many_broken_inputs_are_reported(text: str) -> None:
    _assert_reported(text, "broken.yaml")
