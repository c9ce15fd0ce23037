"""Words for the schedulers' statuses and objective terms, for pages in the reader's language.

Results name each objective term by a code (``breaks``, ``travel_minutes`` …), which the
CLI and the JSON keep; a page shows these words instead, translated by the catalog.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass

from liqa.core.problems import Message

TERM_WORDS: dict[str, Message] = {
    # brokerage sessions
    "breaks": Message("breaks"),
    "scheduled_priority": Message("priority scheduled"),
    "table_changes": Message("table changes"),
    "changes": Message("changes from the previous version"),
    "table_moves": Message("table moves from the previous version (same time)"),
    "weighted": Message("weighted cost"),
    # delegation itineraries
    "value": Message("value of the visits"),
    "objective": Message("value with fairness"),
    "travel_minutes": Message("travel (minutes)"),
    "idle_minutes": Message("waiting (minutes)"),
    "fairness_min_member_value": Message("least value for one member"),
    "fairness_spread": Message("spread of value between members"),
    "visits": Message("visits"),
    "split_days": Message("days in subgroups"),
    "regroup_days": Message("days regrouped at lunch"),
    "required_missing": Message("required visits missing"),
}

STATUS_WORDS: dict[str, Message] = {
    "optimal": Message("optimal"),
    "feasible": Message("feasible"),
    "infeasible": Message("infeasible"),
    "unknown": Message("unknown"),
}
"""The solver statuses a run ends with (its message on the web)."""


def term_words(code: str) -> str:
    """The words for objective term ``code`` (a translatable :class:`Message`; else the
    code)."""
    return TERM_WORDS.get(code, code)


MAXIMISED = frozenset({"scheduled_priority", "value", "objective"})
"""The objective terms a solver maximises (the others it minimises, or only reports)."""

WHOLE = frozenset(
    {
        "breaks",
        "scheduled_priority",
        "table_changes",
        "changes",
        "table_moves",
        "weighted",
        "visits",
        "split_days",
        "regroup_days",
        "required_missing",
    }
)
"""The objective terms that count whole things (breaks, visits, days …): their values are
integers, and so is any bound proved on them (a fractional bound the solver reports rounds
outwards to the next integer, still proved)."""

LEXICOGRAPHIC = ("scheduled_priority", "changes", "breaks")
"""The brokerage scheduler's stages, first first: the most scheduled priority, then the
fewest changes from the previous version (re-planning), then the fewest breaks."""


@dataclass(frozen=True)
class Stage:
    """What a run proves about one objective term: its ``value``, and either that no
    schedule does better (``best``) or the proven ``bound`` (at least, for a term to
    minimise; at most, for one to maximise) with the relative ``gap`` between them."""

    term: str
    value: float
    best: bool = False
    bound: float | None = None
    gap: float | None = None

    @property
    def maximised(self) -> bool:
        """True when more is better (scheduled priority, value)."""
        return self.term in MAXIMISED


def proof(
    terms: Mapping[str, float],
    bound_term: str | None,
    bound: float | None,
    gap: float | None,
    status: str = "",
) -> tuple[Stage, ...]:
    """What a run's figures prove, term by term, in the order the solver ranks them.

    ``bound`` is the proven bound on ``terms[bound_term]`` (a result's or a progress
    report's ``bound_term``). A bound on ``breaks`` is only proven for timetables that place
    every meeting, so the scheduled priority before it is the most possible; an ``optimal``
    status proves every stage of the brokerage order (:data:`LEXICOGRAPHIC`). Empty when
    nothing is proven (no bound, or no value for its term).
    """
    if bound is None or bound_term is None or bound_term not in terms:
        return ()
    value = terms[bound_term]
    optimal = status == "optimal" or abs(value - bound) < 1e-9
    if bound_term in LEXICOGRAPHIC or (bound_term == "weighted" and optimal):
        stages: list[Stage] = []
        for term in LEXICOGRAPHIC:
            if term not in terms:
                continue
            if term == bound_term:
                return (*stages, Stage(term, value, optimal, bound, 0.0 if optimal else gap))
            if optimal or (bound_term == "breaks" and term == "scheduled_priority"):
                stages.append(Stage(term, terms[term], True))
        if bound_term == "weighted" and stages:
            return tuple(stages)
    return (Stage(bound_term, value, optimal, bound, 0.0 if optimal else gap),)
