"""Safe reading of mission files: bytes → plain JSON-like data plus the line of every field.

Nothing here trusts the input. Files are size-limited, must be UTF-8, and YAML is only
*composed* (never constructed), so no tag can run code; aliases have a small budget and
nesting a depth limit, so neither an anchors bomb nor a deeply nested file can exhaust
memory or the stack. Scalars become JSON types (``str``, ``int``, ``float``, ``bool``,
``None``); dates and times stay strings and are parsed later, where a wrong one can be
reported with its field.
"""

from __future__ import annotations

import io
import json
import math
from collections.abc import Iterator
from dataclasses import dataclass, field
from typing import Any

from ruamel.yaml import YAML
from ruamel.yaml.error import MarkedYAMLError, YAMLError
from ruamel.yaml.events import (
    AliasEvent,
    CollectionEndEvent,
    DocumentStartEvent,
    MappingStartEvent,
    ScalarEvent,
    SequenceStartEvent,
)
from ruamel.yaml.nodes import ScalarNode
from ruamel.yaml.reader import ReaderError

from liqa.core.problems import Message, Problem

MAX_BYTES = 10 * 1024 * 1024
"""Largest mission file accepted (10 MiB; a 1,000-participant event needs well under 1 MiB)."""
MAX_DEPTH = 40
"""Deepest nesting of mappings and lists accepted (the format needs 5)."""
MAX_ALIASES = 100
"""Most YAML aliases (``*name``) accepted in one file."""
MAX_NODES = 200_000
"""Most values after expanding aliases (guards against an anchors bomb)."""

Path = tuple[str | int, ...]

_YAML = "tag:yaml.org,2002:"


@dataclass
class Document:
    """Parsed data and, for each field path, the 1-based line where it starts."""

    data: Any
    lines: dict[Path, int] = field(default_factory=dict)

    def line(self, path: Path) -> int | None:
        """The line of ``path``, else of its nearest ancestor that has one."""
        for cut in range(len(path), -1, -1):
            found = self.lines.get(path[:cut])
            if found is not None:
                return found
        return None


class ReadError(Exception):
    """The file cannot be read at all; carries the one problem that says why."""

    def __init__(self, problem: Problem) -> None:
        self.problem = problem
        super().__init__(str(problem))


def read_bytes(raw: bytes, filename: str) -> Document:
    """Decode and parse a mission file's bytes (YAML, or JSON when the name ends in .json)."""
    if len(raw) > MAX_BYTES:
        raise ReadError(too_large(filename, len(raw)))
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        line = raw[: exc.start].count(b"\n") + 1
        raise ReadError(
            Problem(
                filename,
                Message(
                    "the file is not UTF-8 text (byte 0x{value:02x} at offset {start})",
                    value=raw[exc.start],
                    start=exc.start,
                ),
                hint=Message(
                    "save the file as UTF-8 (in a spreadsheet or editor: 'UTF-8' encoding)"
                ),
                line=line,
                code="not_utf8",
            )
        ) from None
    return read_text(text, filename)


def read_text(text: str, filename: str) -> Document:
    """Parse mission file text; raise :class:`ReadError` when it is not usable at all."""
    if len(text.encode("utf-8", "surrogatepass")) > MAX_BYTES:
        raise ReadError(too_large(filename, len(text)))
    if not text.strip():
        raise ReadError(
            Problem(
                filename,
                Message("the file is empty"),
                hint=Message("start from examples/morocco-us-digital-2024/mission.yaml"),
                code="empty_file",
            )
        )
    if "\x00" in text:
        raise ReadError(
            Problem(
                filename,
                Message("the file contains NUL bytes: it is binary, not a YAML or JSON text file"),
                hint=Message(
                    "give the mission file (.yaml or .json), not a spreadsheet or archive"
                ),
                line=text[: text.index("\x00")].count("\n") + 1,
                code="binary_file",
            )
        )
    if filename.lower().endswith(".json"):
        _check_json_syntax(text, filename)
    document = _read_yaml(text, filename)
    if not isinstance(document.data, dict):
        raise ReadError(
            Problem(
                filename,
                Message(
                    "the file holds {value}, not a mission (a mapping of sections)",
                    value=_kind(document.data),
                ),
                hint=Message("a mission file starts with 'liqa: 2' then 'event:', 'legs:', ..."),
                line=1,
                code="not_a_mapping",
            )
        )
    return document


