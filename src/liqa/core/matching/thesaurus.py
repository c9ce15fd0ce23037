"""The themes thesaurus: a curated, versioned taxonomy with labels and synonyms in ar/fr/en.

The default thesaurus ships in the package (``liqa/core/matching/data/themes.yaml``);
:func:`load_thesaurus` reads it or any file of the same shape and reports every problem
at once as an :class:`~liqa.core.problems.InputError`.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from functools import cache
from pathlib import Path
from typing import Any

from ruamel.yaml import YAML
from ruamel.yaml.error import YAMLError

from liqa.core.model import LANGUAGES
from liqa.core.problems import InputError, Problem

DEFAULT_THESAURUS: Path = Path(__file__).resolve().parent / "data" / "themes.yaml"
"""The thesaurus shipped with liqa."""


@dataclass(frozen=True)
class Theme:
    """One theme: stable id, a label per language, synonyms per language, related themes."""

    id: str
    labels: Mapping[str, str]
    synonyms: Mapping[str, tuple[str, ...]] = field(default_factory=dict)
    related: tuple[str, ...] = ()

    def label(self, lang: str) -> str:
        """The label in ``lang``, else in English, else the id."""
        return self.labels.get(lang) or self.labels.get("en") or self.id

    def phrases(self, lang: str) -> tuple[str, ...]:
        """Every phrase that names this theme in ``lang``: its label, then its synonyms."""
        label = self.labels.get(lang)
        own = self.synonyms.get(lang, ())
        return ((label,) if label else ()) + own


@dataclass(frozen=True)
class Thesaurus:
    """All themes of one version of the thesaurus, in file order."""

    version: str
    themes: tuple[Theme, ...]

    def __post_init__(self) -> None:
        object.__setattr__(self, "_by_id", {theme.id: theme for theme in self.themes})

    @property
    def ids(self) -> tuple[str, ...]:
        """Theme ids in file order."""
        return tuple(theme.id for theme in self.themes)

    def __contains__(self, theme_id: object) -> bool:
        return theme_id in self._index

    def theme(self, theme_id: str) -> Theme:
        """The theme with this id (KeyError if unknown)."""
        return self._index[theme_id]

    def label(self, theme_id: str, lang: str) -> str:
        """The label of a theme in ``lang``; an unknown id is shown as itself."""
        theme = self._index.get(theme_id)
        return theme.label(lang) if theme else theme_id

    @property
    def _index(self) -> dict[str, Theme]:
        index: dict[str, Theme] = self.__dict__["_by_id"]
        return index


def load_thesaurus(path: Path | str = DEFAULT_THESAURUS) -> Thesaurus:
    """Read a thesaurus file; raise :class:`InputError` listing every problem in it."""
    return load_vocabulary(path, "themes")


def load_vocabulary(path: Path | str, key: str) -> Thesaurus:
    """Read a file shaped like the thesaurus whose list is under ``key`` (``themes``,
    ``segments``); raise :class:`InputError` listing every problem in it."""
    path = Path(path)
    name = str(path)
    try:
        data = YAML(typ="safe").load(path.read_text(encoding="utf-8"))
    except OSError as exc:
        raise InputError([Problem(name, f"cannot read the thesaurus: {exc.strerror}")]) from exc
    except YAMLError as exc:
        raise InputError([Problem(name, f"not valid YAML: {exc}")]) from exc
    problems: list[Problem] = []
    thesaurus = _parse(data, name, problems, key)
    if problems or thesaurus is None:
        raise InputError(problems)
    return thesaurus


@cache
def default_thesaurus() -> Thesaurus:
    """The thesaurus shipped with liqa (read once)."""
    return load_thesaurus(DEFAULT_THESAURUS)


def _parse(data: Any, name: str, problems: list[Problem], key: str) -> Thesaurus | None:
    if not isinstance(data, dict) or not isinstance(data.get(key), list):
        problems.append(Problem(name, f"expected a mapping with `version` and a list `{key}`"))
        return None
    version = str(data.get("version", ""))
    if not version:
        problems.append(
            Problem(name, "missing `version`", hint='e.g. version: "2024.1"', path="version")
        )
    themes: list[Theme] = []
    seen: set[str] = set()
    for i, raw in enumerate(data[key]):
        where = f"{key}[{i}]"
        theme = _parse_theme(raw, name, where, problems)
        if theme is None:
            continue
        if theme.id in seen:
            problems.append(Problem(name, f"duplicate theme id {theme.id!r}", path=f"{where}.id"))
        seen.add(theme.id)
        themes.append(theme)
    for i, theme in enumerate(themes):
        for other in theme.related:
            if other not in seen:
                problems.append(
                    Problem(
                        name,
                        f"theme {theme.id!r} is related to unknown theme {other!r}",
                        hint="use the id of a theme listed in this file",
                        path=f"{key}[{i}].related",
                    )
                )
    return Thesaurus(version, tuple(themes))


def _parse_theme(raw: Any, name: str, where: str, problems: list[Problem]) -> Theme | None:
    if not isinstance(raw, dict) or not isinstance(raw.get("id"), str) or not raw["id"]:
        problems.append(Problem(name, "each theme needs a string `id`", path=where))
        return None
    labels = raw.get("labels")
    if not isinstance(labels, dict) or any(not labels.get(lang) for lang in LANGUAGES):
        problems.append(
            Problem(
                name,
                f"theme {raw['id']!r} needs a label in each of ar, fr, en",
                hint="labels: {en: ..., fr: ..., ar: ...}",
                path=f"{where}.labels",
            )
        )
        return None
    synonyms_raw = raw.get("synonyms") or {}
    synonyms: dict[str, tuple[str, ...]] = {}
    for lang, values in synonyms_raw.items():
        if lang not in LANGUAGES or not isinstance(values, list):
            problems.append(
                Problem(
                    name,
                    f"synonyms of {raw['id']!r}: {lang!r} must be one of ar, fr, en with a list",
                    path=f"{where}.synonyms.{lang}",
                )
            )
            continue
        synonyms[lang] = tuple(str(value) for value in values)
    related = tuple(str(value) for value in raw.get("related") or ())
    return Theme(str(raw["id"]), {k: str(v) for k, v in labels.items()}, synonyms, related)
