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
from dataclasses import dataclass, field
from typing import Any

from ruamel.yaml import YAML
from ruamel.yaml.error import MarkedYAMLError, YAMLError
from ruamel.yaml.events import AliasEvent, CollectionEndEvent, CollectionStartEvent
from ruamel.yaml.nodes import MappingNode, Node, ScalarNode, SequenceNode
from ruamel.yaml.reader import ReaderError

from liqa.core.problems import Problem

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
                f"the file is not UTF-8 text (byte 0x{raw[exc.start]:02x} at offset {exc.start})",
                hint="save the file as UTF-8 (in a spreadsheet or editor: 'UTF-8' encoding)",
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
                "the file is empty",
                hint="start from examples/morocco-us-digital-2024/mission.yaml",
                code="empty_file",
            )
        )
    if "\x00" in text:
        raise ReadError(
            Problem(
                filename,
                "the file contains NUL bytes: it is binary, not a YAML or JSON text file",
                hint="give the mission file (.yaml or .json), not a spreadsheet or archive",
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
                f"the file holds {_kind(document.data)}, not a mission (a mapping of sections)",
                hint="a mission file starts with 'liqa: 1' then 'event:', 'legs:', ...",
                line=1,
                code="not_a_mapping",
            )
        )
    return document


def too_large(filename: str, size: int) -> Problem:
    return Problem(
        filename,
        f"the file is too large ({size / 1024 / 1024:.1f} MiB; the limit is "
        f"{MAX_BYTES // 1024 // 1024} MiB)",
        hint="is this really a mission file? Spreadsheets are read with 'liqa import'",
        code="file_too_large",
    )


def _check_json_syntax(text: str, filename: str) -> None:
    try:
        json.loads(text)
    except json.JSONDecodeError as exc:
        raise ReadError(
            Problem(
                filename,
                f"invalid JSON: {exc.msg} (column {exc.colno})",
                hint="check commas, quotes and brackets near this line",
                line=exc.lineno,
                code="syntax_error",
            )
        ) from None
    except RecursionError:
        raise ReadError(_too_deep(filename, None)) from None


def _read_yaml(text: str, filename: str) -> Document:
    yaml = YAML(typ="rt", pure=True)
    try:
        _check_events(yaml, text, filename)
        root = yaml.compose(io.StringIO(text))
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
                f"invalid YAML: {what}",
                hint="check indentation, colons and quotes near this line",
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
                hint="remove control characters; is this really a text file?",
                line=line,
                code="syntax_error",
            )
        ) from None
    except (YAMLError, ValueError, RecursionError) as exc:
        raise ReadError(Problem(filename, f"invalid YAML: {exc}", code="syntax_error")) from None
    if root is None:
        raise ReadError(
            Problem(filename, "the file holds no data (only comments?)", code="empty_file")
        )
    _check_expansion(root, filename)
    return _Builder(filename).document(root)


def _check_expansion(root: Node, filename: str) -> None:
    """Refuse recursive aliases and data that aliases expand beyond :data:`MAX_NODES`."""
    sizes: dict[int, int] = {}

    def size(node: Node, depth: int, open_nodes: frozenset[int]) -> int:
        if id(node) in open_nodes:
            raise ReadError(
                Problem(
                    filename,
                    "a YAML alias refers to the value that contains it (a loop)",
                    hint="write the values out instead of using an alias",
                    line=node.start_mark.line + 1,
                    code="recursive_alias",
                )
            )
        if depth > MAX_DEPTH:
            raise ReadError(_too_deep(filename, node.start_mark.line + 1))
        if id(node) not in sizes:
            inner = open_nodes | {id(node)}
            children: list[Node] = []
            if isinstance(node, MappingNode):
                children = [part for pair in node.value for part in pair]
            elif isinstance(node, SequenceNode):
                children = list(node.value)
            sizes[id(node)] = 1 + sum(size(child, depth + 1, inner) for child in children)
            if sizes[id(node)] > MAX_NODES:
                raise ReadError(
                    Problem(
                        filename,
                        f"the file expands to more than {MAX_NODES:,} values",
                        hint="YAML aliases multiply data (an anchors bomb?); write the values out",
                        line=node.start_mark.line + 1,
                        code="too_many_values",
                    )
                )
        return sizes[id(node)]

    size(root, 0, frozenset())


