"""Words for the schedulers' statuses and objective terms, for pages in the reader's language.

Results name each objective term by a code (``breaks``, ``travel_minutes`` …), which the
CLI and the JSON keep; a page shows these words instead, translated by the catalog.
"""

from __future__ import annotations

from liqa.core.problems import Message

TERM_WORDS: dict[str, Message] = {
    # brokerage sessions
    "breaks": Message("breaks"),
    "scheduled_priority": Message("priority scheduled"),
    "table_changes": Message("table changes"),
    "changes": Message("changes from the previous version"),
    "weighted": Message("weighted cost"),
    # delegation itineraries
    "value": Message("value of the visits"),
    "objective": Message("value with fairness"),
    "travel_minutes": Message("travel, minutes"),
    "idle_minutes": Message("waiting, minutes"),
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
