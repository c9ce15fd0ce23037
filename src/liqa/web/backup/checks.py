"""Reading a backup member: JSON text, its JSON Schema and cross-references, every problem
reported with the archive, the member and the field path."""

from __future__ import annotations

import json
from collections.abc import Iterable, Iterator, Sequence
from datetime import datetime
from typing import Any

from jsonschema import Draft202012Validator, FormatChecker

from liqa.core.problems import Problem

MAX_PROBLEMS = 100
"""A tampered archive can break thousands of fields; the first hundred say enough."""

_formats = FormatChecker(formats=())


@_formats.checks("instant", raises=ValueError)
def _is_instant(value: object) -> bool:
    """An ISO 8601 instant with its UTC offset (naive times are ambiguous)."""
    return not isinstance(value, str) or datetime.fromisoformat(value).tzinfo is not None


INSTANT: dict[str, Any] = {"type": "string", "format": "instant"}
NULLABLE_INSTANT: dict[str, Any] = {"type": ["string", "null"], "format": "instant"}
KEY: dict[str, Any] = {"type": "string", "maxLength": 100}
KEYS: dict[str, Any] = {"type": "array", "items": KEY}
COUNT: dict[str, Any] = {"type": "integer", "minimum": 0, "maximum": 2_147_483_647}
NULLABLE_COUNT: dict[str, Any] = {
    "type": ["integer", "null"],
    "minimum": 0,
    "maximum": 2_147_483_647,
}
NUMBER: dict[str, Any] = {"type": "number"}
NULLABLE_NUMBER: dict[str, Any] = {"type": ["number", "null"]}
TEXT: dict[str, Any] = {"type": "string"}
FLAG: dict[str, Any] = {"type": "boolean"}
TEXTS: dict[str, Any] = {"type": "object", "additionalProperties": {"type": "string"}}


def record(required: dict[str, Any], optional: dict[str, Any] | None = None) -> dict[str, Any]:
    """The schema of an object with these fields and no others."""
    return {
        "type": "object",
        "properties": {**required, **(optional or {})},
        "required": sorted(required),
        "additionalProperties": False,
    }


def records(item: dict[str, Any]) -> dict[str, Any]:
    """The schema of a list of ``item``."""
    return {"type": "array", "items": item}


def choice(values: Iterable[str]) -> dict[str, Any]:
    """The schema of one of ``values``."""
    return {"enum": sorted(values)}


def path_text(parts: Iterable[object]) -> str:
    """``[2].assignments[0].start`` from jsonschema's path parts."""
    text = ""
    for part in parts:
        text += f"[{part}]" if isinstance(part, int) else f".{part}" if text else str(part)
    return text


class Report:
    """Problems found in one archive, each naming the member (``backup.zip:runs.json``)."""

    def __init__(self, archive: str) -> None:
        self.archive = archive
        self.problems: list[Problem] = []

    def add(self, member: str, message: str, path: str = "", hint: str = "") -> None:
        """Record a problem of ``member`` (``""`` for the archive itself)."""
        if len(self.problems) < MAX_PROBLEMS:
            where = f"{self.archive}:{member}" if member else self.archive
            self.problems.append(
                Problem(
                    where,
                    message,
                    hint or "the archive was changed or damaged; use an intact copy",
                    path=path,
                    code="bad_backup",
                )
            )

    def extend(self, problems: Sequence[Problem]) -> None:
        """Record problems found by the core (the mission file's)."""
        self.problems.extend(problems[: MAX_PROBLEMS - len(self.problems)])

    def load(self, member: str, raw: bytes, schema: dict[str, Any]) -> Any | None:
        """The JSON of ``member`` if it parses and matches ``schema``, else ``None``."""
        try:
            data = json.loads(raw.decode("utf-8"))
        except UnicodeDecodeError as exc:
            self.add(member, f"not UTF-8 text (bad byte at offset {exc.start})")
            return None
        except json.JSONDecodeError as exc:
            self.add(member, f"not valid JSON: {exc.msg} (line {exc.lineno}, column {exc.colno})")
            return None
        except RecursionError:
            self.add(member, "not valid JSON: nested too deeply")
            return None
        validator = Draft202012Validator(schema, format_checker=_formats)
        errors = sorted(validator.iter_errors(data), key=lambda e: [str(p) for p in e.path])
        for error in errors:
            self.add(member, _message(error), path_text(error.absolute_path))
        return None if errors else data

    def references(self, member: str, found: Iterator[tuple[str, str]]) -> None:
        """Record each ``(path, message)`` of a section's reference check."""
        for path, message in found:
            self.add(member, message, path)


def _message(error: Any) -> str:
    if error.validator == "format":
        return f"{error.instance!r} is not an instant with its UTC offset (ISO 8601)"
    if error.validator == "additionalProperties":
        return f"unknown field ({error.message})"
    return str(error.message)


def duplicates(
    items: Sequence[dict[str, Any]], fields: tuple[str, ...], what: str
) -> Iterator[tuple[str, str]]:
    """``(path, message)`` for every item repeating the ``fields`` of an earlier one."""
    seen: dict[tuple[Any, ...], int] = {}
    for index, item in enumerate(items):
        key = tuple(json.dumps(item.get(f), sort_keys=True) for f in fields)
        if key in seen:
            shown = ", ".join(f"{f}={item.get(f)!r}" for f in fields)
            yield f"[{index}]", f"a second {what} with {shown} (first at [{seen[key]}])"
        else:
            seen[key] = index


def unknown(value: str, known: set[str] | dict[str, Any], what: str) -> str | None:
    """A message when a non-empty ``value`` is not among ``known``."""
    if value and value not in known:
        return f"unknown {what} {value!r}"
    return None
