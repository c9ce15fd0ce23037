"""The JSON Schema of the mission file, and its errors as :class:`Problem` records with hints."""

from __future__ import annotations

import difflib
import json
from functools import cache
from importlib import resources
from typing import Any

from jsonschema import Draft202012Validator, ValidationError

from liqa.core.missionfile.reading import Document, Path, format_path
from liqa.core.missionfile.values import FORMAT_VERSION
from liqa.core.problems import Message, Problem


@cache
def mission_schema() -> dict[str, Any]:
    """The mission file's JSON Schema (draft 2020-12), as shipped in the package."""
    text = resources.files("liqa.core.missionfile").joinpath("mission.schema.json").read_text()
    schema: dict[str, Any] = json.loads(text)
    return schema


@cache
def _validator() -> Draft202012Validator:
    return Draft202012Validator(mission_schema())


def schema_problems(document: Document, filename: str) -> list[Problem]:
    """Every schema violation of ``document``, one problem each, with a line and a hint."""
    problems: list[Problem] = []
    for error in _validator().iter_errors(document.data):
        problems.extend(_translate(error, document, filename))
    return problems


HINTS: dict[str, Message] = {
    hint: hint
    for hint in (
        Message(
            "One trade mission or brokerage event, as read by 'liqa validate'. "
            "See docs/reference/mission-file.md."
        ),
        Message("a plain string (English) or a mapping {{ar: ..., fr: ..., en: ...}}"),
        Message(
            "an organizer's name: a plain string (English) or a mapping "
            "{{ar: ..., fr: ..., en: ...}} with at least one of them"
        ),
        Message("write the organizer's name in this language as text, or remove this language"),
        Message("an IANA time zone name such as America/Chicago or Africa/Casablanca"),
        Message("ids use letters, digits, '-', '_' and '.', and start with a letter or digit"),
        Message(
            "write 'YYYY-MM-DD HH:MM' (local time of the place, else of the leg) "
            "or ISO 8601 with an offset"
        ),
        Message(
            "the format version: 2 (a time without an offset is local time of its place, "
            "else of its leg) or 1 (files of older liqa: local time of the leg)"
        ),
        Message("write dates as YYYY-MM-DD, e.g. 2024-02-12"),
        Message('write times of day as HH:MM (24 h), e.g. "08:30" in quotes'),
        Message("grammatical gender of the person's title in French and Arabic"),
        Message(
            "the venue's name in French (its official one), which French agendas and "
            "calendars show instead of 'name'"
        ),
    )
}
"""The schema's descriptions, which are the hints of its errors, as translatable messages."""


_VERSION_TITLE = "format version"
"""The title of the schema's ``liqa`` key, whose errors get their own message."""


def _add_field(name: str, schema: dict[str, Any]) -> Message:
    """How to add the missing field ``name`` of ``schema``: what it holds, when the schema
    says (a date, a time zone...), else where the format is described."""
    field = schema.get("properties", {}).get(name, {})
    ref = str(field.get("$ref", ""))
    if ref.startswith("#/$defs/"):
        field = mission_schema().get("$defs", {}).get(ref.removeprefix("#/$defs/"), {})
    description = str(field.get("description", ""))
    if field.get("title") == _VERSION_TITLE:
        return Message("add '{name}: {value}' here", name=name, value=FORMAT_VERSION)
    if description in HINTS:
        return Message("add '{name}:' here; {about}", name=name, about=HINTS[description])
    return Message("add '{name}:' here (see docs/reference/mission-file.md)", name=name)


