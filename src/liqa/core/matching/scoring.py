"""Relevance scores between parties, one labelled function per signal.

For parties *a* (the reader) and *b* (a candidate)::

    score(a, b) = need_weight   * (fit(a→b) + fit(b→a))      # mutual: seeks vs offers
                + shared_weight * cos(themes(a), themes(b))  # shared themes
                + text_weight   * tfidf(a, b)                # same-language wording

``fit(a→b)`` is the share of *a*'s sought themes that *b* offers, each theme weighted by
its specificity (rarer themes weigh more), a related theme counting ``related_credit``.
Every signal is computed for many rows at once with numpy, so that all
recommendations of 5,000 participants take seconds.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

import numpy as np
import numpy.typing as npt

from liqa.core.matching.profiles import Profile
from liqa.core.matching.textsim import Matrix, TfidfSpace, tfidf_space
from liqa.core.matching.thesaurus import Thesaurus


@dataclass(frozen=True)
class MatchSettings:
    """Weights and limits of the matching engine, passed in explicitly."""

    need_weight: float = 1.0
    shared_weight: float = 0.5
    text_weight: float = 0.3
    related_credit: float = 0.3
    top: int = 10
    max_per_organization: int = 1
    """Diversity: at most this many people of one organization in a list (while others remain)."""
    min_score: float = 0.05
    """Candidates scoring below this are not recommended."""
    chunk_rows: int = 256
    """Rows scored at once (memory: ``chunk_rows × parties`` floats per signal)."""


@dataclass(frozen=True)
class ScoreModel:
    """Theme and text matrices of a set of profiles, ready to score any rows against all."""

    profiles: tuple[Profile, ...]
    theme_ids: tuple[str, ...]
    seeks: Matrix
    """``seeks[i, t]``: specificity of theme ``t`` if party ``i`` seeks it, rows summing to 1."""
    offers: Matrix
    """``offers[i, t]`` = 1 when party ``i`` offers theme ``t``; a related theme gets the credit."""
    themes: Matrix
    """Binary theme membership, L2-normalized rows."""
    theme_counts: Matrix
    """Binary theme membership (for the shared-theme-count baseline)."""
    spaces: tuple[TfidfSpace, ...]
    settings: MatchSettings


@dataclass(frozen=True)
class Signals:
    """Each signal for a block of rows (readers) × all parties (candidates)."""

    need: Matrix
    shared: Matrix
    text: Matrix

    def total(self, settings: MatchSettings) -> Matrix:
        """The weighted relevance score."""
        out: Matrix = (
            settings.need_weight * self.need
            + settings.shared_weight * self.shared
            + settings.text_weight * self.text
        )
        return out


def build_score_model(
    profiles: Sequence[Profile], thesaurus: Thesaurus, settings: MatchSettings | None = None
) -> ScoreModel:
    """Matrices for ``profiles`` (tagged with ``thesaurus``)."""
    settings = settings or MatchSettings()
    ids = thesaurus.ids
    column = {theme: i for i, theme in enumerate(ids)}
    n, t = len(profiles), len(ids)
    seeks = np.zeros((n, t), dtype=np.float32)
    offers = np.zeros((n, t), dtype=np.float32)
    themes = np.zeros((n, t), dtype=np.float32)
    for i, profile in enumerate(profiles):
        for theme in profile.seeks:
            seeks[i, column[theme]] = 1.0
        for theme in profile.offers:
            offers[i, column[theme]] = 1.0
        for theme in profile.themes:
            themes[i, column[theme]] = 1.0
    related = _related_matrix(thesaurus, column, settings.related_credit)
    offers_expanded = np.minimum(offers @ related, 1.0).astype(np.float32)
    seeks = seeks * theme_specificity(themes)[None, :]
    seek_counts = seeks.sum(axis=1, keepdims=True)
    seeks_normalized = np.divide(
        seeks, seek_counts, out=np.zeros_like(seeks), where=seek_counts > 0
    )
    norms = np.linalg.norm(themes, axis=1, keepdims=True)
    themes_normalized = np.divide(themes, norms, out=np.zeros_like(themes), where=norms > 0)
    languages = sorted({lang for p in profiles for lang in p.texts})
    spaces = tuple(tfidf_space([p.texts.get(lang) for p in profiles], lang) for lang in languages)
    return ScoreModel(
        tuple(profiles),
        ids,
        seeks_normalized,
        offers_expanded,
        themes_normalized,
        themes,
        spaces,
        settings,
    )


def theme_specificity(themes: Matrix) -> Matrix:
    """Weight of each theme: ``1 + ln(n / df)``, so a rare theme tells more than a common one.

    "Training in cybersecurity" is better served by a cybersecurity trainer than by a
    generic training provider: *skills-training* is mentioned by many more parties.
    """
    n = max(themes.shape[0], 1)
    df = themes.sum(axis=0)
    weights: Matrix = (1.0 + np.log(n / np.maximum(df, 1.0))).astype(np.float32)
    return weights


def _related_matrix(thesaurus: Thesaurus, column: dict[str, int], credit: float) -> Matrix:
    matrix = np.eye(len(column), dtype=np.float32)
    for theme in thesaurus.themes:
        for other in theme.related:
            matrix[column[theme.id], column[other]] = max(
                matrix[column[theme.id], column[other]], credit
            )
            matrix[column[other], column[theme.id]] = max(
                matrix[column[other], column[theme.id]], credit
            )
    return matrix


def need_signal(model: ScoreModel, rows: slice) -> Matrix:
    """Mutual fit: what each reader seeks that the candidate offers, plus the converse."""
    forward: Matrix = model.seeks[rows] @ model.offers.T
    backward: Matrix = model.offers[rows] @ model.seeks.T
    return forward + backward


def shared_signal(model: ScoreModel, rows: slice) -> Matrix:
    """Cosine of the two parties' theme sets."""
    block: Matrix = model.themes[rows] @ model.themes.T
    return block


def text_signal(model: ScoreModel, rows: slice) -> Matrix:
    """Best TF-IDF cosine over the languages both parties wrote in."""
    size = len(range(*rows.indices(len(model.profiles))))
    best = np.zeros((size, len(model.profiles)), dtype=np.float32)
    for space in model.spaces:
        np.maximum(best, space.rows[rows] @ space.rows.T, out=best)
    return best


def shared_count_signal(model: ScoreModel, rows: slice) -> Matrix:
    """Number of shared themes (the first evaluation baseline)."""
    block: Matrix = model.theme_counts[rows] @ model.theme_counts.T
    return block


def signals(model: ScoreModel, rows: slice) -> Signals:
    """Every signal for ``rows`` against all parties."""
    return Signals(need_signal(model, rows), shared_signal(model, rows), text_signal(model, rows))


def top_indices(scores: npt.NDArray[np.float32], k: int) -> npt.NDArray[np.intp]:
    """Column indices of the ``k`` best scores of each row, best first (ties: lower index)."""
    k = max(0, min(k, scores.shape[1]))
    if k == 0:
        return np.zeros((scores.shape[0], 0), dtype=np.intp)
    if k == scores.shape[1]:
        full: npt.NDArray[np.intp] = np.argsort(-scores, axis=1, kind="stable")
        return full
    kth = np.partition(-scores, k - 1, axis=1)[:, k - 1 : k]
    out = np.empty((scores.shape[0], k), dtype=np.intp)
    for i in range(scores.shape[0]):
        candidates = np.flatnonzero(-scores[i] <= kth[i, 0])
        ranked = candidates[np.argsort(-scores[i, candidates], kind="stable")]
        out[i] = ranked[:k]
    return out
