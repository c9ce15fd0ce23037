"""Choices for the semantic signal, measured on the *dev* queries only (v1, v2 dev, v3 dev).

Which texts are embedded (and with which of e5's prefixes), whether the signal enters the
score inside its base (scaled by the segment and refusal rules, as the shared-theme and
wording signals) or is added to the final score, whether it is damped for competitors,
and its weight. The test queries are never scored here. The ``sentence-mean`` and
``field-mean`` texts (a profile's vector as the mean of its sentences' or fields' vectors,
which the reasons' quotes need anyway, so a cold run would embed fewer texts) were tried
for the speed of a cold run (issue #6) and dropped: they lost precision on v2-dev and
v3-dev; so did the ``whole-capN`` texts (the whole profile cut at the last word within N
tokens, the model's cost being about proportional to them) for N ≤ 64. Usage::

    nice -n 15 uv run python benchmarks/matchmaking/semantic_choices.py
    nice -n 15 uv run python benchmarks/matchmaking/semantic_choices.py --texts whole --weights 0.35
"""

from __future__ import annotations

import argparse
import dataclasses
from collections.abc import Callable, Mapping, Sequence
from pathlib import Path

import numpy as np

from liqa.core.matching.evalset import Dataset, load_dataset
from liqa.core.matching.evaluation import metrics
from liqa.core.matching.profiles import Party
from liqa.core.matching.recommend import Matcher, build_matcher, ranked_ids
from liqa.core.matching.rules import MatchRules
from liqa.core.matching.scoring import MatchSettings
from liqa.core.matching.semantic import (
    DIM,
    default_embedder,
    normalize_text,
    profile_text,
    sentences,
)
from liqa.core.matching.semantic import _engine as semantic_engine
from liqa.core.matching.signals import signals
from liqa.core.matching.textsim import Matrix

HERE = Path(__file__).resolve().parent
SETS = {
    "v1 (all)": (HERE / "evalset.yaml", None),
    "v2 dev": (HERE / "v2" / "evalset.yaml", "dev"),
    "v3 dev": (HERE / "v3" / "evalset.yaml", "dev"),
}
TEXTS = {
    "seeks→offers+description": "query(seeks, else description) vs passage(offers + description)",
    "seeks→offers only": "query(seeks, else description) vs passage(offers, else description)",
    "whole": "passage(whole profile) vs passage(whole profile)",
    "sentence-mean": "passage(mean of the profile's sentence vectors), both sides",
    "sentence-mean-chars": "as sentence-mean, each sentence weighted by its length",
    "field-mean": "passage(mean of the vectors of the profile's fields: seeks, offers, "
    "description, each language)",
    "field-mean-chars": "as field-mean, each field weighted by its length",
    "whole-cap32": "as whole, each profile cut at the last word within 32 tokens",
    "whole-cap48": "as whole, cut within 48 tokens",
    "whole-cap64": "as whole, cut within 64 tokens",
    "whole-cap96": "as whole, cut within 96 tokens",
}


def _joined(field: Mapping[str, str]) -> str:
    return normalize_text(" ".join(v for v in field.values() if v))


def capped(text: str, tokens: int) -> str:
    """``text`` cut at the last word such that the model reads at most ``tokens`` tokens
    (``passage:`` prefix and the two special tokens included)."""
    count = semantic_engine().token_count
    words = text.split(" ")
    if count(text, False) <= tokens:
        return text
    low, high = 0, len(words)  # words[:low] fits, words[:high] does not
    while high - low > 1:
        mid = (low + high) // 2
        if count(" ".join(words[:mid]), False) <= tokens:
            low = mid
        else:
            high = mid
    return " ".join(words[:low])


def raw_similarity(parties: Sequence[Party], texts: str) -> Matrix:
    """Parties × parties: the cosine of the chosen texts (mutual: both directions averaged)."""
    embed = default_embedder().embed
    if texts.startswith("whole"):
        cap = int(texts.removeprefix("whole-cap")) if texts != "whole" else None
        whole = [normalize_text(profile_text(p)) for p in parties]
        v = embed([capped(t, cap) if cap else t for t in whole], "passage")
        out: Matrix = v @ v.T
        return out
    if texts.startswith(("sentence-mean", "field-mean")):
        v = np.zeros((len(parties), DIM), dtype=np.float32)
        for i, p in enumerate(parties):
            if texts.startswith("field"):
                fields = (p.seeks, p.offers, p.description)
                found = list(dict.fromkeys(normalize_text(t) for f in fields for t in f.values()))
                found = [t for t in found if t]
            else:
                found = list(dict.fromkeys(sentences(profile_text(p, "\n"))))
            if not found:
                continue
            weights = np.array(
                [len(s) if texts.endswith("chars") else 1.0 for s in found], dtype=np.float32
            )
            mean = weights @ embed(found, "passage")
            v[i] = mean / max(float(np.linalg.norm(mean)), 1e-12)
        out = v @ v.T
        return out
    needs = embed([_joined(p.seeks) or _joined(p.description) for p in parties], "query")
    if texts == "seeks→offers+description":
        offers = [normalize_text(f"{_joined(p.offers)} {_joined(p.description)}") for p in parties]
    else:
        offers = [_joined(p.offers) or _joined(p.description) for p in parties]
    o = embed(offers, "passage")
    forward = needs @ o.T
    out = ((forward + forward.T) / 2).astype(np.float32)
    return out


