"""The relevance score between parties: settings and the matrices it is computed from.

For a reader *a* and a candidate *b* (every signal in :mod:`~liqa.core.matching.signals`)::

    base(a, b)  = need_weight · (fit(a→b)·m(a→b) + fit(b→a)·m(b→a))    seeks vs offers, both ways
                + kind_weight · kind(a, b)                  "looks for banks", and a is one
                + (shared_weight · shared(a, b)             themes in common (not two seekers')
                   + text_weight · tfidf(a, b)                       same-language wording
                   + semantic_weight · semantic(a, b)) · min(m(a→b), m(b→a))   meaning, any language
    score(a, b) = base(a, b) · (1 − exclusion_penalty · excluded(a, b))  "we do not want …"
                − competitor_weight · competition(a, b)     same offers, no need of each other

``fit(a→b)`` is the share of *a*'s sought themes that *b* covers, each weighted by its
specificity ``1 + ln(N / df)``: 1 if *b* offers it, ``activity_credit`` if *b* only works in
it, ``related_credit`` for a related theme. ``m(a→b)`` is ``1 − segment_penalty`` when *b*'s
offer is aimed at market segments (consumers, small businesses, government …) and none of
the segments it names fits what *a* is, else 1. Every signal
is computed for a block of rows at once with numpy, so that all recommendations of 5,000
participants take seconds.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass

import numpy as np
import numpy.typing as npt

from liqa.core.matching.profiles import Profile
from liqa.core.matching.segments import (
    IS_A,
    MARKET_SEGMENTS,
    SECTOR_SEGMENTS,
    SERVED_BY,
    compatibility,
    default_segments,
)
from liqa.core.matching.semantic import Embedder, SemanticSpace
from liqa.core.matching.textsim import Matrix, TfidfSpace, tfidf_space
from liqa.core.matching.thesaurus import Thesaurus
from liqa.core.model import OrgKind


@dataclass(frozen=True)
class MatchSettings:
    """Weights and limits of the matching engine, passed in explicitly.

    The weights were set by reasoning, not fitted to an evaluation set (see
    ``docs/background/matchmaking.md``).
    """

    need_weight: float = 1.0
    shared_weight: float = 0.5
    text_weight: float = 0.3
    related_credit: float = 0.3
    """A sought theme met by a related offered theme counts this much."""
    activity_credit: float = 0.5
    """A sought theme the candidate works in without listing it as an offer counts this much."""
    kind_weight: float = 0.5
    """Worth of "looks for organizations like you" (only with a theme in common)."""
    segment_penalty: float = 0.7
    """Share of a fit lost when the offer is aimed at another segment."""
    exclusion_penalty: float = 0.9
    """Share of the score lost when one party excludes all the other does."""
    competitor_weight: float = 1.0
    """Subtracted for two companies doing the same thing with no need for each other."""
    semantic_weight: float = 0.35
    """Worth of one standard deviation of closeness in meaning (multilingual embeddings of
    needs and offers, :mod:`~liqa.core.matching.semantic`) above the reader's average
    candidate; 0 turns the signal off (and the model is never loaded)."""
    top: int = 10
    max_per_organization: int = 1
    """Diversity: at most this many people of one organization in a list (while others remain)."""
    min_score: float = 0.05
    """Candidates scoring below this are not recommended."""
    chunk_rows: int = 256
    """Rows scored at once (memory: ``chunk_rows × parties`` floats per signal)."""


type Flags = npt.NDArray[np.bool_]


@dataclass(frozen=True)
class ScoreModel:
    """Theme, segment and text matrices of a set of profiles, ready to score rows against all."""

    profiles: tuple[Profile, ...]
    theme_ids: tuple[str, ...]
    segment_ids: tuple[str, ...]
    specificity: Matrix
    """``1 + ln(N / df)`` per theme."""
    related: Matrix
    """``related[u, t]``: credit of offering ``u`` for a need of ``t`` (1 on the diagonal)."""
    seeks: Matrix
    """Specificity of each sought theme, rows summing to 1."""
    offered: Matrix
    """How much each party covers each theme (1, activity credit, related credit or 0)."""
    themes: Matrix
    """Specificity-weighted themes, L2-normalized rows."""
    seek_only: Matrix
    """The part of ``themes`` that the party only seeks (same normalization)."""
    does: Matrix
    """Specificity-weighted offered and activity themes, L2-normalized rows."""
    does_share: Matrix
    """Specificity-weighted offered and activity themes, rows summing to 1."""
    excludes: Matrix
    """Themes each party refuses (0/1)."""
    company: Matrix
    """1 for a company (or a party of unknown kind) other than an investor: only they compete."""
    sector_identity: Matrix
    """The segments of :data:`SECTOR_SEGMENTS` each party is."""
    sector_serves: Matrix
    """The segments of :data:`SECTOR_SEGMENTS` each party's offer is aimed at."""
    identity: Matrix
    serves: Matrix
    market: Matrix
    """1 for the segments whose naming rules others out (:data:`MARKET_SEGMENTS`)."""
    served: Matrix
    """``identity @ SERVED_BY``: the target segments an offer may name to fit each party."""
    looked_for_as: Matrix
    """``looks_for @ IS_A.T``: the identities each party looks for."""
    refused_as: Matrix
    """``refuses @ IS_A.T``: the identities each party refuses."""
    refuses: Matrix
    theme_counts: Matrix
    """Every theme mentioned, refusals included (the shared-theme-count baseline)."""
    spaces: tuple[TfidfSpace, ...]
    settings: MatchSettings
    semantic: SemanticSpace | None = None
    """Need and offer embeddings (``None`` when ``settings.semantic_weight`` is 0)."""


