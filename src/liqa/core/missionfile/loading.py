"""Mission file → :class:`Event`, reporting every problem at once."""

from __future__ import annotations

from pathlib import Path

from liqa.core.missionfile.build import build_event
from liqa.core.missionfile.checks import semantic_problems
from liqa.core.missionfile.reading import (
    MAX_BYTES,
    Document,
    ReadError,
    read_bytes,
    read_text,
    too_large,
)
from liqa.core.missionfile.schema import schema_problems
from liqa.core.model import Event, ModelError
from liqa.core.problems import InputError, Message, Problem


def validate_file(path: str | Path) -> tuple[Event | None, list[Problem]]:
    """Read and check a mission file: the event when valid, else ``None`` and every problem."""
    path = Path(path)
    name = str(path)
    try:
        size = path.stat().st_size
        if size > MAX_BYTES:
            return None, [too_large(name, size)]
        raw = path.read_bytes()
    except FileNotFoundError:
        return None, [
            Problem(name, Message("no such file"), hint=Message("check the path"), code="no_file")
        ]
    except IsADirectoryError:
        return None, [
            Problem(
                name,
                Message("this is a directory, not a file"),
                hint=_in_directory(path),
                code="no_file",
            )
        ]
    except OSError as exc:
        return None, [
            Problem(
                name,
                Message("cannot read the file: {strerror}", strerror=exc.strerror),
                code="no_file",
            )
        ]
    try:
        document = read_bytes(raw, name)
    except ReadError as exc:
        return None, [exc.problem]
    return _validate(document, name)


def _in_directory(path: Path) -> Message:
    """Which file of the directory ``path`` to give instead, when it holds a mission file."""
    try:
        found = sorted(e for e in path.iterdir() if e.suffix in (".yaml", ".yml", ".json"))
    except OSError:  # an unreadable directory: no example to give
        found = []
    if found:
        return Message("give the mission file in it, e.g. {file}", file=str(found[0]))
    return Message("give the path of a mission file (.yaml, .yml or .json)")


def validate_text(text: str, filename: str) -> tuple[Event | None, list[Problem]]:
    """Like :func:`validate_file` for text already in memory (e.g. a web upload)."""
    try:
        document = read_text(text, filename)
    except ReadError as exc:
        return None, [exc.problem]
    return _validate(document, filename)


def load_event(path: str | Path) -> Event:
    """The event of a mission file; :class:`InputError` with every problem otherwise."""
    event, problems = validate_file(path)
    if event is None:
        raise InputError(problems)
    return event


def parse_event(text: str, filename: str) -> Event:
    """The event of mission file text; :class:`InputError` with every problem otherwise."""
    event, problems = validate_text(text, filename)
    if event is None:
        raise InputError(problems)
    return event


def _validate(document: Document, filename: str) -> tuple[Event | None, list[Problem]]:
    problems = schema_problems(document, filename) + semantic_problems(document, filename)
    if problems:
        return None, _sorted(problems)
    try:
        return build_event(document.data), []
    except (ModelError, ValueError, KeyError, TypeError) as exc:  # a check we lack: say so
        return None, [
            Problem(
                filename, Message("the mission cannot be built: {exc}", exc=exc), code="invalid"
            )
        ]


def _sorted(problems: list[Problem]) -> list[Problem]:
    unique = list(dict.fromkeys(problems))
    return sorted(unique, key=lambda p: p.line or 0)