def _check_events(yaml: YAML, text: str, filename: str) -> None:
    """Refuse deep nesting and too many aliases before anything is composed."""
    depth = aliases = 0
    for event in yaml.parse(io.StringIO(text)):
        if isinstance(event, CollectionStartEvent):
            depth += 1
            if depth > MAX_DEPTH:
                raise ReadError(_too_deep(filename, _event_line(event)))
        elif isinstance(event, CollectionEndEvent):
            depth -= 1
        elif isinstance(event, AliasEvent):
            aliases += 1
            if aliases > MAX_ALIASES:
                raise ReadError(
                    Problem(
                        filename,
                        f"the file uses more than {MAX_ALIASES} YAML aliases (*name)",
                        hint="write the values out; liqa refuses alias-heavy files "
                        "(a 'billion laughs' bomb looks like this)",
                        line=_event_line(event),
                        code="too_many_aliases",
                    )
                )


def _event_line(event: Any) -> int | None:
    mark = getattr(event, "start_mark", None)
    return mark.line + 1 if mark is not None else None


def _too_deep(filename: str, line: int | None) -> Problem:
    return Problem(
        filename,
        f"the data is nested more than {MAX_DEPTH} levels deep",
        hint="a mission file needs only a few levels: check the indentation",
        line=line,
        code="too_deep",
    )


def _kind(value: Any) -> str:
    if isinstance(value, list):
        return "a list"
    if value is None:
        return "nothing"
    return f"a single value ({type(value).__name__})"


class _Builder:
    """Turns composed YAML nodes into plain data, recording lines and counting values."""

    def __init__(self, filename: str) -> None:
        self.filename = filename
        self.lines: dict[Path, int] = {}
        self.count = 0

    def document(self, root: Node) -> Document:
        data = self.value(root, ())
        return Document(data, self.lines)

    def value(self, node: Node, path: Path) -> Any:
        self.count += 1
        if self.count > MAX_NODES:
            raise ReadError(
                Problem(
                    self.filename,
                    f"the file expands to more than {MAX_NODES:,} values",
                    hint="YAML aliases multiply data; write the values out",
                    code="too_many_values",
                )
            )
        self.lines.setdefault(path, node.start_mark.line + 1)
        tag = _tag(node)
        if tag.startswith("!") or (tag.startswith(_YAML) and tag[len(_YAML) :] not in _PLAIN_TAGS):
            raise ReadError(
                Problem(
                    self.filename,
                    f"unsupported YAML tag {tag!r}",
                    hint="remove the tag (liqa reads plain values only)",
                    line=node.start_mark.line + 1,
                    code="unsupported_tag",
                )
            )
        if isinstance(node, MappingNode):
            return self.mapping(node, path)
        if isinstance(node, SequenceNode):
            return [self.value(item, (*path, i)) for i, item in enumerate(node.value)]
        assert isinstance(node, ScalarNode)
        return self.scalar(node)

    def mapping(self, node: MappingNode, path: Path) -> dict[str, Any]:
        out: dict[str, Any] = {}
        seen: set[str] = set()
        for key_node, value_node in node.value:
            if _tag(key_node) == _YAML + "merge":
                merged = value_node.value if isinstance(value_node, SequenceNode) else [value_node]
                for source in merged:
                    if isinstance(source, MappingNode):
                        for key, value in self.mapping(source, path).items():
                            out.setdefault(key, value)
                continue
            if not isinstance(key_node, ScalarNode):
                raise ReadError(
                    Problem(
                        self.filename,
                        "a key is a list or mapping; keys must be plain names",
                        line=key_node.start_mark.line + 1,
                        code="syntax_error",
                    )
                )
            key = str(key_node.value)
            key_path = (*path, key)
            if key in seen:
                raise ReadError(
                    Problem(
                        self.filename,
                        f"the key {key!r} appears twice in the same mapping",
                        hint="remove one of them",
                        line=key_node.start_mark.line + 1,
                        path=_format(key_path),
                        code="duplicate_key",
                    )
                )
            seen.add(key)
            self.lines[key_path] = key_node.start_mark.line + 1
            out[key] = self.value(value_node, key_path)
        return out

    def scalar(self, node: ScalarNode) -> Any:
        tag = _tag(node)
        text = str(node.value)
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


def _tag(node: Node) -> str:
    tag = node.tag
    return str(getattr(tag, "value", tag) or "")


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