def build_score_model(
    profiles: Sequence[Profile],
    thesaurus: Thesaurus,
    settings: MatchSettings | None = None,
    embedder: Embedder | None = None,
    semantic: SemanticSpace | None = None,
) -> ScoreModel:
    """Matrices for ``profiles`` (tagged with ``thesaurus``); embeddings by ``embedder``
    (the process-wide one when ``None``) unless the semantic weight is 0, or ``semantic``,
    the profiles' space already started (its parties those of ``profiles``, in order)."""
    settings = settings or MatchSettings()
    ids = thesaurus.ids
    segments = default_segments()
    theme_matrix = _binary(profiles, ids)
    segment_matrix = _binary(profiles, segments.ids)
    positive = theme_matrix(lambda p: p.themes)
    weights = theme_specificity(positive)
    seeks = theme_matrix(lambda p: p.seeks) * weights
    offers = theme_matrix(lambda p: p.offers)
    activity = theme_matrix(lambda p: p.activity)
    related = _related_matrix(thesaurus, settings.related_credit)
    base = np.maximum(offers, settings.activity_credit * activity)
    offered = (base[:, :, None] * related[None, :, :]).max(axis=1).astype(np.float32)
    seek_only = theme_matrix(lambda p: p.seeks - p.offers - p.activity - frozenset(p.party.themes))
    does = (offers + activity - offers * activity) * weights
    identity = segment_matrix(lambda p: p.identity)
    serves = segment_matrix(lambda p: p.serves)
    sector = np.array([s in SECTOR_SEGMENTS for s in segments.ids], dtype=np.float32)
    looks_for = segment_matrix(lambda p: p.looks_for)
    refuses = segment_matrix(lambda p: p.refuses)
    served_by = compatibility(segments, SERVED_BY)
    is_a = compatibility(segments, IS_A)
    languages = sorted({lang for p in profiles for lang in p.texts})
    spaces = tuple(tfidf_space([p.texts.get(lang) for p in profiles], lang) for lang in languages)
    weighted = positive * weights
    norms = np.linalg.norm(weighted, axis=1, keepdims=True)
    return ScoreModel(
        profiles=tuple(profiles),
        theme_ids=ids,
        segment_ids=segments.ids,
        specificity=weights,
        related=related,
        seeks=_rows_sum_to_one(seeks),
        offered=offered,
        themes=_divide(weighted, norms),
        seek_only=_divide(seek_only * weights, norms),
        does=_divide(does, np.linalg.norm(does, axis=1, keepdims=True)),
        does_share=_rows_sum_to_one(does),
        excludes=theme_matrix(lambda p: p.excludes),
        company=np.array(
            [
                p.party.kind in (None, OrgKind.COMPANY) and "investors" not in p.identity
                for p in profiles
            ],
            dtype=np.float32,
        ),
        sector_identity=identity * sector,
        sector_serves=serves * sector,
        identity=identity,
        serves=serves,
        market=np.array([s in MARKET_SEGMENTS for s in segments.ids], dtype=np.float32),
        served=identity @ served_by,
        looked_for_as=looks_for @ is_a.T,
        refused_as=refuses @ is_a.T,
        refuses=refuses,
        theme_counts=theme_matrix(lambda p: p.mentioned),
        spaces=spaces,
        settings=settings,
        semantic=(
            (semantic or SemanticSpace([p.party for p in profiles], embedder))
            if settings.semantic_weight > 0
            else None
        ),
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


def _binary(
    profiles: Sequence[Profile], ids: Sequence[str]
) -> Callable[[Callable[[Profile], frozenset[str]]], Matrix]:
    column = {item: i for i, item in enumerate(ids)}

    def build(items: Callable[[Profile], frozenset[str]]) -> Matrix:
        matrix = np.zeros((len(profiles), len(ids)), dtype=np.float32)
        for i, profile in enumerate(profiles):
            for item in items(profile):
                if item in column:
                    matrix[i, column[item]] = 1.0
        return matrix

    return build


def _divide(values: Matrix, by: Matrix) -> Matrix:
    out: Matrix = np.divide(values, by, out=np.zeros_like(values), where=by > 0)
    return out


def _rows_sum_to_one(values: Matrix) -> Matrix:
    return _divide(values, values.sum(axis=1, keepdims=True))


def _related_matrix(thesaurus: Thesaurus, credit: float) -> Matrix:
    column = {theme: i for i, theme in enumerate(thesaurus.ids)}
    matrix = np.eye(len(column), dtype=np.float32)
    for theme in thesaurus.themes:
        for other in theme.related:
            a, b = column[theme.id], column[other]
            matrix[a, b] = max(matrix[a, b], credit)
            matrix[b, a] = max(matrix[b, a], credit)
    return matrix


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
