"""Profiles are embedded ahead, so that a requests page's first visitor does not wait for
the model: once an import, an organization's edit or a person's commits (in a background
thread, or inline as here), and in ``liqa serve --production``'s warm step; a text embedded
before is not embedded again."""

from __future__ import annotations

import dataclasses
import threading
from collections.abc import Callable, Iterator, Mapping
from contextlib import AbstractContextManager
from pathlib import Path
from typing import Any, TypedDict

import pytest

import liqa.core.matching
from liqa.core.matching import event_parties, semantic
from liqa.core.matching.semantic import cached
from liqa.web.agendas import domain, meaning
from liqa.web.agendas.warm import warm
from liqa.web.events.models import Event, Organization, Person
from liqa.web.events.records import event_record, store_event
from tests.web.factories import make_core_event

Capture = Callable[..., AbstractContextManager[list[Callable[[], Any]]]]


class _Profile(TypedDict, total=False):
    offers: Mapping[str, str]
    seeks: Mapping[str, str]


PROFILES: dict[str, _Profile] = {
    "o-alpha": {"seeks": {"fr": "Nous cherchons des paiements mobiles sécurisés pour les PME."}},
    "o-beta": {"offers": {"en": "Secure mobile payments and card issuing for small firms."}},
    "o-gamma": {"offers": {"en": "Dairy farming equipment. Irrigation pumps."}},
}


