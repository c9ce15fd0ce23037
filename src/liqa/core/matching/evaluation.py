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

Baselines: *shared-theme count* (number of themes both profiles mention, ties broken by
TF-IDF, which favours the baseline) and *same-language TF-IDF* (cosine of the texts).
"""

from __future__ import annotations

import math
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass

from liqa.core.matching.evalset import Dataset
from liqa.core.matching.recommend import (
    Matcher,
    ScoreFunction,
    build_matcher,
    engine_scores,
    ranked_ids,
)
from liqa.core.matching.rules import MatchRules
from liqa.core.matching.scoring import MatchSettings, shared_count_signal, text_signal
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


@dataclass(frozen=True)
class Metrics:
    """Averages over queries, plus the split by pair language."""

    queries: int
    precision_at_5: float
    recall_at_10: float
    ndcg_at_10: float
    precision_at_5_ceiling: float
    """Best reachable precision@5 (queries with fewer than 5 expert pairs cap it)."""
    full_queries: int
    """Queries with at least 5 expert pairs."""
    precision_at_5_full: float
    """Precision@5 over those queries only (no cap)."""
    recall_by_kind: Mapping[str, float]
    """``same-language`` / ``cross-language`` / ``ar-en`` … → recall@10 of those pairs."""
    precision_by_kind: Mapping[str, float]
    """Share of retrieved top-5 items of each kind that are expert pairs."""
    pairs_by_kind: Mapping[str, int]


@dataclass(frozen=True)
class Report:
    """Metrics of every method on one data set."""

    dataset: str
    organizations: int
    pairs: int
    thesaurus_version: str
    results: Mapping[str, Metrics]

    def improvement(self, metric: str = "precision_at_5") -> float:
        """Relative gain of liqa over the better baseline on ``metric``."""
        ours = getattr(self.results["liqa"], metric)
        best = max(getattr(m, metric) for name, m in self.results.items() if name != "liqa")
        return ours / best - 1.0 if best > 0 else math.inf

    def to_markdown(self) -> str:
        """The report as a Markdown section."""
        lines = [
            f"Data set: **{self.dataset}** — {self.organizations} organizations, "
            f"{self.pairs} expert pairs; thesaurus {self.thesaurus_version}.",
            "",
            "| method | queries | precision@5 (ceiling) | recall@10 | nDCG@10 "
            "| queries with ≥ 5 pairs | precision@5 on those |",
            "|---|---:|---:|---:|---:|---:|---:|",
        ]
        for name, m in self.results.items():
            lines.append(
                f"| {name} | {m.queries} | {m.precision_at_5:.3f} ({m.precision_at_5_ceiling:.3f}) "
                f"| {m.recall_at_10:.3f} | {m.ndcg_at_10:.3f} | {m.full_queries} "
                f"| {m.precision_at_5_full:.3f} |"
            )
        lines += [
            "",
            f"liqa vs the better baseline, precision@5: {self.improvement():+.1%}; "
            f"on queries with ≥ 5 pairs: {self.improvement('precision_at_5_full'):+.1%}; "
            f"nDCG@10: {self.improvement('ndcg_at_10'):+.1%}.",
            "",
            "By language of the two profiles (recall@10 of the expert pairs of that kind; "
            "precision@5 of the retrieved top-5 items of that kind):",
            "",
            "| method | kind | expert pairs | recall@10 | precision@5 |",
            "|---|---|---:|---:|---:|",
        ]
        for name, m in self.results.items():
            for kind in sorted(m.recall_by_kind, key=_kind_order):
                lines.append(
                    f"| {name} | {kind} | {m.pairs_by_kind[kind]} | "
                    f"{m.recall_by_kind[kind]:.3f} | {m.precision_by_kind.get(kind, 0.0):.3f} |"
                )
        return "\n".join(lines) + "\n"


def _kind_order(kind: str) -> tuple[int, str]:
    return (0 if kind == "same-language" else 1 if kind == "cross-language" else 2, kind)


def evaluate(
    dataset: Dataset,
    settings: MatchSettings | None = None,
    progress: Callable[[], None] | None = None,
) -> Report:
    """Score every method on ``dataset``."""
    matcher = build_matcher(dataset.parties, MatchRules(), settings)
    relevant = dataset.relevant()
    queries = [p.id for p in dataset.parties if p.id in relevant]
    results: dict[str, Metrics] = {}
    for name, score in METHODS.items():
        ranked = ranked_ids(matcher, 10, score, queries)
        results[name] = metrics(ranked, relevant, dataset.languages)
        if progress is not None:
            progress()
    return Report(
        dataset.name,
        len(dataset.parties),
        len(dataset.pairs),
        matcher.thesaurus.version,
        results,
    )


def metrics(
    ranked: Mapping[str, Sequence[str]],
    relevant: Mapping[str, set[str]],
    languages: Mapping[str, str],
) -> Metrics:
    """Precision@5, recall@10, nDCG@10 and the by-language split of ranked lists."""
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
    )


def _kinds(a: str, b: str) -> tuple[str, str]:
    if a == b:
        return ("same-language", f"{a}-{a}")
    first, second = sorted((a, b), key=("ar", "fr", "en").index)
    return ("cross-language", f"{first}-{second}")
