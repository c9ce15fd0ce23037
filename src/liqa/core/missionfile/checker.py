"""Shared state of the semantic checks: the problems found and what later checks need."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass, field
from typing import Any

from liqa.core.missionfile.reading import Document, Path, format_path
from liqa.core.missionfile.values import LegSpan, ValueProblem
from liqa.core.problems import Problem


@dataclass
class Checker:
    """Collects problems for one document."""

    document: Document
    filename: str
    problems: list[Problem] = field(default_factory=list)
    legs: list[LegSpan] = field(default_factory=list)
    legs_complete: bool = True
    """False when some leg is broken: then "outside the legs" cannot be judged."""
    ids: dict[str, set[str]] = field(default_factory=dict)

    def add(self, path: Path, message: str, code: str, hint: str = "") -> None:
        """Record a problem at ``path``."""
        self.problems.append(
            Problem(
                self.filename,
                message,
                hint=hint,
                line=self.document.line(path),
                path=format_path(path),
                code=code,
            )
        )

    def value_problem(self, path: Path, exc: ValueProblem) -> None:
        """Record a :class:`ValueProblem` raised while reading the value at ``path``."""
        self.add(path, exc.message, exc.code, exc.hint)


def records(data: dict[str, Any], section: str) -> Iterator[tuple[Path, dict[str, Any]]]:
    """The mapping items of a top-level list section, with their paths."""
    items = data.get(section)
    if isinstance(items, list):
        for index, item in enumerate(items):
            if isinstance(item, dict):
                yield (section, index), item


def text_of(record: dict[str, Any], key: str) -> str | None:
    value = record.get(key)
    return value if isinstance(value, str) else None
