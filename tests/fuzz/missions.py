"""Strategies for mission files: near-valid data, hostile YAML, and raw bytes.

- :func:`mutated_missions` starts from a valid seed (:mod:`tests.fuzz.seeds`) and breaks
  it in a few places (missing keys, wrong types, hostile values, duplicated ids), then
  writes it as YAML or JSON: most cases get past the syntax and reach the schema,
  reference and time checks.
- :func:`hostile_yaml` writes what only YAML allows: anchor bombs, recursive aliases,
  deep nesting, tags, merge keys, several documents, complex keys.
- :func:`mission_bytes` encodes a case as a file would arrive: UTF-8 with or without a
  BOM, UTF-16, Latin-1, Windows-1256, with stray bytes.
"""

from __future__ import annotations

import copy
import io
import json
import re
from typing import Any

from hypothesis import strategies as st
from ruamel.yaml import YAML

from tests.fuzz import hostile
from tests.fuzz.seeds import SEED_TEXTS, seed_data

Path = tuple[str | int, ...]

FIELD_POOLS: dict[str, list[Any]] = {
    "timezone": hostile.ZONES,
    "start": hostile.DATES + hostile.INSTANTS + hostile.TIMES,
    "end": hostile.DATES + hostile.INSTANTS + hostile.TIMES,
    "fixed_start": hostile.INSTANTS,
    "created_at": hostile.INSTANTS,
    "recorded_at": hostile.INSTANTS,
    "id": hostile.IDS,
    "from": hostile.IDS,
    "to": hostile.IDS,
    "organization": hostile.IDS,
    "host": hostile.IDS,
    "venue": hostile.IDS,
    "hotel": hostile.IDS,
    "session": hostile.IDS,
    "owner": hostile.IDS,
    "assignment": hostile.IDS,
    "lat": hostile.FLOATS + hostile.INTEGERS,
    "lon": hostile.FLOATS + hostile.INTEGERS,
    "minutes": hostile.INTEGERS,
    "slot_minutes": hostile.INTEGERS,
    "duration_minutes": hostile.INTEGERS,
    "tables": hostile.INTEGERS,
    "table": hostile.INTEGERS,
    "priority": [*hostile.INTEGERS, "must_meet", "Must Meet", "4", 2.5],
    "max": hostile.INTEGERS,
    "min_size": hostile.INTEGERS,
    "speed_kmh": hostile.FLOATS + hostile.INTEGERS,
    "detour_factor": hostile.FLOATS,
    "liqa": [0, 1, 2, "1", 1.0, None, 10**400],
    "languages": [["ar", "ar"], ["xx"], "ar", [], ["AR"], [None]],
    "after": [["r-1", "r-1"], ["r-2"], ["missing"], "r-1", []],
    "attendees": [["p-amina", "p-amina"], ["p-lamrani"], ["nobody"], "p-amina"],
}
"""Values worth trying for a field, by its key (the seed files use all of these keys)."""

ACTIONS = (
    "delete",
    "replace",
    "field",
    "duplicate",
    "steal_id",
    "unknown_key",
    "wrap",
    "stringify",
    "empty",
)


def _paths(data: Any, prefix: Path = ()) -> list[Path]:
    """Every path in ``data``, parents before children."""
    out: list[Path] = [prefix]
    if isinstance(data, dict):
        for key, value in data.items():
            out += _paths(value, (*prefix, key))
    elif isinstance(data, list):
        for index, value in enumerate(data):
            out += _paths(value, (*prefix, index))
    return out


def _get(data: Any, path: Path) -> Any:
    for part in path:
        data = data[part]
    return data


def _set(data: Any, path: Path, value: Any) -> Any:
    if not path:
        return value
    _get(data, path[:-1])[path[-1]] = value
    return data


def _delete(data: Any, path: Path) -> Any:
    if not path:
        return data
    parent = _get(data, path[:-1])
    del parent[path[-1]]
    return data


