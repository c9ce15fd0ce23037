"""The signals of the relevance score, one labelled function each, for a block of readers.

Every function takes the :class:`~liqa.core.matching.scoring.ScoreModel` and a slice of
rows (readers) and returns a ``rows × parties`` matrix; :class:`Signals` combines them as
written in :mod:`~liqa.core.matching.scoring`.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np

from liqa.core.matching.scoring import MatchSettings, ScoreModel
from liqa.core.matching.textsim import Matrix


@dataclass(frozen=True)
class PairSignals:
    """Every signal of one (reader, candidate) pair, for the reasons."""

    fit_forward: float
    fit_backward: float
    segment_forward: float
    segment_backward: float
    kind_forward: float
    kind_backward: float
    shared: float
    text: float
    excluded_forward: float
    excluded_backward: float
    competition: float
    semantic: float = 0.0


@dataclass(frozen=True)
class Signals:
    """Each signal for a block of rows (readers) × all parties (candidates)."""

    fit_forward: Matrix
    """What the reader seeks that the candidate covers."""
    fit_backward: Matrix
    """What the candidate seeks that the reader covers."""
    segment_forward: Matrix
    """1 when the candidate's offer is aimed at segments the reader is not."""
    segment_backward: Matrix
    """1 when the reader's offer is aimed at segments the candidate is not."""
    kind_forward: Matrix
    """1 when the reader looks for what the candidate is (with a theme in common)."""
    kind_backward: Matrix
    """1 when the candidate looks for what the reader is (with a theme in common)."""
    shared: Matrix
    text: Matrix
    excluded_forward: Matrix
    """Share of what the candidate does that the reader refuses (1 for a refused segment)."""
    excluded_backward: Matrix
    """Share of what the reader does that the candidate refuses (1 for a refused segment)."""
    competition: Matrix
    semantic: Matrix
    """Closeness in meaning of the profiles, any language (0 when turned off, and between
    competitors: two firms selling the same thing are close in meaning)."""

    def total(self, settings: MatchSettings) -> Matrix:
        """The relevance score."""
        s = settings
        forward = 1.0 - s.segment_penalty * self.segment_forward
        backward = 1.0 - s.segment_penalty * self.segment_backward
        base = (
            s.need_weight * (self.fit_forward * forward + self.fit_backward * backward)
            + s.kind_weight * (self.kind_forward + self.kind_backward)
            + (
                s.shared_weight * self.shared
                + s.text_weight * self.text
                + s.semantic_weight * self.semantic
            )
            * np.minimum(forward, backward)
        )
        excluded = np.maximum(self.excluded_forward, self.excluded_backward)
        out: Matrix = base * (1.0 - s.exclusion_penalty * excluded) - (
            s.competitor_weight * self.competition
        )
        return out

    def pair(self, i: int, j: int) -> PairSignals:
        """The signals of row ``i`` (in this block) and candidate ``j``."""
        return PairSignals(
            *(float(getattr(self, name)[i, j]) for name in PairSignals.__dataclass_fields__)
        )


def fit_signal(model: ScoreModel, rows: slice) -> tuple[Matrix, Matrix]:
    """Specificity-weighted share of each side's needs that the other covers, both ways."""
    forward: Matrix = model.seeks[rows] @ model.offered.T
    backward: Matrix = model.offered[rows] @ model.seeks.T
    return forward, backward


def segment_signal(model: ScoreModel, rows: slice) -> tuple[Matrix, Matrix]:
    """1 where an offer names market segments and the other party is none of those named."""
    known = model.identity.any(axis=1)
    aimed = (model.serves @ model.market) > 0
    fits_forward = (model.served[rows] @ model.serves.T) > 0
    fits_backward = (model.serves[rows] @ model.served.T) > 0
    forward = known[rows, None] & aimed[None, :] & ~fits_forward
    backward = aimed[rows, None] & known[None, :] & ~fits_backward
    return forward.astype(np.float32), backward.astype(np.float32)


