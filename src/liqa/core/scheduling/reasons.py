"""Short words for the reason codes of meetings and visits that were not placed.

Both schedulers give every unplaced meeting or visit a reason code and a sentence of
detail; these words are what a list of them shows first, in the reader's language.
"""

from __future__ import annotations

from liqa.core.problems import Message

REASON_WORDS: dict[str, Message] = {
    # brokerage sessions
    "no_common_slot": Message("no slot where all can attend"),
    "party_at_maximum": Message("a party has the most meetings allowed"),
    "no_table_left": Message("no table left"),
    "lost_to_higher_priority": Message("the slots went to other meetings"),
    "not_placed": Message("left out to keep breaks fair"),
    "kept_in_place": Message("published meetings kept in place"),
    # delegation itineraries
    "too_far": Message("out of reach in time"),
    "outside_windows": Message("the host's hours do not fit the programme"),
    "capacity": Message("the group is too large or not available"),
    "lower_value": Message("other visits are worth more"),
}


def reason_words(code: str) -> str:
    """The words for reason ``code`` (a translatable :class:`Message`; the code if unknown)."""
    return REASON_WORDS.get(code, code)
