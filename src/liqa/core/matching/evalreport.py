"""The figures of a matchmaking evaluation and their Markdown report."""

from __future__ import annotations

import math
from collections.abc import Mapping
from dataclasses import dataclass, field


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
    delegation_queries: int = 0
    """Queries from the delegation side."""
    precision_at_5_delegation: float = 0.0
    """Precision@5 over the delegation-side queries."""
    hard_negatives: int = 0
    """Hard negatives seen from a query end (a pair counts once per end that is a query)."""
    hard_negatives_in_top_5: int = 0
    """How many of those the method put in the query's top 5."""


@dataclass(frozen=True)
class Report:
    """Metrics of every method on one data set, overall and per split."""

    dataset: str
    organizations: int
    pairs: int
    thesaurus_version: str
    results: Mapping[str, Metrics]
    by_split: Mapping[str, Mapping[str, Metrics]] = field(default_factory=dict)
    """``dev`` / ``test`` → method → metrics over that split's queries."""
    split: str = ""
    """The split the whole report is restricted to, if any."""

    def improvement(self, metric: str = "precision_at_5") -> float:
        """Relative gain of liqa over the better baseline on ``metric``."""
        return _improvement(self.results, metric)

    def to_markdown(self) -> str:
        """The report as a Markdown section."""
        restricted = f" (queries of the *{self.split}* split only)" if self.split else ""
        lines = [
            f"Data set: **{self.dataset}** — {self.organizations} organizations, "
            f"{self.pairs} expert pairs; thesaurus {self.thesaurus_version}{restricted}.",
            "",
            *_main_table(self.results),
            "",
            f"liqa vs the better baseline, precision@5: {self.improvement():+.1%}; "
            f"on queries with ≥ 5 pairs: {self.improvement('precision_at_5_full'):+.1%}; "
            f"nDCG@10: {self.improvement('ndcg_at_10'):+.1%}.",
        ]
        if self.by_split:
            lines += ["", "By split (the *test* queries were not looked at while developing):", ""]
            lines += _split_table(self.by_split)
        lines += [
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


def _main_table(results: Mapping[str, Metrics]) -> list[str]:
    hard = any(m.hard_negatives for m in results.values())
    lines = [
        "| method | queries | precision@5 (ceiling) | recall@10 | nDCG@10 "
        "| queries with ≥ 5 pairs | precision@5 on those | delegation queries "
        "| precision@5 on those |" + (" hard negatives in top 5 |" if hard else ""),
        "|---|---:|---:|---:|---:|---:|---:|---:|---:|" + ("---:|" if hard else ""),
    ]
    for name, m in results.items():
        lines.append(
            f"| {name} | {m.queries} | {m.precision_at_5:.3f} ({m.precision_at_5_ceiling:.3f}) "
            f"| {m.recall_at_10:.3f} | {m.ndcg_at_10:.3f} | {m.full_queries} "
            f"| {m.precision_at_5_full:.3f} | {m.delegation_queries} "
            f"| {m.precision_at_5_delegation:.3f} |"
            + (f" {m.hard_negatives_in_top_5} of {m.hard_negatives} |" if hard else "")
        )
    return lines


def _split_table(by_split: Mapping[str, Mapping[str, Metrics]]) -> list[str]:
    lines = [
        "| split | method | queries | precision@5 (ceiling) | precision@5, ≥ 5 pairs "
        "| precision@5, delegation | recall@10 | nDCG@10 | hard negatives in top 5 "
        "| liqa vs better baseline, p@5 |",
        "|---|---|---:|---:|---:|---:|---:|---:|---:|---:|",
    ]
    for split, results in by_split.items():
        gain = _improvement(results, "precision_at_5")
        for name, m in results.items():
            lines.append(
                f"| {split} | {name} | {m.queries} "
                f"| {m.precision_at_5:.3f} ({m.precision_at_5_ceiling:.3f}) "
                f"| {m.precision_at_5_full:.3f} ({m.full_queries}) "
                f"| {m.precision_at_5_delegation:.3f} ({m.delegation_queries}) "
                f"| {m.recall_at_10:.3f} | {m.ndcg_at_10:.3f} "
                f"| {m.hard_negatives_in_top_5} of {m.hard_negatives} "
                f"| {f'{gain:+.1%}' if name == 'liqa' else ''} |"
            )
    return lines


def _improvement(results: Mapping[str, Metrics], metric: str) -> float:
    ours = getattr(results["liqa"], metric)
    best = max(getattr(m, metric) for name, m in results.items() if name != "liqa")
    return ours / best - 1.0 if best > 0 else math.inf


def _kind_order(kind: str) -> tuple[int, str]:
    return (0 if kind == "same-language" else 1 if kind == "cross-language" else 2, kind)