def _translate(error: ValidationError, document: Document, filename: str) -> list[Problem]:
    path: Path = tuple(error.absolute_path)
    schema = error.schema if isinstance(error.schema, dict) else {}
    value: Any = error.instance
    description = str(schema.get("description", ""))
    hint = HINTS.get(description, description)

    def problem(message: str, at: Path = path, hint: str = hint, code: str = "") -> Problem:
        return Problem(
            filename,
            message,
            hint=hint,
            line=document.line(at),
            path=format_path(at),
            code=code,
        )

    match error.validator:
        case "required":
            allowed = list(schema.get("required", []))
            missing = [name for name in allowed if name not in value]
            return [
                problem(
                    Message("missing required field '{name}'", name=name),
                    code="missing_field",
                    hint=_add_field(name, schema),
                )
                for name in missing
            ]
        case "additionalProperties":
            known = sorted(schema.get("properties", {}))
            out = []
            for key in value:
                if key in known:
                    continue
                out.append(
                    problem(
                        Message("unknown key '{key}'", key=key),
                        at=(*path, key),
                        hint=_did_you_mean(key, known),
                        code="unknown_key",
                    )
                )
            return out
        case "type":
            kinds = schema.get("type", [])
            kind = kinds if isinstance(kinds, str) else next(iter(kinds), "")
            return [
                problem(
                    Message(
                        "expected {value}, got {value2}",
                        value=_expected(schema),
                        value2=_describe(value),
                    ),
                    hint=hint or _TYPE_HINTS.get(kind, ""),
                    code="wrong_type",
                )
            ]
        case "enum" if "propertyNames" in error.schema_path:
            return [
                problem(
                    Message("unknown language {value}", value=_describe(value)),
                    at=(*path, value),
                    hint=Message("localized text uses the keys ar, fr, en"),
                    code="unknown_key",
                )
            ]
        case "minProperties":
            return [
                problem(
                    Message("no name in any language"),
                    hint=hint or Message("localized text uses the keys ar, fr, en"),
                    code="missing_field",
                )
            ]
        case "minLength":
            return [problem(Message("empty text"), code="missing_field")]
        case "enum" if schema.get("title") == _VERSION_TITLE:
            return [
                problem(
                    Message("unsupported format version {value}", value=_describe(value)),
                    hint=Message("this liqa reads 'liqa: 1' or 'liqa: 2'"),
                    code="bad_value",
                )
            ]
        case "enum":
            allowed = [str(choice) for choice in schema["enum"]]
            if schema.get("title") == "priority":
                hint = Message("priorities are 1 (would like), 2 (important) or 3 (must meet)")
            elif schema.get("title") == "gender":
                hint = _gender_hint(document, path)
            else:
                hint = _did_you_mean(str(value), allowed)
            return [
                problem(
                    Message(
                        "{value} is not one of: {allowed}",
                        value=_describe(value),
                        allowed=", ".join(allowed),
                    ),
                    hint=hint,
                    code="bad_value",
                )
            ]
        case "minimum" | "maximum" | "exclusiveMinimum":
            low = schema.get("minimum", schema.get("exclusiveMinimum"))
            high = schema.get("maximum")
            if low is not None and high is not None:
                message = Message(
                    "{value} is out of range {low}..{high}", value=value, low=low, high=high
                )
            elif high is not None:
                message = Message("must be at most {high}, got {value}", high=high, value=value)
            elif "exclusiveMinimum" in schema:
                message = Message("must be more than {low}, got {value}", low=low, value=value)
            else:
                message = Message("must be at least {low}, got {value}", low=low, value=value)
            return [problem(message, hint="", code="out_of_range")]
        case "pattern":
            what = schema.get("title", "value")
            return [
                problem(
                    Message("{value} is not a valid {what}", value=_describe(value), what=what),
                    code="bad_format",
                )
            ]
        case "minItems":
            return [
                problem(
                    Message(
                        "needs at least {minItems} item(s), got {value_count}",
                        minItems=schema["minItems"],
                        value_count=len(value),
                    ),
                    hint="",
                    code="missing_field",
                )
            ]
        case "propertyNames":
            return [
                problem(
                    Message("unknown language {value}", value=_describe(error.instance)),
                    hint=Message("localized text uses the keys ar, fr, en"),
                    code="unknown_key",
                )
            ]
        case "anyOf" | "oneOf":
            return _best_of(error, document, filename)
    return [problem(error.message, code="invalid")]


def _best_of(error: ValidationError, document: Document, filename: str) -> list[Problem]:
    """For ``X or null`` choices, report why X failed (null is the obvious alternative)."""
    for sub in error.context or ():
        if sub.validator != "type" or sub.validator_value != "null":
            return _translate(sub, document, filename)
    return [
        Problem(
            filename,
            error.message,
            line=document.line(tuple(error.absolute_path)),
            path=format_path(tuple(error.absolute_path)),
            code="invalid",
        )
    ]


_TYPE_NAMES = {
    "string": "text",
    "integer": "a whole number",
    "number": "a number",
    "boolean": "true or false",
    "array": "a list",
    "object": "a mapping",
    "null": "nothing",
}

_TYPE_HINTS = {
    "integer": Message("write digits without quotes, e.g. 4"),
    "number": Message("write digits without quotes, e.g. 2.5"),
    "boolean": Message("write true or false, without quotes"),
    "array": Message("write a list: [a, b] on one line, or one '- item' per line below"),
    "object": Message("write 'key: value' lines, indented below this one"),
}
"""Hints of a value of the wrong type, when the schema's description gives none."""


def _expected(schema: dict[str, Any]) -> str:
    kinds = schema.get("type", [])
    names = [_TYPE_NAMES.get(kind, kind) for kind in ([kinds] if isinstance(kinds, str) else kinds)]
    title = schema.get("title")
    text = " or ".join(name for name in names if name != "nothing")
    return f"{title} ({text})" if title and title != "localized text" else text


def _describe(value: Any) -> str:
    if value is None:
        return Message("nothing (null)")
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, str):
        return repr(value) if len(value) <= 60 else repr(value[:57] + "...")
    if isinstance(value, int | float):
        return str(value)
    if isinstance(value, list):
        return Message("a list of {count}", count=len(value))
    if isinstance(value, dict):
        return Message("a mapping")
    return type(value).__name__


def _gender_hint(document: Document, path: Path) -> str:
    """How to fix a person's ``gender``, naming the person (their name, else their id)."""
    record: Any = document.data
    try:
        for key in path[:-1]:
            record = record[key]
    except (KeyError, IndexError, TypeError):
        record = None
    who = ""
    if isinstance(record, dict):
        who = str(record.get("name") or record.get("id") or "")
    return Message(
        "{person}'s gender is 'female' or 'male' (it makes their title agree in French and"
        " Arabic); leave it out when not known",
        person=who or format_path(path[:-1]),
    )


def _did_you_mean(word: str, choices: list[str]) -> str:
    close = difflib.get_close_matches(word, choices, n=1, cutoff=0.6)
    if close:
        return Message("did you mean '{choice}'?", choice=close[0])
    return Message("allowed: {choices}", choices=", ".join(choices)) if choices else ""


describe = _describe
did_you_mean = _did_you_mean