@st.composite
def mutated_data(draw: st.DrawFn) -> Any:
    """A seed mission's data broken in one to five places."""
    data = seed_data(draw(st.sampled_from(sorted(SEED_TEXTS))))
    for _ in range(draw(st.integers(1, 5))):
        paths = _paths(data)
        path = draw(st.sampled_from(paths))
        action = draw(st.sampled_from(ACTIONS))
        current = _get(data, path)
        key = next((part for part in reversed(path) if isinstance(part, str)), "")
        if action == "delete":
            data = _delete(data, path)
        elif action == "replace":
            data = _set(data, path, draw(hostile.hostile_values()))
        elif action == "field":
            pool = FIELD_POOLS.get(key) or hostile.TEXTS
            data = _set(data, path, copy.deepcopy(draw(st.sampled_from(pool))))
        elif action == "duplicate" and isinstance(current, list) and current:
            current.append(copy.deepcopy(draw(st.sampled_from(current))))
        elif action == "steal_id":
            ids = [p for p in paths if p and p[-1] == "id"]
            if len(ids) > 1:
                source, target = draw(st.permutations(ids))[:2]
                data = _set(data, target, _get(data, source))
        elif action == "unknown_key" and isinstance(current, dict):
            current[draw(st.sampled_from([*FIELD_POOLS, "extra", "", "\u202eid", "Id"]))] = draw(
                hostile.hostile_scalars()
            )
        elif action == "wrap":
            data = _set(data, path, draw(st.sampled_from([[current], {"value": current}])))
        elif action == "stringify":
            data = _set(data, path, str(current))
        elif action == "empty":
            data = _set(data, path, draw(st.sampled_from([[], {}, "", None])))
    return data


def to_yaml(data: Any) -> str:
    """``data`` written as block YAML (every value quoted as needed to keep its type)."""
    yaml = YAML(typ="safe", pure=True)
    yaml.allow_unicode = True
    yaml.default_flow_style = False
    stream = io.StringIO()
    yaml.dump(data, stream)
    return stream.getvalue()


@st.composite
def mutated_missions(draw: st.DrawFn) -> tuple[str, str]:
    """``(file name, text)`` of a broken seed mission, as YAML or JSON."""
    data = draw(mutated_data())
    if draw(st.booleans()):
        return "mission.json", json.dumps(data, ensure_ascii=draw(st.booleans()), indent=1)
    return "mission.yaml", to_yaml(data)


def _bomb(levels: int, width: int) -> str:
    lines = ["a0: &a0 [lol]"]
    for level in range(1, levels + 1):
        refs = ", ".join(f"*a{level - 1}" for _ in range(width))
        lines.append(f"a{level}: &a{level} [{refs}]")
    return "\n".join(lines) + "\n"


def _nested(depth: int, style: str) -> str:
    if style == "flow_list":
        return "people: " + "[" * depth + "]" * depth + "\n"
    if style == "flow_map":
        return "people: " + "{a: " * depth + "b" + "}" * depth + "\n"
    return "people:\n" + "".join("  " * (i + 1) + f"k{i}:\n" for i in range(depth))


SNIPPETS = [
    "x: !!python/object/apply:os.system ['echo pwned']\n",
    "x: !!python/name:builtins.eval\n",
    "x: !custom {a: 1}\n",
    "x: !!binary aGVsbG8=\n",
    "x: !!set {a, b}\n",
    "x: !!omap [a: 1]\n",
    "x: !!timestamp 2024-02-12\n",
    "x: !!str 12\n",
    "x: !!int '0x1F'\n",
    "x: !!float '1e400'\n",
    "x: &r [*r]\n",
    "x: *nowhere\n",
    "base: &b {id: p-x, name: X}\npeople: [{<<: *b, organization: DGSSI}]\n",
    "people: [{<<: [*nowhere]}]\n",
    "b: &b 12\npeople: [{<<: *b}]\n",
    "? [complex, key]\n: value\n",
    "? {a: 1}\n: value\n",
    "1: one\nnull: nothing\ntrue: yes\n1.5: float\n",
    "%YAML 1.1\n---\nliqa: 1\n",
    "%TAG ! tag:evil.example,2024:\n---\nx: !thing 1\n",
    "liqa: 1\n---\nliqa: 1\n",
    "liqa: 1\n...\n",
    "liqa: 1\nliqa: 2\n",
    "\tliqa: 1\n",
    "liqa: 'unterminated\n",
    'liqa: "\\ud800"\n',
    'liqa: "\\udc00\\ud800"\n',
    'liqa: "\\U0001F600 \\x00"\n',
    "liqa: |\n  \x07bell\n",
    "liqa: \x1b[31mred\n",
    "liqa: \ufffe\n",
    "- just\n- a\n- list\n",
    "just a scalar\n",
    "# only a comment\n",
    "---\n",
    "",
    "\n\n   \n",
    "{" * 200,
    "]" * 10,
]


