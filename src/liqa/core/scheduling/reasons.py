"""Short words for the reason codes of meetings and visits that were not placed.

Both schedulers give every unplaced meeting or visit a reason code and a sentence of
detail; these words are what a list of them shows first, in the reader's language.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from liqa.core.model import Event
from liqa.core.problems import Message, Name, Names, PluralMessage

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


def event_names(event: Event) -> dict[str, Name]:
    """Person and organization id → the name people know them by, with its Arabic (and, for
    an organization, French) form: how explanations name them in every language."""
    names: dict[str, Name] = {
        org.id: Name(org.name, ar=org.name_ar, fr=org.name_fr) for org in event.organizations
    }
    names.update({p.id: Name(p.name, ar=p.name_ar) for p in event.people})
    return names


def detail_names(event: Event) -> dict[str, str]:
    """Every id an explanation may give, with what people know it by: each person and
    organization by name (:func:`event_names`), each meeting request by its two parties
    ("Bruno Martin – Chen Li") and each visit by its host, as the grid lists them; for
    :func:`with_names` on an explanation stored with ids ("it lost to r-058; r-133")."""
    people = event_names(event)
    names: dict[str, str] = dict(people)
    for request in event.requests:
        parties = (request.requester, request.target)
        names[request.id] = Names([people.get(k, k) for k in parties], " – ")
    names.update({v.id: people[v.host] for v in event.visits if v.host in people})
    return names


def with_names(detail: str, names: Mapping[str, str]) -> str:
    """``detail`` (an explanation, perhaps stored when explanations gave people by id) with
    every field that is a bare id of ``names`` given by its name instead ("p-bruno and
    p-chen" → "Bruno Martin and Chen Li", "برونو مارتن وتشن لي" for an Arabic reader): ids
    share one namespace, so a field equal to a person's id is that person. Other text, and
    a field already a name, is kept."""
    if isinstance(detail, PluralMessage):
        params = {key: _named(value, names) for key, value in detail.params.items()}
        return PluralMessage.rebuilt_plural(detail.template, detail.plural, params)
    if isinstance(detail, Message):
        params = {key: _named(value, names) for key, value in detail.params.items()}
        return Message.rebuilt(detail.template, params)
    if isinstance(detail, Names):
        return Names([with_names(item, names) for item in detail.items], detail.sep)
    if type(detail) is str:
        return names.get(detail, detail)
    return detail


def _named(value: Any, names: Mapping[str, str]) -> Any:
    return with_names(value, names) if isinstance(value, str) else value
