"""Language bias of the semantic signal (issue #6), measured on the *dev* queries only.

multilingual-e5's cosine of two texts written in one language is higher than that of two
texts in different languages, whatever they say. Standardized over all of a reader's
candidates, the signal then favours candidates in the reader's language. This script
prints (1) the mean cosine of the profiles per pair of languages (the bias itself; every
organization of the set, no ranking), and (2) the evaluation of ways to take it out, the
signal otherwise as in the engine (whole profiles as passages, clipped z, inside the base,
not between competitors, weight 0.35):

* ``reader``: the engine before language centring (cd81475), z over all of the reader's
  candidates;
* ``group``: z over the reader's candidates written in the candidate's language (all
  candidates when that group has fewer than ``--min-group``);
* ``pair-mean``: the mean cosine of the (reader language, candidate language) pair over
  the whole event subtracted, then z over all of the reader's candidates;
* ``centred``: each language's mean vector subtracted from its profiles' vectors
  ("language centring", :func:`~liqa.core.matching.semantic.centre_languages`, the engine
  since 65c49e4; the mean of all profiles for a language with fewer than ``--min-group``
  distinct profiles), renormalized, then z over all candidates;
* ``centred-all``: the control: the mean of all profiles subtracted from every vector,
  whatever its language.

A party's language is that of most of its text (:func:`profile_language`). The test
queries are never scored here. Usage::

    nice -n 15 uv run python benchmarks/matchmaking/semantic_language.py
    nice -n 15 uv run python benchmarks/matchmaking/semantic_language.py --methods reader,group
"""

from __future__ import annotations

import argparse
from collections.abc import Sequence
from pathlib import Path

import numpy as np
from semantic_choices import row, scorer  # the benchmark next to this one

from liqa.core.matching.evalset import load_dataset
from liqa.core.matching.profiles import Party
from liqa.core.matching.recommend import build_matcher
from liqa.core.matching.rules import MatchRules
from liqa.core.matching.scoring import MatchSettings
from liqa.core.matching.semantic import (
    MIN_LANGUAGE_GROUP,
    centre_languages,
    default_embedder,
    normalize_text,
    profile_language,
    profile_text,
)
from liqa.core.matching.textsim import Matrix

HERE = Path(__file__).resolve().parent
SETS = {
    "v1 (all)": (HERE / "evalset.yaml", None),
    "v2 dev": (HERE / "v2" / "evalset.yaml", "dev"),
    "v3 dev": (HERE / "v3" / "evalset.yaml", "dev"),
}
METHODS = ("reader", "group", "pair-mean", "centred-all", "centred")


def zscore(raw: Matrix, mean: Matrix, std: Matrix) -> Matrix:
    """``max(0, (raw − mean) / std)``, 0 where ``std`` is 0."""
    z = np.divide(raw - mean, std, out=np.zeros_like(raw), where=std > 1e-6)
    out: Matrix = np.maximum(z, 0.0).astype(np.float32)
    return out


def standardized(v: Matrix, langs: Sequence[str], method: str, min_group: int) -> Matrix:
    """The semantic signal of every reader row by ``method`` (see the module's docstring)."""
    lang = np.array(langs)
    if method == "centred":
        v = centre_languages(v, langs, min_group)  # as the engine does
    if method == "centred-all":
        v = v - v.mean(axis=0)
        v /= np.maximum(np.linalg.norm(v, axis=1, keepdims=True), 1e-12)
    raw: Matrix = v @ v.T
    if method == "reader" or method.startswith("centred"):
        return zscore(raw, raw.mean(axis=1, keepdims=True), raw.std(axis=1, keepdims=True))
    if method == "pair-mean":
        shifted = raw.copy()
        for a in set(langs):
            for b in set(langs):
                block = np.ix_(lang == a, lang == b)
                shifted[block] -= raw[block].mean()
        return zscore(
            shifted, shifted.mean(axis=1, keepdims=True), shifted.std(axis=1, keepdims=True)
        )
    mean = np.repeat(raw.mean(axis=1, keepdims=True), raw.shape[1], axis=1)
    std = np.repeat(raw.std(axis=1, keepdims=True), raw.shape[1], axis=1)
    for code in set(langs):
        cols = lang == code
        if cols.sum() >= min_group:
            mean[:, cols] = raw[:, cols].mean(axis=1, keepdims=True)
            std[:, cols] = raw[:, cols].std(axis=1, keepdims=True)
    return zscore(raw, mean, std)


def bias(v: Matrix, langs: Sequence[str]) -> str:
    """Mean cosine per (language, language) pair of distinct profiles."""
    lang = np.array(langs)
    raw = v @ v.T
    codes = [c for c in ("ar", "fr", "en") if c in set(langs)]
    cells = []
    for a in codes:
        for b in codes:
            block = raw[np.ix_(lang == a, lang == b)]
            n = block.size - (int((lang == a).sum()) if a == b else 0)
            total = float(block.sum()) - (float((lang == a).sum()) if a == b else 0.0)
            cells.append(f"{a}-{b} {total / max(n, 1):.3f}")
    return ", ".join(cells)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--methods", default=",".join(METHODS))
    parser.add_argument("--min-group", type=int, default=MIN_LANGUAGE_GROUP)
    args = parser.parse_args()
    for name, (path, _) in SETS.items():
        ds = load_dataset(path)
        parties: Sequence[Party] = ds.parties
        langs = [profile_language(p) for p in parties]
        differ = [
            p.id for p, code in zip(parties, langs, strict=True) if ds.languages[p.id] != code
        ]
        counts = {c: langs.count(c) for c in sorted(set(langs))}
        print(f"{name.split()[0]} (every party): languages {counts}; ", end="")
        print(f"differ from the set's `lang`: {differ or 'none'}")
        v = default_embedder().embed([normalize_text(profile_text(p)) for p in parties], "passage")
        print(f"{name.split()[0]} (every party): mean cosine by languages: {bias(v, langs)}")
    print()
    print("| set | method | p@5 | r@10 | nDCG@10 | delegation p@5 | hard neg. in top 5 ", end="")
    print("| r@10 cross / same |")
    print("|---|---|---:|---:|---:|---:|---:|---:|")
    for name, (path, split) in SETS.items():
        ds = load_dataset(path)
        matcher = build_matcher(ds.parties, MatchRules(), MatchSettings(semantic_weight=0.0))
        parties = matcher.parties
        langs = [profile_language(p) for p in parties]
        v = default_embedder().embed([normalize_text(profile_text(p)) for p in parties], "passage")
        print(row(f"{name} | off", ds, split, matcher, None), flush=True)
        for method in args.methods.split(","):
            sem = standardized(v, langs, method, args.min_group)
            label = f"{name} | {method}"
            print(row(label, ds, split, matcher, scorer(sem, 0.35, "inside+no-competitor")))


if __name__ == "__main__":
    main()