@st.composite
def hostile_yaml(draw: st.DrawFn) -> tuple[str, str]:
    """``(file name, text)``: a YAML attack alone, or spliced into a valid seed."""
    attack = draw(
        st.one_of(
            st.sampled_from(SNIPPETS),
            st.builds(_bomb, st.integers(1, 12), st.integers(2, 12)),
            st.builds(
                _nested,
                st.sampled_from([10, 39, 40, 41, 100, 1000, 20_000]),
                st.sampled_from(["flow_list", "flow_map", "block"]),
            ),
        )
    )
    seed = SEED_TEXTS[draw(st.sampled_from(sorted(SEED_TEXTS)))]
    where = draw(st.sampled_from(["alone", "before", "after", "section"]))
    if where == "alone":
        text = attack
    elif where == "before":
        text = attack + seed
    elif where == "after":
        text = seed + attack
    else:
        lines = seed.splitlines(keepends=True)
        tops = [i for i, line in enumerate(lines) if re.match(r"^[a-z]+:", line)]
        at = draw(st.sampled_from(tops))
        text = "".join(lines[:at]) + attack + "".join(lines[at + 1 :])
    return draw(st.sampled_from(["mission.yaml", "mission.yml", "mission.json"])), text


@st.composite
def mutated_text(draw: st.DrawFn) -> tuple[str, str]:
    """``(file name, text)``: a seed with lines cut, repeated, re-indented, or its dates
    and times replaced (so that days fall on daylight-saving changes or outside legs)."""
    name = draw(st.sampled_from(sorted(SEED_TEXTS)))
    lines = SEED_TEXTS[name].splitlines(keepends=True)
    for _ in range(draw(st.integers(1, 4))):
        index = draw(st.integers(0, len(lines) - 1))
        action = draw(st.sampled_from(["delete", "duplicate", "indent", "char", "dates"]))
        if action == "delete" and len(lines) > 1:
            del lines[index]
        elif action == "duplicate":
            lines.insert(index, lines[index])
        elif action == "indent":
            lines[index] = draw(st.sampled_from(["  ", "\t", " "])) + lines[index]
        elif action == "char" and lines[index]:
            at = draw(st.integers(0, len(lines[index]) - 1))
            char = draw(st.characters(codec="utf-8") | st.sampled_from(hostile.BIDI))
            lines[index] = lines[index][:at] + char + lines[index][at + 1 :]
        elif action == "dates":
            day = draw(st.sampled_from(hostile.DATES))
            lines = [re.sub(r"20(24|30)-0[23]-1[0-9]", day, line) for line in lines]
    return name, "".join(lines)


def mission_texts() -> st.SearchStrategy[tuple[str, str]]:
    """Any mission file case: broken data, hostile YAML or a mutated seed text."""
    return st.one_of(mutated_missions(), hostile_yaml(), mutated_text())


ENCODINGS = ["utf-8", "utf-8-sig", "utf-16", "utf-16-le", "utf-16-be", "latin-1", "cp1256"]


@st.composite
def mission_bytes(draw: st.DrawFn) -> tuple[str, bytes]:
    """``(file name, bytes)``: a case encoded as a file from another program might be."""
    name, text = draw(mission_texts())
    encoding = draw(st.sampled_from(ENCODINGS))
    raw = bytearray(text.encode(encoding, errors="replace"))
    for _ in range(draw(st.integers(0, 2))):
        at = draw(st.integers(0, len(raw)))
        raw[at:at] = draw(
            st.sampled_from([b"\x00", b"\xff\xfe", b"\xef\xbb\xbf", b"\xc3", b"\x80"])
        )
    suffix = draw(st.sampled_from(["", ".yaml", ".json", ".txt", ".YAML"]))
    return (name.rsplit(".", 1)[0] + suffix) if suffix else name, bytes(raw)
