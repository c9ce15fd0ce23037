"""The JSON Schema: valid itself, shipped identically in docs/, and agreeing with the loader."""

from __future__ import annotations

import json
from pathlib import Path

from jsonschema import Draft202012Validator
from ruamel.yaml import YAML

from liqa.core.missionfile import dumps_event, load_event, mission_schema

ROOT = Path(__file__).parents[3]
DEMO = ROOT / "examples" / "morocco-us-digital-2024" / "mission.yaml"


def test_schema_is_a_valid_draft_2020_12_schema() -> None:
    Draft202012Validator.check_schema(mission_schema())


def test_docs_copy_of_schema_is_identical_to_the_packaged_one() -> None:
    packaged = ROOT / "src" / "liqa" / "core" / "missionfile" / "mission.schema.json"
    docs = ROOT / "docs" / "reference" / "mission.schema.json"
    assert docs.read_text(encoding="utf-8") == packaged.read_text(encoding="utf-8")


def test_written_demo_mission_passes_the_schema_alone() -> None:
    data = json.loads(dumps_event(load_event(DEMO), "json"))
    assert list(Draft202012Validator(mission_schema()).iter_errors(data)) == []


def test_an_organizations_french_name_passes_the_schema() -> None:
    data = json.loads(dumps_event(load_event(DEMO), "json"))
    data["organizations"][0]["name_fr"] = "Ministère de la Transition numérique"
    assert list(Draft202012Validator(mission_schema()).iter_errors(data)) == []


def test_a_persons_gender_passes_the_schema_as_female_or_male_only() -> None:
    data = json.loads(dumps_event(load_event(DEMO), "json"))
    data["people"][0]["gender"] = "female"
    data["people"][1]["gender"] = "male"
    assert list(Draft202012Validator(mission_schema()).iter_errors(data)) == []
    data["people"][0]["gender"] = "F"
    [error] = Draft202012Validator(mission_schema()).iter_errors(data)
    assert list(error.absolute_path) == ["people", 0, "gender"]


def test_every_top_level_section_of_the_reference_is_in_the_schema() -> None:
    reference = (ROOT / "docs" / "reference" / "mission-file.md").read_text(encoding="utf-8")
    documented = sorted(
        line.split("`")[1]
        for line in reference.splitlines()
        if line.startswith("| `")
        and line.split("|")[2].strip() in ("yes", "no", "for brokerage events")
    )
    assert documented == sorted(mission_schema()["properties"])


def test_schema_examples_in_the_reference_parse_as_yaml() -> None:
    reference = (ROOT / "docs" / "reference" / "mission-file.md").read_text(encoding="utf-8")
    blocks = reference.split("```yaml\n")[1:]
    yaml = YAML(typ="safe", pure=True)
    parsed = [yaml.load(block.split("```")[0]) for block in blocks]
    assert [sorted(block) for block in parsed] == [
        ["event"],
        ["legs"],
        ["venues"],
        ["organizations"],
        ["people"],
        ["requests"],
        ["visits"],
        ["programme"],
        ["brokerage"],
        ["outcomes"],
    ]
