"""Recommendations: the best counterparts for each party, with reasons and diversity.

Typical use::

    matcher = build_matcher(event_parties(event), event_rules(event))
    for rec in recommend(matcher, "DGSSI"):
        print(rec.candidate, rec.score, [render(r, "ar", matcher.thesaurus) for r in rec.reasons])
"""

from __future__ import annotations

import difflib
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass

import numpy as np
from threadpoolctl import threadpool_limits

from liqa.core.matching.profiles import Party, Profile, build_profiles
from liqa.core.matching.reasons import Reason, explain
from liqa.core.matching.rules import MatchRules
from liqa.core.matching.scoring import MatchSettings, ScoreModel, build_score_model, top_indices
from liqa.core.matching.semantic import Embedder, SemanticSpace
from liqa.core.matching.signals import signals
from liqa.core.matching.tagging import Tagger, default_tagger
from liqa.core.matching.textsim import Matrix
from liqa.core.matching.thesaurus import Thesaurus


@dataclass(frozen=True)
class Recommendation:
    """One proposed counterpart for a reader."""

    reader: str
    candidate: str
    rank: int
    """1 = best."""
    score: float
    reasons: tuple[Reason, ...]


@dataclass(frozen=True)
class Matcher:
    """Everything needed to recommend among a fixed set of parties."""

    parties: tuple[Party, ...]
    model: ScoreModel
    rules: MatchRules
    thesaurus: Thesaurus

    @property
    def settings(self) -> MatchSettings:
        """The engine's settings."""
        return self.model.settings

    def index(self, party_id: str) -> int:
        """Position of a party (raises :class:`UnknownParty` with suggestions)."""
        for i, party in enumerate(self.parties):
            if party.id == party_id:
                return i
        raise UnknownParty(party_id, [p.id for p in self.parties])


class UnknownParty(LookupError):
    """No party has the id asked for; the message suggests close ids."""

    def __init__(self, wanted: str, known: Sequence[str]) -> None:
        close = difflib.get_close_matches(wanted, known, n=3, cutoff=0.5)
        hint = f"; did you mean {', '.join(close)}?" if close else ""
        super().__init__(f"no organization or person with id {wanted!r}{hint}")
        self.wanted = wanted
        self.suggestions = tuple(close)


def build_matcher(
    parties: Iterable[Party],
    rules: MatchRules | None = None,
    settings: MatchSettings | None = None,
    tagger: Tagger | None = None,
    embedder: Embedder | None = None,
) -> Matcher:
    """Tag every party and build the score matrices once (embedding needs and offers with
    ``embedder``, the process-wide one when ``None``, unless the semantic weight is 0).

    The profiles are embedded while the parties are tagged: the model's engine runs on
    the cores while Python tags (1.4-2.8 s for 5,000 people on a 2-core AMD EPYC).
    """
    tagger = tagger or default_tagger()
    parties = tuple(parties)
    settings = settings or MatchSettings()
    space = (
        SemanticSpace(parties, embedder, background=True) if settings.semantic_weight > 0 else None
    )
    profiles: list[Profile] = build_profiles(parties, tagger)
    model = build_score_model(profiles, tagger.thesaurus, settings, embedder, space)
    if space is not None:
        space.wait()  # the matcher is whole when returned; a failure of the model is raised here
    return Matcher(parties, model, rules or MatchRules(), tagger.thesaurus)


type ScoreFunction = Callable[[Matcher, slice], Matrix]
"""Scores of a block of readers against every party (the engine's, or a baseline's)."""


def engine_scores(matcher: Matcher, rows: slice) -> Matrix:
    """The engine's relevance score."""
    return signals(matcher.model, rows).total(matcher.settings)


def ranked_ids(
    matcher: Matcher,
    k: int,
    score: ScoreFunction = engine_scores,
    readers: Sequence[str] | None = None,
) -> dict[str, list[str]]:
    """The ``k`` best allowed candidates of each reader by ``score`` (no diversity rule).

    Only the ``readers`` asked for (every party when ``None``) are in the result.
    """
    wanted = None if readers is None else set(readers)
    out: dict[str, list[str]] = {}
    with one_blas_thread():
        for start, block, allowed in _blocks(matcher, readers):
            scores = np.where(allowed, score(matcher, block), -np.inf)
            for i, row in enumerate(top_indices(scores, k)):
                reader = matcher.parties[start + i].id
                if wanted is None or reader in wanted:
                    out[reader] = [matcher.parties[j].id for j in row if np.isfinite(scores[i, j])]
    return out


