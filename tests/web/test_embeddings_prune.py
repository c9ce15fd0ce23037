"""Stored vectors that no profile refers to any more (an edited profile's old text) are
removed, under the embedding lock, only for the current model and only once older than a
grace period (real model, real files in the data directory's store)."""

from __future__ import annotations

import os
import time
from pathlib import Path
from typing import Any

import pytest

from liqa.core.matching import event_parties
from liqa.core.matching.semantic import Embedder, cached, stored_keys
from liqa.web.agendas import meaning
from liqa.web.agendas import warm as warming
from liqa.web.events.models import Event, Organization
from liqa.web.events.records import event_record
from tests.web.test_embeddings_shared import _store, encoder  # noqa: F401  (fixture)

DAY = 86400.0


def _keys(event: Event) -> set[str]:
    """The keys of the event's texts as the recommendations embed them now."""
    return stored_keys(event_parties(event_record(event)), meaning.embedder())


def _files(settings: Any) -> set[str]:
    """The keys of every vector file in the data directory's store."""
    store = Path(settings.DATA_DIR) / "cache" / "embeddings"
    return {path.stem for path in store.glob("*/*.f32")}


def _age(settings: Any, seconds: float) -> None:
    """Every stored vector written ``seconds`` ago."""
    when = time.time() - seconds
    for path in (Path(settings.DATA_DIR) / "cache" / "embeddings").glob("*/*.f32"):
        os.utime(path, (when, when))


def _edit(event: Event) -> None:
    """Beta's offers rewritten, as its profile form saves them."""
    beta = Organization.objects.get(event=event, key="o-beta")
    beta.offers = {"en": "Cold storage for fruit exporters."}
    beta.save()


@pytest.mark.django_db
@pytest.mark.usefixtures("encoder")
def test_an_edited_profiles_old_vectors_are_removed_and_nothing_else(settings: Any) -> None:
    event, other = _store("prune-edited", lines=3), _store("prune-other")
    meaning.prepare(event)
    meaning.prepare(other)
    before = _keys(event)
    _edit(event)
    meaning.prepare(event)
    after = _keys(event)
    stale = before - after - _keys(other)
    assert stale
    assert stale <= _files(settings)
    # Another model's vector in the same store, and one this model stored just now for
    # a text no event has (as another process embedding a profile saved meanwhile).
    foreign = Embedder(meaning.embedder().cache_dir, model="another-model/v0")
    foreign.embed(["Irrigation pumps for olive groves."], "passage")
    foreign_keys = _files(settings) - before - after - _keys(other)
    _age(settings, DAY)
    meaning.embedder().embed(["Solar panels for farms."], "passage")
    fresh = meaning.embedder().keys(["Solar panels for farms."], "passage")

    assert meaning.prune() == len(stale)

    files = _files(settings)
    assert not stale & files
    assert after | _keys(other) | fresh | foreign_keys <= files
    assert cached(event_parties(event_record(event)), meaning.embedder())
    assert meaning.prune() == 0  # nothing left to remove


@pytest.mark.django_db
@pytest.mark.usefixtures("encoder")
def test_pruning_waits_for_no_one_and_leaves_it_while_another_process_holds_the_lock(
    settings: Any,
) -> None:
    event = _store("prune-locked")
    meaning.prepare(event)
    before = _keys(event)
    _edit(event)
    meaning.prepare(event)
    _age(settings, DAY)
    with meaning.exclusive(wait=False) as held:  # as another process embedding meanwhile
        assert held
        assert meaning.prune() is None
    assert before <= _files(settings)
    assert meaning.prune() == len(before - _keys(event))


@pytest.mark.django_db
@pytest.mark.usefixtures("encoder")
def test_the_warm_step_prunes_after_embedding(settings: Any) -> None:
    event = _store("prune-warm")
    meaning.prepare(event)
    before = _keys(event)
    _edit(event)
    _age(settings, DAY)
    done = warming.warm(3600)
    assert done.complete
    assert done.pruned == len(before - _keys(event)) > 0
    assert not (before - _keys(event)) & _files(settings)
    assert _keys(event) <= _files(settings)
