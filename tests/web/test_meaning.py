"""Recommendations on the web: never waiting for the embedding model, using it once ready."""

from __future__ import annotations

import dataclasses
import threading
from collections.abc import Iterator, Mapping
from pathlib import Path
from typing import Any, TypedDict

import pytest
from django.db import connection

from liqa.core.matching import event_parties, semantic
from liqa.core.matching.semantic import cached
from liqa.web.agendas import domain, meaning
from liqa.web.events.records import event_record, store_event
from tests.web.factories import make_core_event


class _Profile(TypedDict, total=False):
    """What an organization offers and seeks (by language), as Organization's fields."""

    offers: Mapping[str, str]
    seeks: Mapping[str, str]


PROFILES: dict[str, _Profile] = {
    "o-alpha": {"seeks": {"fr": "Nous cherchons des paiements mobiles sécurisés pour les PME."}},
    "o-beta": {"offers": {"en": "Secure mobile payments and card issuing for small firms."}},
    "o-gamma": {"offers": {"en": "Dairy farming equipment. Irrigation pumps."}},
}


@pytest.fixture
def empty_cache(settings: Any, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[None]:
    settings.DATA_DIR = str(tmp_path)  # as a setting may be given
    monkeypatch.setenv("LIQA_CACHE_DIR", str(tmp_path / "default"))
    meaning._embedder.cache_clear()
    semantic.default_embedder.cache_clear()
    yield
    meaning._embedder.cache_clear()
    semantic.default_embedder.cache_clear()


@pytest.mark.usefixtures("empty_cache")
@pytest.mark.django_db(transaction=True)
def test_suggestions_leave_meaning_out_until_embedded_then_use_it() -> None:
    base = make_core_event("meaning")
    orgs = tuple(dataclasses.replace(o, **PROFILES[o.id]) for o in base.organizations)
    event = store_event(dataclasses.replace(base, organizations=orgs))
    parties = event_parties(event_record(event))
    assert not cached(parties, meaning.embedder())
    first: list[domain.Suggestion] = []

    def serve_the_page() -> None:
        try:
            first.extend(domain.suggestions(event, "p-amina", "en"))
        finally:
            connection.close()  # the thread's own database connection

    # The model busy (as with another page's embedding): the page must not wait for it.
    with semantic._MODEL_LOCK:
        page = threading.Thread(target=serve_the_page)
        page.start()
        page.join(timeout=60)
        answered = not page.is_alive()
    page.join()
    meaning.start(parties).join(timeout=300)  # the thread the page started, or a new one
    assert answered
    assert meaning.ready(parties)
    later = domain.suggestions(event, "p-amina", "en")
    assert first
    assert not any("Close in meaning" in reason for s in first for reason in s.reasons)
    assert {s.organization for s in later} <= {p.organization for p in parties}
    assert list(Path(meaning.embedder().cache_dir or "").rglob("*.f32"))