def recommend(matcher: Matcher, party_id: str, top: int | None = None) -> list[Recommendation]:
    """The best counterparts of one party, best first, with reasons."""
    i = matcher.index(party_id)
    with one_blas_thread():
        return _recommend_rows(matcher, slice(i, i + 1), top)[party_id]


def recommend_all(
    matcher: Matcher,
    top: int | None = None,
    progress: Callable[[int], None] | None = None,
) -> dict[str, list[Recommendation]]:
    """Recommendations for every party; ``progress(n)`` is called after each block of ``n``."""
    out: dict[str, list[Recommendation]] = {}
    step = matcher.settings.chunk_rows
    with one_blas_thread():
        for start in range(0, len(matcher.parties), step):
            block = slice(start, min(start + step, len(matcher.parties)))
            out.update(_recommend_rows(matcher, block, top))
            if progress is not None:
                progress(block.stop - block.start)
    return out


def one_blas_thread() -> threadpool_limits:
    """Score with one BLAS thread: the products here are small (themes × parties), and
    BLAS threads contending for a busy machine's cores make them 10-50 times slower."""
    return threadpool_limits(limits=1, user_api="blas")


def _blocks(
    matcher: Matcher, readers: Sequence[str] | None
) -> Iterable[tuple[int, slice, np.typing.NDArray[np.bool_]]]:
    rows = range(len(matcher.parties))
    wanted = None if readers is None else {matcher.index(r) for r in readers}
    step = matcher.settings.chunk_rows
    for start in range(0, len(rows), step):
        block = slice(start, min(start + step, len(rows)))
        if wanted is not None and not wanted & set(range(block.start, block.stop)):
            continue
        yield start, block, _allowed(matcher, block)


def _allowed(matcher: Matcher, block: slice) -> np.typing.NDArray[np.bool_]:
    return matcher.rules.allowed_matrix(list(matcher.parties[block]), list(matcher.parties))


def _recommend_rows(
    matcher: Matcher, block: slice, top: int | None
) -> dict[str, list[Recommendation]]:
    settings = matcher.settings
    top = settings.top if top is None else top
    sig = signals(matcher.model, block)
    scores = np.where(_allowed(matcher, block), sig.total(settings), -np.inf)
    first = min(scores.shape[1], 8 * top + 8)
    order = top_indices(scores, first) if first < scores.shape[1] else None
    picks: list[list[int]] = []
    for i in range(scores.shape[0]):
        picked = _diverse(matcher, order[i], scores[i], top) if order is not None else []
        if order is None or (len(picked) < top and scores[i, order[i][-1]] >= settings.min_score):
            full = np.argsort(-scores[i], kind="stable")
            picked = _diverse(matcher, full, scores[i], top)
        picks.append(picked)
    if matcher.model.semantic is not None:  # the sentences the reasons quote, in one go
        quoted = [
            (block.start + i, j) for i, p in enumerate(picks) for j in p if sig.semantic[i, j]
        ]
        matcher.model.semantic.prepare(k for pair in quoted for k in pair)
    out: dict[str, list[Recommendation]] = {}
    for i, picked in enumerate(picks):
        reader = block.start + i
        out[matcher.parties[reader].id] = [
            Recommendation(
                matcher.parties[reader].id,
                matcher.parties[j].id,
                rank,
                round(float(scores[i, j]), 4),
                explain(matcher.model, reader, int(j), sig.pair(i, int(j))),
            )
            for rank, j in enumerate(picked, start=1)
        ]
    return out


def _diverse(
    matcher: Matcher, order: np.typing.NDArray[np.intp], scores: Matrix, top: int
) -> list[int]:
    """Best candidates, at most ``max_per_organization`` per organization while others remain."""
    cap = matcher.settings.max_per_organization
    floor = matcher.settings.min_score
    picked: list[int] = []
    overflow: list[int] = []
    per_org: dict[str, int] = {}
    for j in order:
        if len(picked) >= top or not scores[j] >= floor:
            break
        org = matcher.parties[j].organization
        if per_org.get(org, 0) >= cap:
            overflow.append(int(j))
            continue
        per_org[org] = per_org.get(org, 0) + 1
        picked.append(int(j))
    return picked + overflow[: top - len(picked)]
