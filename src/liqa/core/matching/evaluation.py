"""Evaluation of the matchmaking engine against expert pairs, next to two baselines.

Every organization with at least one expert pair is a query; its candidates are the
organizations the rules allow (the other side). Metrics are averaged over queries:

* precision@5: share of the top 5 that the expert paired with the query (a query with
  fewer than 5 expert pairs cannot score 1: the report gives the ceiling, and precision@5
  over the queries with at least 5 pairs);
* recall@10: share of the query's expert pairs found in the top 10;
* nDCG@10: binary-relevance discounted cumulative gain, normalized by the ideal list.

Pairs are also split by language: same-language (both profiles in one language) and
cross-language (e.g. Arabic vs English), with recall@10 per kind (every expert pair seen
from each of its two ends) and precision@5 of the retrieved items of each kind.

Also reported: precision@5 of the delegation-side queries (a delegation member at a
~100-organization event has 5+ hosts worth meeting; a host suits fewer members), how many
labelled hard negatives each method puts in a top 5, and — when the set is split — the
same figures for the *dev* and *test* queries.

Baselines: *shared-theme count* (number of themes both profiles mention anywhere, refusals
included, ties broken by TF-IDF, which favours the baseline) and *same-language TF-IDF*
(cosine of the texts).
"""

from __future__ import annotations

import math
from collections.abc import Callable, Mapping, Sequence

from liqa.core.matching.evalreport import Metrics, Report
from liqa.core.matching.evalset import Dataset
from liqa.core.matching.recommend import (
    Matcher,
    ScoreFunction,
    build_matcher,
    engine_scores,
    ranked_ids,
)
from liqa.core.matching.rules import MatchRules
from liqa.core.matching.scoring import MatchSettings
from liqa.core.matching.signals import shared_count_signal, text_signal
from liqa.core.matching.textsim import Matrix


def shared_theme_baseline(matcher: Matcher, rows: slice) -> Matrix:
    """Baseline 1: number of shared themes (ties broken by TF-IDF)."""
    out: Matrix = shared_count_signal(matcher.model, rows) + 1e-3 * text_signal(matcher.model, rows)
    return out


def tfidf_baseline(matcher: Matcher, rows: slice) -> Matrix:
    """Baseline 2: same-language TF-IDF cosine."""
    return text_signal(matcher.model, rows)


METHODS: dict[str, ScoreFunction] = {
    "liqa": engine_scores,
    "shared-theme count": shared_theme_baseline,
    "same-language TF-IDF": tfidf_baseline,
}


def evaluate(
    dataset: Dataset,
    settings: MatchSettings | None = None,
    progress: Callable[[], None] | None = None,
    split: str | None = None,
) -> Report:
    """Score every method on ``dataset`` (only the queries of ``split`` when given)."""
    matcher = build_matcher(dataset.parties, MatchRules(), settings)
    relevant = dataset.relevant()
    queries = [
        p.id
        for p in dataset.parties
        if p.id in relevant and (split is None or dataset.splits.get(p.id) == split)
    ]
    sides = {p.id: p.side.value for p in dataset.parties}
    hard = dataset.hard()
    splits = sorted(set(dataset.splits.values())) if split is None else []
    results: dict[str, Metrics] = {}
    by_split: dict[str, dict[str, Metrics]] = {name: {} for name in splits}
    for name, score in METHODS.items():
        ranked = ranked_ids(matcher, 10, score, queries)
        results[name] = metrics(ranked, relevant, dataset.languages, hard, sides)
        for part in splits:
            subset = {q: items for q, items in ranked.items() if dataset.splits.get(q) == part}
            by_split[part][name] = metrics(subset, relevant, dataset.languages, hard, sides)
        if progress is not None:
            progress()
    return Report(
        dataset.name,
        len(dataset.parties),
        len(dataset.pairs),
        matcher.thesaurus.version,
        results,
        by_split,
        split or "",
    )


def metrics(
    ranked: Mapping[str, Sequence[str]],
    relevant: Mapping[str, set[str]],
    languages: Mapping[str, str],
    hard: Mapping[str, set[str]] | None = None,
    sides: Mapping[str, str] | None = None,
) -> Metrics:
    """Precision@5, recall@10, nDCG@10, the by-language split of ranked lists, precision@5
    of the delegation-side queries and the hard negatives put in a top 5."""
    hard = hard or {}
    sides = sides or {}
    hard_seen = hard_in_top = 0
    p5_delegation: list[float] = []
    p5: list[float] = []
    ceiling: list[float] = []
    p5_full: list[float] = []
    r10: list[float] = []
    ndcg: list[float] = []
    found: dict[str, int] = {}
    total: dict[str, int] = {}
    retrieved: dict[str, int] = {}
    hits: dict[str, int] = {}
    for query, items in ranked.items():
        rel = relevant.get(query, set())
        if not rel:
            continue
        top5, top10 = list(items[:5]), list(items[:10])
        p5.append(sum(1 for x in top5 if x in rel) / 5)
        ceiling.append(min(len(rel), 5) / 5)
        if len(rel) >= 5:
            p5_full.append(p5[-1])
        if sides.get(query) == "delegation":
            p5_delegation.append(p5[-1])
        hard_seen += len(hard.get(query, ()))
        hard_in_top += sum(1 for x in top5 if x in hard.get(query, ()))
        r10.append(sum(1 for x in top10 if x in rel) / len(rel))
        dcg = sum(1 / math.log2(i + 2) for i, x in enumerate(top10) if x in rel)
        ideal = sum(1 / math.log2(i + 2) for i in range(min(len(rel), 10)))
        ndcg.append(dcg / ideal)
        for other in rel:
            for kind in _kinds(languages[query], languages[other]):
                total[kind] = total.get(kind, 0) + 1
                found[kind] = found.get(kind, 0) + (other in top10)
        for x in top5:
            for kind in _kinds(languages[query], languages[x]):
                retrieved[kind] = retrieved.get(kind, 0) + 1
                hits[kind] = hits.get(kind, 0) + (x in rel)
    n = len(p5)
    return Metrics(
        n,
        sum(p5) / n if n else 0.0,
        sum(r10) / n if n else 0.0,
        sum(ndcg) / n if n else 0.0,
        sum(ceiling) / n if n else 0.0,
        len(p5_full),
        sum(p5_full) / len(p5_full) if p5_full else 0.0,
        {kind: found[kind] / total[kind] for kind in total},
        {kind: hits[kind] / retrieved[kind] for kind in retrieved},
        dict(total),
        len(p5_delegation),
        sum(p5_delegation) / len(p5_delegation) if p5_delegation else 0.0,
        hard_seen,
        hard_in_top,
    )


def _kinds(a: str, b: str) -> tuple[str, str]:
    if a == b:
        return ("same-language", f"{a}-{a}")
    first, second = sorted((a, b), key=("ar", "fr", "en").index)
    return ("cross-language", f"{first}-{second}")