@pytest.fixture
def empty_cache(settings: Any, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[None]:
    """A data directory of the test's own: no embedding cached yet."""
    settings.DATA_DIR = str(tmp_path)
    monkeypatch.setenv("LIQA_CACHE_DIR", str(tmp_path / "default"))
    meaning._embedder.cache_clear()
    semantic.default_embedder.cache_clear()
    yield
    meaning._embedder.cache_clear()
    semantic.default_embedder.cache_clear()


def _store(slug: str) -> Event:
    base = make_core_event(slug)
    orgs = tuple(dataclasses.replace(o, **PROFILES[o.id]) for o in base.organizations)
    return store_event(dataclasses.replace(base, organizations=orgs))


def _embedding_threads() -> list[threading.Thread]:
    return [t for t in threading.enumerate() if t.name.startswith("liqa-embeddings")]


@pytest.mark.usefixtures("empty_cache")
@pytest.mark.django_db
def test_an_import_embeds_the_profiles_once_it_commits_and_the_first_page_waits_for_nothing(
    settings: Any, django_capture_on_commit_callbacks: Capture
) -> None:
    settings.LIQA_EMBEDDINGS_AHEAD = "inline"
    with django_capture_on_commit_callbacks(execute=True):
        event = _store("ahead-import")
    parties = event_parties(event_record(event))
    assert cached(parties, meaning.embedder())
    computed = meaning.embedder().computed
    assert computed >= len(PROFILES)  # the profiles, then their sentences
    first = domain.suggestions(event, "p-amina", "en")  # the requests page's first visit
    assert first
    assert meaning.embedder().computed == computed  # nothing left for the page to embed
    assert not _embedding_threads()  # nor any embedding started by it


@pytest.mark.usefixtures("empty_cache")
@pytest.mark.django_db
def test_an_edited_profile_embeds_its_new_text_and_nothing_else(
    settings: Any, django_capture_on_commit_callbacks: Capture
) -> None:
    settings.LIQA_EMBEDDINGS_AHEAD = "inline"
    with django_capture_on_commit_callbacks(execute=True):
        event = _store("ahead-edit")
    computed = meaning.embedder().computed
    gamma = Organization.objects.get(event=event, key="o-gamma")
    gamma.offers = {"en": "Cold chain logistics for fresh produce."}
    with django_capture_on_commit_callbacks(execute=True):
        gamma.save()
    # one new text: the profile, which is also its one sentence; the others were cached
    assert meaning.embedder().computed == computed + 1
    assert cached(event_parties(event_record(event)), meaning.embedder())


@pytest.mark.usefixtures("empty_cache")
@pytest.mark.django_db
def test_the_warm_step_embeds_every_events_profiles_once(settings: Any) -> None:
    settings.LIQA_EMBEDDINGS_AHEAD = "off"  # nothing on import: the warm step does it
    event = _store("ahead-warm")  # no schedule yet: participants send requests before one
    parties = event_parties(event_record(event))
    assert not cached(parties, meaning.embedder())
    done = warm(600)
    assert done.complete
    assert done.embedded >= len(PROFILES)
    assert cached(parties, meaning.embedder())
    assert warm(600).embedded == 0  # by content: nothing to embed again


@pytest.mark.usefixtures("empty_cache")
@pytest.mark.django_db(transaction=True)
def test_by_default_a_background_thread_embeds_after_the_commit(settings: Any) -> None:
    settings.LIQA_EMBEDDINGS_AHEAD = "background"
    event = _store("ahead-thread")  # autocommit: committed at once
    threads = meaning.pending()
    assert [t.name for t in threads] == ["liqa-embeddings-ahead"]
    for thread in threads:
        thread.join(timeout=300)
    assert not meaning.pending()
    assert cached(event_parties(event_record(event)), meaning.embedder())


@pytest.mark.usefixtures("empty_cache")
@pytest.mark.django_db
def test_a_row_loaded_raw_is_not_an_edit(
    settings: Any, django_capture_on_commit_callbacks: Capture
) -> None:
    settings.LIQA_EMBEDDINGS_AHEAD = "inline"
    event = _store("ahead-raw")  # outside the capture: its commit callbacks are not run
    gamma = Organization.objects.get(event=event, key="o-gamma")
    gamma.offers = {"en": "Cold chain logistics for fresh produce."}
    with django_capture_on_commit_callbacks(execute=True) as callbacks:
        gamma.save_base(raw=True)  # as loaddata writes a fixture
    assert not callbacks
    assert meaning.embedder().computed == 0


@pytest.mark.usefixtures("empty_cache")
@pytest.mark.django_db(transaction=True)
def test_a_page_meanwhile_waits_for_the_thread_rather_than_embedding_beside_it(
    settings: Any,
) -> None:
    settings.LIQA_EMBEDDINGS_AHEAD = "background"
    with semantic._MODEL_LOCK:  # the model busy: the thread waits inside its embedding
        event = _store("ahead-meanwhile")
        parties = event_parties(event_record(event))
        [ahead] = meaning.pending()
        for _ in range(300):  # until the thread has read the event and begun embedding
            if ahead in meaning._RUNNING.values():  # it holds its texts
                break
            ahead.join(timeout=0.1)
        assert not meaning.ready(parties)  # as a requests page asks, meanwhile
        assert [t.name for t in _embedding_threads()] == ["liqa-embeddings-ahead"]
        assert meaning.start(parties) is ahead
    ahead.join(timeout=300)
    assert cached(parties, meaning.embedder())


@pytest.mark.usefixtures("empty_cache")
@pytest.mark.django_db
def test_join_waits_for_the_thread_a_page_started() -> None:
    """What the web tests' conftest calls after every test (a page does not wait)."""
    event = _store("ahead-join")  # LIQA_EMBEDDINGS_AHEAD is off: nothing started
    parties = event_parties(event_record(event))
    with semantic._MODEL_LOCK:  # the model busy: the page's thread cannot end meanwhile
        assert not meaning.ready(parties)  # as a requests page asks: it starts a thread
        [thread] = _embedding_threads()
        assert not meaning.join(timeout=0.2)  # some left
        assert thread.is_alive()
    assert meaning.join(timeout=300)
    assert not thread.is_alive()
    assert not _embedding_threads()
    assert not meaning._RUNNING
    assert cached(parties, meaning.embedder())


# --- a person's save -------------------------------------------------------------------------
# An event imported with its organizations and no one yet (participants added one by one in
# the edit form) has its profiles embedded on import but no matcher kept (a person's page
# builds it); a person's save started nothing, so the first requests page built it itself.


@pytest.fixture
def builds(monkeypatch: pytest.MonkeyPatch) -> list[int]:
    """Counts the matchers built (the core's real ``build_matcher``, called through)."""
    calls: list[int] = []
    real = liqa.core.matching.build_matcher

    def counted(*args: Any, **kwargs: Any) -> Any:
        calls.append(1)
        return real(*args, **kwargs)

    monkeypatch.setattr(liqa.core.matching, "build_matcher", counted)
    return calls


def _store_without_people(slug: str, capture: Capture) -> Event:
    """The profiled event with its organizations only, imported (its commit run)."""
    base = make_core_event(slug)
    orgs = tuple(dataclasses.replace(o, **PROFILES[o.id]) for o in base.organizations)
    with capture(execute=True):
        return store_event(dataclasses.replace(base, organizations=orgs, people=(), requests=()))


def _person(event: Event) -> Person:
    return Person(
        event=event, key="p-amina", name="Amina Idrissi", organization="o-alpha", position=1
    )


@pytest.mark.usefixtures("empty_cache")
@pytest.mark.django_db
def test_the_first_person_added_leaves_the_requests_page_a_kept_matcher(
    settings: Any, django_capture_on_commit_callbacks: Capture, builds: list[int]
) -> None:
    settings.LIQA_EMBEDDINGS_AHEAD = "inline"
    event = _store_without_people("ahead-person", django_capture_on_commit_callbacks)
    assert cached(event_parties(event_record(event)), meaning.embedder())
    assert builds == []  # nobody to build a page for yet
    with django_capture_on_commit_callbacks(execute=True) as callbacks:
        _person(event).save()
    assert len(callbacks) == 1
    assert builds == [1]  # built as the person's save committed
    computed = meaning.embedder().computed
    assert domain.suggestions(event, "p-amina", "en")  # the requests page's first visit
    assert builds == [1]  # found it kept
    assert meaning.embedder().computed == computed
    assert not _embedding_threads()


@pytest.mark.usefixtures("empty_cache")
@pytest.mark.django_db
def test_an_edited_person_prepares_the_event_once_it_commits(
    settings: Any, django_capture_on_commit_callbacks: Capture, builds: list[int]
) -> None:
    settings.LIQA_EMBEDDINGS_AHEAD = "inline"
    event = _store_without_people("ahead-person-edit", django_capture_on_commit_callbacks)
    person = _person(event)
    person.save()  # outside a capture: its commit callbacks are not run
    person.themes = ["fintech"]
    with django_capture_on_commit_callbacks(execute=False) as callbacks:
        person.save()
    assert len(callbacks) == 1  # the preparation, waiting for the commit
    assert builds == []
    callbacks[0]()
    assert builds == [1]
    assert not meaning.pending()
    assert not _embedding_threads()


@pytest.mark.usefixtures("empty_cache")
@pytest.mark.django_db
@pytest.mark.parametrize("how", ["off", "raw"])
def test_off_or_a_person_loaded_raw_starts_nothing(
    how: str, settings: Any, django_capture_on_commit_callbacks: Capture, builds: list[int]
) -> None:
    settings.LIQA_EMBEDDINGS_AHEAD = "off" if how == "off" else "inline"
    event = _store_without_people(f"ahead-person-{how}", django_capture_on_commit_callbacks)
    person = _person(event)
    with django_capture_on_commit_callbacks(execute=True) as callbacks:
        if how == "raw":
            person.save_base(raw=True)  # as loaddata writes a fixture
        else:
            person.save()
    assert not callbacks
    assert builds == []
    assert not _embedding_threads()
