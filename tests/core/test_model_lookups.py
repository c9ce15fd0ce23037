"""``Event.person`` / ``organization`` / ``venue`` look records up through an index built
once per event object, which stays right through ``replace``, ``copy`` and ``pickle``."""

from __future__ import annotations

import copy
import dataclasses
import pickle
from collections.abc import Callable
from typing import Any

import pytest

from liqa.core import model
from liqa.core.model import Event, Organization, Person, Side, Venue
from tests.core.outputs.mission import make_event


def _counting_index(monkeypatch: pytest.MonkeyPatch) -> list[int]:
    """Count the calls of the real ``model._index`` (the index builder)."""
    calls = [0]
    real: Callable[..., Any] = model._index

    def counted(records: Any) -> Any:
        calls[0] += 1
        return real(records)

    monkeypatch.setattr(model, "_index", counted)
    return calls


def _primed(event: Event) -> Event:
    """The event after one lookup of each kind (its indexes built)."""
    event.person(event.people[0].id)
    event.organization(event.organizations[0].id)
    event.venue(event.venues[0].id)
    return event


def test_lookups_build_each_index_once_per_event(monkeypatch: pytest.MonkeyPatch) -> None:
    event = make_event()
    calls = _counting_index(monkeypatch)
    for _ in range(50):
        for person in event.people:
            assert event.person(person.id) is person
        for org in event.organizations:
            assert event.organization(org.id) is org
        for venue in event.venues:
            assert event.venue(venue.id) is venue
    assert calls[0] == 3


def test_unknown_ids_still_raise_key_error() -> None:
    event = _primed(make_event())
    for lookup in (event.person, event.organization, event.venue):
        with pytest.raises(KeyError):
            lookup("nobody")


def test_a_replaced_event_does_not_keep_the_old_index() -> None:
    event = _primed(make_event())
    first = event.people[0]
    renamed = dataclasses.replace(first, name="Somebody Else")
    newcomer = Person("p-new", "New Comer", event.organizations[0].id)
    org = Organization("o-new", "New Org", Side.HOST)
    venue = dataclasses.replace(event.venues[0], id="v-new")
    changed = dataclasses.replace(
        event,
        people=(renamed, newcomer),
        organizations=(*event.organizations, org),
        venues=(venue,),
    )
    assert changed.person(first.id) is renamed
    assert changed.person("p-new") is newcomer
    with pytest.raises(KeyError):
        changed.person(event.people[1].id)
    assert changed.organization("o-new") is org
    assert changed.venue("v-new") is venue
    with pytest.raises(KeyError):
        changed.venue(event.venues[0].id)
    # the original is untouched
    assert event.person(first.id) is first
    with pytest.raises(KeyError):
        event.person("p-new")


def test_a_shallow_copy_looks_up_its_own_records_and_leaves_the_original_alone() -> None:
    event = _primed(make_event())
    twin = copy.copy(event)
    assert twin == event
    person = event.people[0]
    assert twin.person(person.id) is person
    # a copy given other people (as object.__setattr__ on a frozen record can) is not
    # answered from the original's index, and does not spoil the original's
    other = dataclasses.replace(person, name="Other")
    object.__setattr__(twin, "people", (other,))
    assert twin.person(person.id) is other
    assert event.person(person.id) is person


def test_a_deep_copy_answers_with_its_own_records() -> None:
    event = _primed(make_event())
    twin = copy.deepcopy(event)
    assert twin == event
    for i, person in enumerate(event.people):
        assert twin.person(person.id) is twin.people[i]
        assert twin.person(person.id) is not person
    assert twin.venue(event.venues[0].id) is twin.venues[0]


def test_pickle_carries_no_index_and_the_copy_looks_up_its_own_records() -> None:
    fresh = make_event()
    primed = _primed(make_event())
    assert pickle.dumps(primed) == pickle.dumps(fresh)
    back = pickle.loads(pickle.dumps(primed))
    assert back == primed
    for i, org in enumerate(primed.organizations):
        assert back.organization(org.id) is back.organizations[i]


def test_an_indexed_event_equals_and_reprs_as_an_unindexed_one() -> None:
    primed, fresh = _primed(make_event()), make_event()
    assert primed == fresh
    assert repr(primed) == repr(fresh)
    assert isinstance(primed.venues[0], Venue)
