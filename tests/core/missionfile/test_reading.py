"""Whatever the bytes, reading a mission file ends in a clear problem, never a traceback."""

from __future__ import annotations

from pathlib import Path

import pytest

from liqa.core.missionfile import MAX_BYTES, load_event, validate_file, validate_text
from liqa.core.problems import InputError
from tests.core.missionfile.factories import VALID, brief, problems_of

DEPTH_HINT = "a mission file needs only a few levels: check the indentation"
SYNTAX_HINT = "check indentation, colons and quotes near this line"


def _bomb(levels: int) -> str:
    text = 'a: &a ["lol","lol","lol","lol","lol","lol","lol","lol","lol"]\n'
    for i in range(levels):
        name, previous = chr(98 + i), chr(97 + i)
        text += f"{name}: &{name} [" + ",".join([f"*{previous}"] * 9) + "]\n"
    return text


def test_empty_file_is_reported() -> None:
    assert brief(problems_of("")) == [
        (
            None,
            "",
            "the file is empty",
            "start from examples/morocco-us-digital-2024/mission.yaml",
            "empty_file",
        )
    ]


def test_file_with_only_comments_is_reported() -> None:
    assert brief(problems_of("# a mission, some day\n")) == [
        (None, "", "the file holds no data (only comments?)", "", "empty_file")
    ]


def test_binary_junk_is_reported_as_not_utf8(tmp_path: Path) -> None:
    junk = tmp_path / "mission.yaml"
    junk.write_bytes(bytes(range(256)) * 10)
    assert brief(validate_file(junk)[1]) == [
        (
            2,
            "",
            "the file is not UTF-8 text (byte 0x80 at offset 128)",
            "save the file as UTF-8 (in a spreadsheet or editor: 'UTF-8' encoding)",
            "not_utf8",
        )
    ]


def test_latin1_file_names_the_line_of_the_first_bad_byte(tmp_path: Path) -> None:
    path = tmp_path / "mission.yaml"
    path.write_bytes("liqa: 1\nevent:\n  title: Société\n".encode("latin-1"))
    assert [(p.line, p.code) for p in validate_file(path)[1]] == [(3, "not_utf8")]


def test_nul_bytes_are_reported_as_binary() -> None:
    assert brief(problems_of("liqa: 1\n\x00\x01")) == [
        (
            2,
            "",
            "the file contains NUL bytes: it is binary, not a YAML or JSON text file",
            "give the mission file (.yaml or .json), not a spreadsheet or archive",
            "binary_file",
        )
    ]


def test_control_character_is_reported_with_its_line() -> None:
    assert brief(problems_of("liqa: 1\nevent: \x07\n")) == [
        (
            2,
            "",
            "the file contains a character YAML does not allow "
            "(special characters are not allowed: #x0007)",
            "remove control characters; is this really a text file?",
            "syntax_error",
        )
    ]


def test_200_megabyte_file_is_refused_before_reading(tmp_path: Path) -> None:
    path = tmp_path / "huge.yaml"
    with path.open("wb") as handle:
        handle.truncate(200 * 1024 * 1024)  # sparse: no disk space, no time
    assert brief(validate_file(path)[1]) == [
        (
            None,
            "",
            f"the file is too large (200.0 MiB; the limit is {MAX_BYTES // 2**20} MiB)",
            "is this really a mission file? Spreadsheets are read with 'liqa import'",
            "file_too_large",
        )
    ]


def test_deeply_nested_flow_yaml_is_refused() -> None:
    assert brief(problems_of("a: " + "[" * 5000 + "]" * 5000 + "\n")) == [
        (1, "", "the data is nested more than 40 levels deep", DEPTH_HINT, "too_deep")
    ]


def test_deeply_nested_block_yaml_is_refused() -> None:
    text = "".join("  " * i + f"k{i}:\n" for i in range(200)) + "  " * 200 + "x\n"
    assert brief(problems_of(text)) == [
        (41, "", "the data is nested more than 40 levels deep", DEPTH_HINT, "too_deep")
    ]


def test_deeply_nested_json_is_refused() -> None:
    assert brief(problems_of("[" * 100_000 + "]" * 100_000, "mission.json")) == [
        (None, "", "the data is nested more than 40 levels deep", DEPTH_HINT, "too_deep")
    ]


def test_anchors_bomb_is_refused() -> None:
    assert brief(problems_of(_bomb(8))) == [
        (
            6,
            "",
            "the file expands to more than 200,000 values",
            "YAML aliases multiply data (an anchors bomb?); write the values out",
            "too_many_values",
        )
    ]


def test_too_many_aliases_are_refused() -> None:
    text = "x: &x 1\n" + "".join(f"k{i}: *x\n" for i in range(101))
    assert brief(problems_of(text)) == [
        (
            102,
            "",
            "the file uses more than 100 YAML aliases (*name)",
            "write the values out; liqa refuses alias-heavy files "
            "(a 'billion laughs' bomb looks like this)",
            "too_many_aliases",
        )
    ]