def kind_signal(model: ScoreModel, rows: slice, shared: Matrix) -> tuple[Matrix, Matrix]:
    """1 where one party looks for what the other is, and they share a theme."""
    forward = (model.looked_for_as[rows] @ model.identity.T) > 0
    backward = (model.identity[rows] @ model.looked_for_as.T) > 0
    near = shared > 0
    return (forward & near).astype(np.float32), (backward & near).astype(np.float32)


def shared_signal(model: ScoreModel, rows: slice) -> Matrix:
    """Weighted cosine of the two parties' themes, leaving out themes both only seek."""
    both: Matrix = model.themes[rows] @ model.themes.T
    seekers: Matrix = model.seek_only[rows] @ model.seek_only.T
    out: Matrix = np.maximum(both - seekers, 0.0)
    return out


def text_signal(model: ScoreModel, rows: slice) -> Matrix:
    """Best TF-IDF cosine over the languages both parties wrote in."""
    size = len(range(*rows.indices(len(model.profiles))))
    best = np.zeros((size, len(model.profiles)), dtype=np.float32)
    for space in model.spaces:
        np.maximum(best, space.rows[rows] @ space.rows.T, out=best)
    return best


def semantic_signal(model: ScoreModel, rows: slice) -> Matrix:
    """Standard deviations of closeness in meaning above the reader's average candidate."""
    if model.semantic is None:
        size = len(range(*rows.indices(len(model.profiles))))
        return np.zeros((size, len(model.profiles)), dtype=np.float32)
    return model.semantic.signal(rows)


def exclusion_signal(model: ScoreModel, rows: slice) -> tuple[Matrix, Matrix]:
    """How much of what one party does the other refuses: a theme share, or 1 for a segment."""
    forward_themes: Matrix = model.excludes[rows] @ model.does_share.T
    backward_themes: Matrix = model.does_share[rows] @ model.excludes.T
    forward_segments = ((model.refused_as[rows] @ model.identity.T) > 0) | (
        (model.refuses[rows] @ model.serves.T) > 0
    )
    backward_segments = ((model.identity[rows] @ model.refused_as.T) > 0) | (
        (model.serves[rows] @ model.refuses.T) > 0
    )
    return (
        np.maximum(forward_themes, forward_segments.astype(np.float32)),
        np.maximum(backward_themes, backward_segments.astype(np.float32)),
    )


def competition_signal(model: ScoreModel, rows: slice, fit: Matrix) -> Matrix:
    """Two companies doing the same (cosine of what they do) that do not need each other.

    Not when one's offer is aimed at the other's sector (fraud detection "for banks" and a
    bank, route planning "for postal operators" and the post): that is a supplier.
    """
    same: Matrix = model.does[rows] @ model.does.T
    companies = model.company[rows, None] * model.company[None, :]
    supplier = ((model.sector_serves[rows] @ model.sector_identity.T) > 0) | (
        (model.sector_identity[rows] @ model.sector_serves.T) > 0
    )
    out: Matrix = companies * same * np.maximum(1.0 - fit, 0.0) * ~supplier
    return out


def shared_count_signal(model: ScoreModel, rows: slice) -> Matrix:
    """Number of themes both mention (the first evaluation baseline)."""
    block: Matrix = model.theme_counts[rows] @ model.theme_counts.T
    return block


def signals(model: ScoreModel, rows: slice) -> Signals:
    """Every signal for ``rows`` against all parties."""
    fit_forward, fit_backward = fit_signal(model, rows)
    segment_forward, segment_backward = segment_signal(model, rows)
    shared = shared_signal(model, rows)
    kind_forward, kind_backward = kind_signal(model, rows, shared)
    excluded_forward, excluded_backward = exclusion_signal(model, rows)
    competition = competition_signal(model, rows, fit_forward + fit_backward)
    # Meaning cannot tell a partner from a competitor: not counted where the competitor rule is.
    return Signals(
        fit_forward=fit_forward,
        fit_backward=fit_backward,
        segment_forward=segment_forward,
        segment_backward=segment_backward,
        kind_forward=kind_forward,
        kind_backward=kind_backward,
        shared=shared,
        text=text_signal(model, rows),
        excluded_forward=excluded_forward,
        excluded_backward=excluded_backward,
        competition=competition,
        semantic=semantic_signal(model, rows) * (competition <= 0),
    )
