"""The labelled matchmaking evaluation set: organizations with profiles and expert pairs.

A data set is one YAML file, optionally split with ``include: [files…]`` (paths relative to
it). Organizations carry ``id``, ``side``, ``lang`` (the language the profile is written
in), ``name``, free-text ``seeks`` / ``offers`` / ``description`` and optionally ``kind``
(government, agency, company, academic, association, other) and ``split`` (``dev`` or
``test``: which queries may be looked at while developing); ``pairs`` lists
``{a, b, why}`` — the matches an expert would make, with the rationale — and
``hard_negatives`` lists ``{a, b, kind, why}``: pairs that share themes but that an expert
would not make (``kind``: segment, competitor, both-seek or exclusion).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from ruamel.yaml import YAML
from ruamel.yaml.error import YAMLError

from liqa.core.matching.profiles import Party
from liqa.core.model import LANGUAGES, OrgKind, Side
from liqa.core.problems import InputError, Problem


@dataclass(frozen=True)
class ExpertPair:
    """Two organizations an expert would match, and why."""

    a: str
    b: str
    why: str


HARD_NEGATIVE_KINDS = ("segment", "competitor", "both-seek", "exclusion")
SPLITS = ("dev", "test")


@dataclass(frozen=True)
class HardNegative:
    """Two organizations that share themes but that an expert would not match, and why."""

    a: str
    b: str
    kind: str
    why: str


@dataclass(frozen=True)
class Dataset:
    """A loaded evaluation set."""

    name: str
    parties: tuple[Party, ...]
    languages: dict[str, str]
    """Party id → the language its profile is written in."""
    pairs: tuple[ExpertPair, ...]
    hard_negatives: tuple[HardNegative, ...] = ()
    splits: dict[str, str] = field(default_factory=dict)
    """Party id → ``dev`` or ``test`` (when the set is split)."""

    def hard(self) -> dict[str, set[str]]:
        """Party id → the ids of its hard negatives (both directions)."""
        out: dict[str, set[str]] = {}
        for pair in self.hard_negatives:
            out.setdefault(pair.a, set()).add(pair.b)
            out.setdefault(pair.b, set()).add(pair.a)
        return out

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
    negatives: list[tuple[str, int, Any]] = []
    for name, data in [(str(path), root)] + [
        (str(path.parent / inc), _read(path.parent / inc, problems))
        for inc in root.get("include") or ()
    ]:
        if data is None:
            continue
        orgs += [(name, i, raw) for i, raw in enumerate(data.get("organizations") or ())]
        pairs += [(name, i, raw) for i, raw in enumerate(data.get("pairs") or ())]
        negatives += [(name, i, raw) for i, raw in enumerate(data.get("hard_negatives") or ())]
    parties: list[Party] = []
    languages: dict[str, str] = {}
    splits: dict[str, str] = {}
    for file, i, raw in orgs:
        party = _party(raw, file, f"organizations[{i}]", problems)
        if party is None:
            continue
        if party.id in languages:
            problems.append(
                Problem(file, f"duplicate id {party.id!r}", path=f"organizations[{i}].id")
            )
        languages[party.id] = str(raw["lang"])
        if raw.get("split") is not None:
            splits[party.id] = str(raw["split"])
        parties.append(party)
    expert = [
        ExpertPair(raw["a"], raw["b"], str(raw.get("why", "")))
        for file, i, raw in pairs
        if _pair_ok(raw, file, f"pairs[{i}]", languages, problems)
    ]
    hard: list[HardNegative] = []
    for file, i, raw in negatives:
        where = f"hard_negatives[{i}]"
        if not _pair_ok(raw, file, where, languages, problems):
            continue
        if raw.get("kind") not in HARD_NEGATIVE_KINDS:
            problems.append(
                Problem(
                    file,
                    f"`kind` must be one of {', '.join(HARD_NEGATIVE_KINDS)}",
                    path=f"{where}.kind",
                )
            )
        hard.append(HardNegative(raw["a"], raw["b"], str(raw.get("kind")), str(raw.get("why"))))
    if problems:
        raise InputError(problems)
    return Dataset(
        str(root.get("name", path.stem)),
        tuple(parties),
        languages,
        tuple(expert),
        tuple(hard),
        splits,
    )


def _pair_ok(
    raw: Any, file: str, where: str, known: dict[str, str], problems: list[Problem]
) -> bool:
    """Check ``{a, b, why}``; add a problem for each fault; False when unusable."""
    if not isinstance(raw, dict) or not all(isinstance(raw.get(k), str) for k in ("a", "b")):
        problems.append(Problem(file, "a pair needs `a` and `b` (organization ids)", path=where))
        return False
    for key in ("a", "b"):
        if raw[key] not in known:
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
    return True


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
    kinds = {k.value for k in OrgKind}
    if raw.get("kind") is not None and raw.get("kind") not in kinds:
        problems.append(
            Problem(
                file,
                f"{raw['id']}: `kind` must be one of {', '.join(sorted(kinds))}",
                path=f"{where}.kind",
            )
        )
        ok = False
    if raw.get("split") is not None and raw.get("split") not in SPLITS:
        problems.append(
            Problem(file, f"{raw['id']}: `split` must be dev or test", path=f"{where}.split")
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
        kind=OrgKind(raw["kind"]) if raw.get("kind") else None,
    )
