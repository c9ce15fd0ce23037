"""Short words for the reason codes of meetings and visits that were not placed.

Both schedulers give every unplaced meeting or visit a reason code and a sentence of
detail; these words are what a list of them shows first, in the reader's language.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping

from liqa.core.model import Event
from liqa.core.problems import Message

REASON_WORDS: dict[str, Message] = {
    # brokerage sessions
    "no_common_slot": Message("no slot where all can attend"),
    "party_at_maximum": Message("a party has the most meetings allowed"),
    "no_table_left": Message("no table left"),
    "lost_to_higher_priority": Message("the slots went to other meetings"),
    "not_placed": Message("left out to keep breaks fair"),
    # delegation itineraries
    "too_far": Message("out of reach in time"),
    "outside_windows": Message("the host's hours do not fit the programme"),
    "capacity": Message("the group is too large or not available"),
    "lower_value": Message("other visits are worth more"),
}


def reason_words(code: str) -> str:
    """The words for reason ``code`` (a translatable :class:`Message`; the code if unknown)."""
    return REASON_WORDS.get(code, code)


def unplaced_titles(
    event: Event, keys: Iterable[str], names: Mapping[str, str] | None = None
) -> dict[str, str]:
    """What each unplaced item is, by the names people know: a meeting request by its two
    parties ("A – B"), a visit by its host; the key itself when it is neither. ``names``
    (person and organization ids to names, e.g. in the reader's script) defaults to the
    records' names."""
    if names is None:
        names = {o.id: o.name for o in event.organizations} | {p.id: p.name for p in event.people}
    requests = {r.id: r for r in event.requests}
    visits = {v.id: v for v in event.visits}
    out = {}
    for key in keys:
        if key in requests:
            r = requests[key]
            out[key] = " – ".join(names.get(k, k) for k in (r.requester, r.target))
        elif key in visits:
            out[key] = names.get(visits[key].host, key)
        else:
            out[key] = key
    return out