def too_large(filename: str, size: int) -> Problem:
    return Problem(
        filename,
        Message(
            "the file is too large ({value:.1f} MiB; the limit is {value2} MiB)",
            value=size / 1024 / 1024,
            value2=MAX_BYTES // 1024 // 1024,
        ),
        hint=Message("is this really a mission file? Spreadsheets are read with 'liqa import'"),
        code="file_too_large",
    )


def _check_json_syntax(text: str, filename: str) -> None:
    try:
        json.loads(text)
    except json.JSONDecodeError as exc:
        raise ReadError(
            Problem(
                filename,
                Message("invalid JSON: {msg} (column {colno})", msg=exc.msg, colno=exc.colno),
                hint=Message("check commas, quotes and brackets near this line"),
                line=exc.lineno,
                code="syntax_error",
            )
        ) from None
    except RecursionError:
        raise ReadError(_too_deep(filename, None)) from None


def _read_yaml(text: str, filename: str) -> Document:
    yaml = YAML(typ="safe", pure=True)  # no comment bookkeeping: 3x faster
    try:
        return _Builder(filename, yaml).build(yaml.parse(io.StringIO(text)))
    except ReadError:
        raise
    except MarkedYAMLError as exc:
        mark = exc.problem_mark or exc.context_mark
        line = mark.line + 1 if mark is not None else None
        what = exc.problem or exc.context or "unreadable YAML"
        if exc.problem and exc.context:
            what = f"{exc.problem} ({exc.context})"
        raise ReadError(
            Problem(
                filename,
                Message("invalid YAML: {what}", what=what),
                hint=Message("check indentation, colons and quotes near this line"),
                line=line,
                code="syntax_error",
            )
        ) from None
    except ReaderError as exc:
        line = text[: exc.position].count("\n") + 1 if isinstance(exc.position, int) else None
        raise ReadError(
            Problem(
                filename,
                f"the file contains a character YAML does not allow ({exc.reason}: "
                f"#x{exc.character:04x})"
                if isinstance(exc.character, int)
                else f"unreadable text: {exc.reason}",
                hint=Message("remove control characters; is this really a text file?"),
                line=line,
                code="syntax_error",
            )
        ) from None
    except (YAMLError, ValueError, RecursionError) as exc:
        raise ReadError(
            Problem(filename, Message("invalid YAML: {exc}", exc=exc), code="syntax_error")
        ) from None


def _event_line(event: Any) -> int | None:
    mark = getattr(event, "start_mark", None)
    return mark.line + 1 if mark is not None else None


def _too_deep(filename: str, line: int | None) -> Problem:
    return Problem(
        filename,
        Message("the data is nested more than {MAX_DEPTH} levels deep", MAX_DEPTH=MAX_DEPTH),
        hint=Message("a mission file needs only a few levels: check the indentation"),
        line=line,
        code="too_deep",
    )


def _kind(value: Any) -> str:
    if isinstance(value, list):
        return "a list"
    if value is None:
        return "nothing"
    return f"a single value ({type(value).__name__})"


@dataclass
class _Frame:
    """An open mapping or list while building from parser events."""

    value: dict[str, Any] | list[Any]
    path: Path
    anchor: str | None
    size: int = 1
    depth: int = 1
    key: str | None = None
    merge_next: bool = False
    seen: set[str] = field(default_factory=set)
    merges: list[dict[str, Any]] = field(default_factory=list)