def standardized(raw: Matrix, clip: bool) -> Matrix:
    z = (raw - raw.mean(axis=1, keepdims=True)) / (raw.std(axis=1, keepdims=True) + 1e-6)
    out: Matrix = (np.maximum(z, 0.0) if clip else z).astype(np.float32)
    return out


def scorer(sem_all: Matrix, w: float, where: str) -> Callable[[Matcher, slice], Matrix]:
    def score(matcher: Matcher, rows: slice) -> Matrix:
        sig = signals(matcher.model, rows)
        sem = sem_all[rows]
        if where == "inside+damped":
            sem = sem * np.maximum(0.0, 1.0 - sig.competition)
        if where == "inside+no-competitor":
            sem = sem * (sig.competition <= 0)
        if where.startswith("inside"):
            settings = dataclasses.replace(matcher.settings, semantic_weight=w)
            return dataclasses.replace(sig, semantic=sem).total(settings)
        out: Matrix = sig.total(matcher.settings) + w * sem
        return out

    return score


def row(
    label: str,
    ds: Dataset,
    split: str | None,
    matcher: Matcher,
    score: Callable[[Matcher, slice], Matrix] | None,
) -> str:
    relevant = ds.relevant()
    queries = [
        p.id
        for p in ds.parties
        if p.id in relevant and (split is None or ds.splits.get(p.id) == split)
    ]
    sides = {p.id: p.side.value for p in ds.parties}
    if score is None:
        ranked = ranked_ids(matcher, 10, readers=queries)
    else:
        ranked = ranked_ids(matcher, 10, score, queries)
    m = metrics(ranked, relevant, ds.languages, ds.hard(), sides)
    cross = m.recall_by_kind.get("cross-language", 0.0)
    same = m.recall_by_kind.get("same-language", 0.0)
    return (
        f"| {label} | {m.precision_at_5:.3f} | {m.recall_at_10:.3f} | {m.ndcg_at_10:.3f} "
        f"| {m.precision_at_5_delegation:.3f} | {m.hard_negatives_in_top_5} of {m.hard_negatives} "
        f"| {cross:.3f} / {same:.3f} |"
    )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--weights", default="0.2,0.35,0.5,0.75,1.0")
    parser.add_argument("--texts", default=",".join(TEXTS), help=f"among {', '.join(TEXTS)}")
    parser.add_argument(
        "--where",
        default="inside,outside",
        help="inside, outside, inside+damped, inside+no-competitor",
    )
    parser.add_argument("--raw", action="store_true", help="also the unclipped z (outside only)")
    args = parser.parse_args()
    weights = [float(w) for w in args.weights.split(",")]
    print("| set | texts | where | z < 0 kept | w | p@5 | r@10 | nDCG@10 | delegation p@5 ", end="")
    print("| hard neg. in top 5 | r@10 cross / same |")
    print("|---|---|---|---|---:|---:|---:|---:|---:|---:|---:|")
    for name, (path, split) in SETS.items():
        ds = load_dataset(path)
        matcher = build_matcher(ds.parties, MatchRules(), MatchSettings(semantic_weight=0.0))
        print(row(f"{name} | — | off | — | 0", ds, split, matcher, None), flush=True)
        for texts in args.texts.split(","):
            raw = raw_similarity(matcher.parties, texts)
            for keep in (False, True) if args.raw else (False,):
                sem = standardized(raw, clip=not keep)
                for where in args.where.split(","):
                    if where.startswith("inside") and keep:
                        continue  # a negative part inside the base would be scaled by refusals
                    for w in weights:
                        label = f"{name} | {texts} | {where} | {'yes' if keep else 'no'} | {w}"
                        print(row(label, ds, split, matcher, scorer(sem, w, where)), flush=True)


if __name__ == "__main__":
    main()