def test_recursive_alias_is_refused() -> None:
    assert brief(problems_of("a: &a [1, *a]\n")) == [
        (
            1,
            "",
            "a YAML alias refers to the value that contains it (a loop)",
            "write the values out instead of using an alias",
            "recursive_alias",
        )
    ]


def test_python_tag_is_refused_without_running_anything() -> None:
    text = "liqa: !!python/object/apply:os.system ['echo owned']\n"
    assert brief(problems_of(text)) == [
        (
            1,
            "",
            "unsupported YAML tag 'tag:yaml.org,2002:python/object/apply:os.system'",
            "remove the tag (liqa reads plain values only)",
            "unsupported_tag",
        )
    ]


def test_syntax_error_names_the_line() -> None:
    assert brief(problems_of("liqa: 1\nevent:\n  id: [unclosed\n")) == [
        (
            4,
            "",
            "invalid YAML: expected ',' or ']', but got '<stream end>' "
            "(while parsing a flow sequence)",
            SYNTAX_HINT,
            "syntax_error",
        )
    ]


def test_two_documents_are_refused() -> None:
    assert brief(problems_of("liqa: 1\n---\nliqa: 2\n")) == [
        (
            2,
            "",
            "the file holds more than one YAML document (a second '---')",
            "keep one mission per file",
            "syntax_error",
        )
    ]


def test_alias_before_its_anchor_is_refused() -> None:
    assert brief(problems_of("a: *b\nb: &b 1\n")) == [
        (
            1,
            "",
            "the alias *b has no complete anchor &b before it",
            "define the anchor first; an alias cannot refer to the value that contains it",
            "bad_alias",
        )
    ]


def test_duplicate_key_is_reported() -> None:
    assert brief(problems_of("liqa: 1\nevent: {}\nliqa: 1\n")) == [
        (
            3,
            "liqa",
            "the key 'liqa' appears twice in the same mapping",
            "remove one of them",
            "duplicate_key",
        )
    ]


def test_list_at_top_level_is_reported() -> None:
    assert brief(problems_of("- a\n- b\n")) == [
        (
            1,
            "",
            "the file holds a list, not a mission (a mapping of sections)",
            "a mission file starts with 'liqa: 2' then 'event:', 'legs:', ...",
            "not_a_mapping",
        )
    ]


def test_json_syntax_error_names_line_and_column() -> None:
    assert brief(problems_of('{"liqa": 1,\n "event": {,}}', "mission.json")) == [
        (
            2,
            "",
            "invalid JSON: Expecting property name enclosed in double quotes (column 12)",
            "check commas, quotes and brackets near this line",
            "syntax_error",
        )
    ]


def test_missing_file_is_reported(tmp_path: Path) -> None:
    assert brief(validate_file(tmp_path / "nope.yaml")[1]) == [
        (None, "", "no such file", "check the path", "no_file")
    ]


def test_load_event_raises_input_error_with_every_problem(tmp_path: Path) -> None:
    path = tmp_path / "mission.yaml"
    path.write_text(
        VALID.replace("    to: h-nasa\n", "    to: h-nsa\n").replace(
            "    lat: 29.752\n", "    lat: 99\n"
        ),
        encoding="utf-8",
    )
    with pytest.raises(InputError) as caught:
        load_event(path)
    assert [(p.line, p.code) for p in caught.value.problems] == [
        (24, "out_of_range"),
        (52, "unknown_reference"),
    ]


def test_yaml_merge_keys_are_supported() -> None:
    text = VALID.replace(
        "  - id: v-nasa\n    name: NASA Johnson Space Center\n    city: Houston\n"
        "    timezone: America/Chicago\n",
        "  - &houston {id: v-nasa, name: NASA, city: Houston, timezone: America/Chicago}\n"
        "  - {<<: *houston, id: v-jsc, name: JSC}\n",
    )
    event, problems = validate_text(text, "mission.yaml")
    assert problems == []
    assert event is not None
    assert [(v.id, v.name, v.timezone) for v in event.venues] == [
        ("v-hotel", "Hilton Americas", "America/Chicago"),
        ("v-nasa", "NASA", "America/Chicago"),
        ("v-jsc", "JSC", "America/Chicago"),
    ]


def test_json_surrogate_pair_escapes_become_one_character() -> None:
    text = VALID.replace("    name: Sarah Lamrani\n", '    name: "Sarah \\ud83d\\ude00"\n')
    event, problems = validate_text(text, "mission.yaml")
    assert problems == []
    assert event is not None
    assert event.person("p-lamrani").name == "Sarah 😀"


def test_lone_surrogate_escape_is_reported() -> None:
    assert brief(problems_of('{"liqa": "\\ud83d x"}', "mission.json")) == [
        (
            1,
            "",
            "the text holds a broken \\u escape (half of a surrogate pair)",
            "write the character itself, or both halves of the pair",
            "syntax_error",
        )
    ]
