"""The labelled matchmaking evaluation set: organizations with profiles and expert pairs.

A data set is one YAML file, optionally split with ``include: [files…]`` (paths relative to
it). Organizations carry ``id``, ``side``, ``lang`` (the language the profile is written
in), ``name`` and free-text ``seeks`` / ``offers`` / ``description``; ``pairs`` lists
``{a, b, why}`` — the matches an expert would make, with the rationale.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Any

from ruamel.yaml import YAML
from ruamel.yaml.error import YAMLError

from liqa.core.matching.profiles import Party
from liqa.core.model import LANGUAGES, Side
from liqa.core.problems import InputError, Problem


@dataclass(frozen=True)
class ExpertPair:
    """Two organizations an expert would match, and why."""

    a: str
    b: str
    why: str


@dataclass(frozen=True)
class Dataset:
    """A loaded evaluation set."""

    name: str
    parties: tuple[Party, ...]
    languages: dict[str, str]
    """Party id → the language its profile is written in."""
    pairs: tuple[ExpertPair, ...]

    def relevant(self) -> dict[str, set[str]]:
        """Party id → the ids an expert pairs it with (both directions)."""
        out: dict[str, set[str]] = {}
        for pair in self.pairs:
            out.setdefault(pair.a, set()).add(pair.b)
            out.setdefault(pair.b, set()).add(pair.a)
        return out


def load_dataset(path: Path | str) -> Dataset:
    """Read an evaluation set; raise :class:`InputError` listing every problem."""
    path = Path(path)
    problems: list[Problem] = []
    root = _read(path, problems)
    if root is None:
        raise InputError(problems)
    orgs: list[tuple[str, int, Any]] = []
    pairs: list[tuple[str, int, Any]] = []
    for name, data in [(str(path), root)] + [
        (str(path.parent / inc), _read(path.parent / inc, problems))
        for inc in root.get("include") or ()
    ]:
        if data is None:
            continue
        orgs += [(name, i, raw) for i, raw in enumerate(data.get("organizations") or ())]
        pairs += [(name, i, raw) for i, raw in enumerate(data.get("pairs") or ())]
    parties: list[Party] = []
    languages: dict[str, str] = {}
    for file, i, raw in orgs:
        party = _party(raw, file, f"organizations[{i}]", problems)
        if party is None:
            continue
        if party.id in languages:
            problems.append(
                Problem(file, f"duplicate id {party.id!r}", path=f"organizations[{i}].id")
            )
        languages[party.id] = str(raw["lang"])
        parties.append(party)
    expert: list[ExpertPair] = []
    for file, i, raw in pairs:
        where = f"pairs[{i}]"
        if not isinstance(raw, dict) or not all(isinstance(raw.get(k), str) for k in ("a", "b")):
            problems.append(
                Problem(file, "a pair needs `a` and `b` (organization ids)", path=where)
            )
            continue
        for key in ("a", "b"):
            if raw[key] not in languages:
                problems.append(
                    Problem(
                        file,
                        f"unknown organization {raw[key]!r}",
                        hint="use an id listed under `organizations`",
                        path=f"{where}.{key}",
                    )
                )
        if not raw.get("why"):
            problems.append(Problem(file, "give the expert's rationale in `why`", path=where))
        expert.append(ExpertPair(raw["a"], raw["b"], str(raw.get("why", ""))))
    if problems:
        raise InputError(problems)
    return Dataset(str(root.get("name", path.stem)), tuple(parties), languages, tuple(expert))


def _read(path: Path, problems: list[Problem]) -> dict[str, Any] | None:
    try:
        data = YAML(typ="safe").load(path.read_text(encoding="utf-8"))
    except OSError as exc:
        problems.append(Problem(str(path), f"cannot read the file: {exc.strerror}"))
        return None
    except YAMLError as exc:
        problems.append(Problem(str(path), f"not valid YAML: {exc}"))
        return None
    if not isinstance(data, dict):
        problems.append(
            Problem(str(path), "expected a mapping with `organizations` and/or `pairs`")
        )
        return None
    return data


def _party(raw: Any, file: str, where: str, problems: list[Problem]) -> Party | None:
    if not isinstance(raw, dict) or not isinstance(raw.get("id"), str):
        problems.append(Problem(file, "each organization needs a string `id`", path=where))
        return None
    ok = True
    if raw.get("lang") not in LANGUAGES:
        problems.append(
            Problem(file, f"{raw['id']}: `lang` must be ar, fr or en", path=f"{where}.lang")
        )
        ok = False
    if raw.get("side") not in {s.value for s in Side}:
        problems.append(
            Problem(
                file, f"{raw['id']}: `side` must be delegation, host or both", path=f"{where}.side"
            )
        )
        ok = False
    if not ok:
        return None
    lang = raw["lang"]

    def text(key: str) -> dict[str, str]:
        value = raw.get(key)
        return {lang: str(value)} if value else {}

    return Party(
        raw["id"],
        raw["id"],
        Side(raw["side"]),
        str(raw.get("name", raw["id"])),
        text("seeks"),
        text("offers"),
        text("description"),
    )