class _Builder:
    """Builds plain data from parser events in one pass, recording lines and refusing abuse.

    Nothing is constructed from tags; aliases reuse the anchored value, and their expanded
    size and depth count against the limits, so an anchors bomb is refused early.
    """

    def __init__(self, filename: str, yaml: YAML) -> None:
        self.filename = filename
        self.resolver = yaml.resolver
        self.lines: dict[Path, int] = {}
        self.anchors: dict[str, tuple[Any, int, int]] = {}
        self.stack: list[_Frame] = []
        self.total = 0
        self.aliases = 0
        self.documents = 0
        self.root: Any = None
        self.has_root = False

    def build(self, events: Iterator[Any]) -> Document:
        for event in events:
            if isinstance(event, DocumentStartEvent):
                self.documents += 1
                if self.documents > 1:
                    raise self._error(
                        event,
                        "the file holds more than one YAML document (a second '---')",
                        "keep one mission per file",
                        "syntax_error",
                    )
            elif isinstance(event, ScalarEvent):
                value = self._scalar(event)
                self._attach(event, value, 1, 0, event.anchor)
            elif isinstance(event, AliasEvent):
                self._alias(event)
            elif isinstance(event, MappingStartEvent | SequenceStartEvent):
                self._open(event)
            elif isinstance(event, CollectionEndEvent):
                self._close()
        if not self.has_root:
            raise ReadError(
                Problem(
                    self.filename,
                    Message("the file holds no data (only comments?)"),
                    code="empty_file",
                )
            )
        return Document(self.root, self.lines)

    def _error(self, event: Any, message: str, hint: str, code: str) -> ReadError:
        return ReadError(
            Problem(self.filename, message, hint=hint, line=_event_line(event), code=code)
        )

    def _check_tag(self, event: Any, tag: str) -> None:
        if tag.startswith("!") or (tag.startswith(_YAML) and tag[len(_YAML) :] not in _PLAIN_TAGS):
            raise self._error(
                event,
                f"unsupported YAML tag {tag!r}",
                "remove the tag (liqa reads plain values only)",
                "unsupported_tag",
            )

    def _explicit_tag(self, event: Any) -> str | None:
        tag = getattr(event, "ctag", None) or getattr(event, "tag", None)
        text = str(getattr(tag, "value", tag) or "")
        return None if text in ("", "!") else text

    def _next_path(self, event: Any) -> Path | None:
        """Where the next value goes; ``None`` when it is a mapping key."""
        if not self.stack:
            return ()
        frame = self.stack[-1]
        if isinstance(frame.value, list):
            return (*frame.path, len(frame.value))
        if frame.merge_next:
            return frame.path
        return None if frame.key is None else (*frame.path, frame.key)

    def _open(self, event: Any) -> None:
        tag = self._explicit_tag(event)
        if tag is not None:
            self._check_tag(event, tag)
        if len(self.stack) >= MAX_DEPTH:
            raise ReadError(_too_deep(self.filename, _event_line(event)))
        path = self._next_path(event)
        if path is None:
            raise self._error(
                event,
                "a key is a list or mapping; keys must be plain names",
                "write 'name: value' pairs",
                "syntax_error",
            )
        self.lines.setdefault(path, _event_line(event) or 0)
        empty: dict[str, Any] | list[Any] = {} if isinstance(event, MappingStartEvent) else []
        self._count(event, 1)
        self.stack.append(_Frame(empty, path, event.anchor))

    def _close(self) -> None:
        frame = self.stack.pop()
        if isinstance(frame.value, dict):
            for merged in frame.merges:
                for key, item in merged.items():
                    frame.value.setdefault(key, item)
        self._place(frame.value, frame.size, frame.depth, frame.anchor)

    def _attach(self, event: Any, value: Any, size: int, depth: int, anchor: str | None) -> None:
        if self.stack and isinstance(self.stack[-1].value, dict):
            frame = self.stack[-1]
            if frame.key is None and not frame.merge_next:
                self._key(event, value)
                return
        path = self._next_path(event)
        assert path is not None
        self.lines.setdefault(path, _event_line(event) or 0)
        self._count(event, size)
        self._place(value, size, depth, anchor)

    def _key(self, event: Any, value: Any) -> None:
        frame = self.stack[-1]
        if isinstance(event, ScalarEvent) and self._resolved(event) == _YAML + "merge":
            frame.merge_next = True
            return
        key = str(value)
        if key in frame.seen:
            raise ReadError(
                Problem(
                    self.filename,
                    Message("the key {key!r} appears twice in the same mapping", key=key),
                    hint=Message("remove one of them"),
                    line=_event_line(event),
                    path=_format((*frame.path, key)),
                    code="duplicate_key",
                )
            )
        frame.seen.add(key)
        frame.key = key
        self.lines[(*frame.path, key)] = _event_line(event) or 0

    def _place(self, value: Any, size: int, depth: int, anchor: str | None) -> None:
        if anchor is not None:
            self.anchors[anchor] = (value, size, depth)
        if not self.stack:
            self.root, self.has_root = value, True
            return
        frame = self.stack[-1]
        frame.size += size
        frame.depth = max(frame.depth, depth + 1)
        if isinstance(frame.value, list):
            frame.value.append(value)
        elif frame.merge_next:
            frame.merge_next = False
            sources = value if isinstance(value, list) else [value]
            frame.merges.extend(source for source in sources if isinstance(source, dict))
        else:
            assert frame.key is not None
            frame.value[frame.key] = value
            frame.key = None

    def _alias(self, event: Any) -> None:
        self.aliases += 1
        if self.aliases > MAX_ALIASES:
            raise self._error(
                event,
                f"the file uses more than {MAX_ALIASES} YAML aliases (*name)",
                "write the values out; liqa refuses alias-heavy files "
                "(a 'billion laughs' bomb looks like this)",
                "too_many_aliases",
            )
        if any(frame.anchor == event.anchor for frame in self.stack):
            raise self._error(
                event,
                "a YAML alias refers to the value that contains it (a loop)",
                "write the values out instead of using an alias",
                "recursive_alias",
            )
        if event.anchor not in self.anchors:
            raise self._error(
                event,
                f"the alias *{event.anchor} has no complete anchor &{event.anchor} before it",
                "define the anchor first; an alias cannot refer to the value that contains it",
                "bad_alias",
            )
        value, size, depth = self.anchors[event.anchor]
        if len(self.stack) + depth > MAX_DEPTH:
            raise ReadError(_too_deep(self.filename, _event_line(event)))
        self._attach(event, value, size, depth, None)

    def _count(self, event: Any, size: int) -> None:
        self.total += size
        if self.total > MAX_NODES:
            raise self._error(
                event,
                f"the file expands to more than {MAX_NODES:,} values",
                "YAML aliases multiply data (an anchors bomb?); write the values out",
                "too_many_values",
            )

    def _resolved(self, event: Any) -> str:
        tag = self._explicit_tag(event)
        if tag is None:
            resolved = self.resolver.resolve(ScalarNode, event.value, event.implicit)
            tag = str(getattr(resolved, "value", resolved) or "")
        return tag

    def _scalar(self, event: Any) -> Any:
        tag = self._resolved(event)
        self._check_tag(event, tag)
        text = _join_surrogates(str(event.value))
        if any("\ud800" <= char <= "\udfff" for char in text):
            raise self._error(
                event,
                "the text holds a broken \\u escape (half of a surrogate pair)",
                "write the character itself, or both halves of the pair",
                "syntax_error",
            )
        if tag == _YAML + "null":
            return None
        if tag == _YAML + "bool":
            return text.lower() == "true"
        if tag == _YAML + "int":
            return _to_int(text)
        if tag == _YAML + "float":
            number = _to_float(text)
            return text if number is None else number
        return text


_PLAIN_TAGS = {"str", "int", "float", "bool", "null", "timestamp", "map", "seq", "merge"}


def _join_surrogates(text: str) -> str:
    """Combine ``\\ud83d\\ude00``-style escaped pairs (JSON writes them) into one character."""
    if not any("\ud800" <= char <= "\udfff" for char in text):
        return text
    return text.encode("utf-16-le", "surrogatepass").decode("utf-16-le", "surrogatepass")


def _to_int(text: str) -> int | str:
    cleaned = text.replace("_", "")
    try:
        if cleaned.lower().startswith(("0o", "0x", "-0x", "+0x")):
            return int(cleaned, 0)
        return int(cleaned, 10)
    except ValueError:
        return text


def _to_float(text: str) -> float | None:
    lowered = text.lower().replace("_", "")
    if lowered in (".nan", ".inf", "+.inf", "-.inf"):
        return None
    try:
        number = float(lowered)
    except ValueError:
        return None
    return number if math.isfinite(number) else None


def _format(path: Path) -> str:
    out = ""
    for part in path:
        out += f"[{part}]" if isinstance(part, int) else (f".{part}" if out else part)
    return out


format_path = _format
