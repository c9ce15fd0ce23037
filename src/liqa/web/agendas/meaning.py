"""The matchmaking engine's meaning signal in the web app: a page never waits for the model.

Recommendations on a participant's requests page use the semantic signal
(:mod:`liqa.core.matching.semantic`) once every profile and sentence of the event is
embedded, in ``LIQA_DATA_DIR/cache/embeddings`` (shared by the server's processes and kept
across restarts). Until then the page is computed without it, and the first page that finds
texts missing starts embedding them in a background thread at a lower priority: the model
costs 0.05-0.08 s of CPU per text, and the demo mission has 224 texts
(profiles and their sentences). A change to a profile changes its text, so its new text is
embedded the same way on the next page.

So that the first visitor does not wait for that (nor for the matcher its page builds), the
texts are embedded ahead: after an import or an upload of spreadsheets
(:data:`~liqa.web.events.records.parties_stored`), an organization's save (a profile
edited) or a person's (added or edited: the matcher is kept only once someone's page can
use it) commits, in a background thread (``LIQA_EMBEDDINGS_AHEAD``: ``background``;
``inline`` runs it as the transaction commits, as tests do; ``off``), which then keeps
the event's recommendations' matcher; and for every event in ``liqa serve --production``'s
warm step (:func:`prepare`). Texts are keyed by content: unchanged profiles are not embedded
again.

The store is the data directory's, which every web process and worker of a server reads
(its machines share it: ``docs/howto/deploy.md``, "Several machines"): a vector one process
embeds is read, not embedded again, by the others. One process embeds at a time
(:func:`exclusive`, a lock file beside the store): a requests page that finds texts missing
while another process embeds does not embed them beside it, and a later page finds them.
The warm step stops between a few texts at its deadline (:func:`prepare_within`), then
removes the vectors no profile refers to any more (:func:`prune`).
"""

from __future__ import annotations

import hashlib
import logging
import os
import sys
import threading
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from functools import cache
from pathlib import Path
from typing import Any

from django.conf import settings
from django.db import connection, transaction
from django.db.models.signals import post_save

from liqa.core.matching.profiles import Party
from liqa.core.matching.semantic import (
    Embedder,
    Stop,
    cached,
    profile_text,
    stored_keys,
    warm,
)
from liqa.web.events.models import Event, Organization, Person
from liqa.web.events.records import event_record, parties_stored

logger = logging.getLogger(__name__)

_RUNNING: dict[str, threading.Thread] = {}
_LOCK = threading.Lock()
_AHEAD: dict[int, threading.Thread] = {}
"""The thread preparing each event (by its row's id) after a commit."""
_AGAIN: set[int] = set()
"""Events written again while their thread ran: it runs once more."""
MODES = ("background", "inline", "off")
"""What ``LIQA_EMBEDDINGS_AHEAD`` may say (anything else: ``background``)."""


def embedder() -> Embedder:
    """The process's embedder for the data directory (one per directory, kept)."""
    return _embedder(str(settings.DATA_DIR))


@cache
def _embedder(data_dir: str) -> Embedder:
    return Embedder(Path(data_dir) / "cache" / "embeddings")


@contextmanager
def exclusive(*, wait: bool) -> Iterator[bool]:
    """Hold the data directory's embedding lock (an exclusive ``flock`` of
    ``cache/embeddings.lock``, released when the holder ends, even killed) while the block
    embeds: yields true once held; without ``wait``, false at once when another thread or
    process holds it. Without ``fcntl`` (Windows) or a writable directory: true, unlocked."""
    try:
        import fcntl
    except ImportError:  # not POSIX: each process embeds what it lacks
        yield True
        return
    path = Path(settings.DATA_DIR) / "cache" / "embeddings.lock"
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        handle = path.open("a+b")
    except OSError:
        yield True
        return
    with handle:
        try:
            fcntl.flock(handle, fcntl.LOCK_EX | (0 if wait else fcntl.LOCK_NB))
        except BlockingIOError:
            yield False
            return
        try:
            yield True
        finally:
            fcntl.flock(handle, fcntl.LOCK_UN)


def ready(parties: Sequence[Party]) -> bool:
    """True when recommendations with the meaning signal need no model call now; otherwise
    the embedding of ``parties`` is started in the background (see :func:`start`)."""
    if cached(parties, embedder()):
        return True
    start(parties)
    return False


def start(parties: Sequence[Party]) -> threading.Thread:
    """Embed ``parties``' texts in a background thread (one at a time per set of texts);
    returns the thread doing it."""
    key = _texts_key(parties)
    with _LOCK:
        running = _RUNNING.get(key)
        if running is not None and running.is_alive():
            return running
        thread = threading.Thread(
            target=_embed, args=(key, tuple(parties)), name="liqa-embeddings", daemon=True
        )
        _RUNNING[key] = thread
        thread.start()
    return thread


def _texts_key(parties: Sequence[Party]) -> str:
    """The key of a set of texts being embedded (:data:`_RUNNING`)."""
    texts = "\0".join(profile_text(p) for p in parties)
    return hashlib.sha256(texts.encode("utf-8")).hexdigest()


BACKGROUND_NICENESS = 10
"""How much lower than the thread that starts it an embedding thread runs (``nice``)."""


def lower_priority() -> bool:
    """Run the calling thread behind the pages of its process (Linux, where a thread has
    its own scheduling, which the model's engine threads it starts inherit): in the idle
    class (``SCHED_IDLE``, the CPU the other threads leave), and
    :data:`BACKGROUND_NICENESS` nice steps below where it was (at most 19), relative to the
    process's: a server started with ``nice -n 15`` had its embedding set to an absolute
    10, above its own pages, which then waited for the CPU (a first requests page 0.6 ->
    5 s). False where threads have no priority of their own or the system refused."""
    if not sys.platform.startswith("linux"):
        return False
    me = threading.get_native_id()
    try:
        niceness = min(19, os.getpriority(os.PRIO_PROCESS, me) + BACKGROUND_NICENESS)
        os.setpriority(os.PRIO_PROCESS, me, niceness)
        os.sched_setscheduler(me, os.SCHED_IDLE, os.sched_param(0))
    except OSError:
        return False
    return True


def _embed(key: str, parties: Sequence[Party]) -> None:
    try:
        lower_priority()
        with exclusive(wait=False) as held:
            if not held:  # another process embeds: a later page finds its vectors
                return
            count = warm(parties, embedder())
        logger.info("embedded %d profile texts for the recommendations", count)
    except Exception:
        logger.exception("embedding profiles failed; recommendations go on without meaning")
    finally:
        with _LOCK:
            _RUNNING.pop(key, None)


def prepare(row: Event, *, claim: bool = False) -> int:
    """Embed the profiles and sentences of ``row``'s organizations now and keep the event's
    recommendations' matcher with the meaning signal (:func:`.domain.suggestions`), as a
    participant's requests page would; returns how many texts the model embedded (none for
    texts embedded before, whatever the event). With ``claim`` (a thread of this module),
    a page that finds the texts missing meanwhile waits for this thread (:func:`start`
    returns it) rather than embedding them again beside it."""
    from liqa.core.matching import event_parties
    from liqa.web.agendas import domain

    event = event_record(row)
    parties = event_parties(event)
    count = _claimed_warm(parties) if claim else _warm_exclusive(parties)
    someone = next((p.id for p in event.people), None)
    if someone is not None:  # the matcher is the event's; a person's page builds it
        domain.suggestions(row, someone, settings.LANGUAGE_CODE)
    return count


def prepare_within(row: Event, stop: Stop) -> tuple[int, bool]:
    """:func:`prepare` that asks ``stop`` between batches of a few texts (the warm step's
    deadline) and leaves the rest when it answers true, or when another process holds the
    lock (it embeds them); the matcher is kept only when every text is embedded (otherwise
    a requests page embeds the rest, see :func:`ready`). Returns the texts the model
    embedded and whether the event is ready."""
    from liqa.core.matching import event_parties
    from liqa.web.agendas import domain

    event = event_record(row)
    parties = event_parties(event)
    with exclusive(wait=False) as held:
        count = warm(parties, embedder(), stop=stop) if held else 0
    if not cached(parties, embedder()):
        return count, False
    someone = next((p.id for p in event.people), None)
    if someone is not None:
        domain.suggestions(row, someone, settings.LANGUAGE_CODE)
    return count, True


PRUNE_GRACE_SECONDS = 3600.0
"""A stored vector no profile refers to is removed only once its file is this old: one
another process has just embedded for a profile saved meanwhile (which this process's
reading of the events did not see) stays."""


def prune(grace: float = PRUNE_GRACE_SECONDS) -> int | None:
    """Remove the stored vectors of the current model that no profile or sentence of any
    event's organizations refers to any more (an edited profile's old text), older than
    ``grace`` seconds (:meth:`Embedder.prune`), holding the embedding lock so that no
    other process prunes or embeds meanwhile; returns how many were removed, None when
    another process held the lock (a later pruning does it)."""
    from liqa.core.matching import event_parties

    with exclusive(wait=False) as held:
        if not held:
            return None
        store = embedder()
        keep: set[str] = set()
        for row in Event.objects.order_by("pk").iterator():
            keep |= stored_keys(event_parties(event_record(row)), store)
        removed = store.prune(keep, grace)
    if removed:
        logger.info("removed %d stored embeddings no profile refers to", removed)
    return removed


def _warm_exclusive(parties: Sequence[Party]) -> int:
    """:func:`warm` of ``parties`` holding the lock (waiting for another holder first: what
    it embedded is then read, not embedded again)."""
    with exclusive(wait=True):
        return warm(parties, embedder())


def _claimed_warm(parties: Sequence[Party]) -> int:
    """:func:`warm` of ``parties`` in this thread, known to :func:`start` meanwhile; after
    the thread already embedding these texts, if there is one."""
    key, me = _texts_key(parties), threading.current_thread()
    with _LOCK:
        other = _RUNNING.get(key)
        if other is None or not other.is_alive():
            other, _RUNNING[key] = None, me
    if other is not None:
        other.join()
        return _warm_exclusive(parties)  # what it did not finish, if anything
    try:
        return _warm_exclusive(parties)
    finally:
        with _LOCK:
            if _RUNNING.get(key) is me:
                _RUNNING.pop(key)


def mode() -> str:
    """``LIQA_EMBEDDINGS_AHEAD``: ``background`` (by default), ``inline`` or ``off``."""
    chosen = str(getattr(settings, "LIQA_EMBEDDINGS_AHEAD", "background"))
    return chosen if chosen in MODES else "background"


def ahead(event_id: int) -> None:
    """Prepare the event (:func:`prepare`) once the current transaction commits: in a
    background thread, or at once in ``inline`` mode; nothing in ``off`` mode."""
    chosen = mode()
    if chosen == "off":
        return
    if chosen == "inline":
        transaction.on_commit(lambda: _prepare_id(event_id))
    else:
        transaction.on_commit(lambda: _start(event_id))


def pending() -> list[threading.Thread]:
    """The threads preparing events now (a test joins them)."""
    with _LOCK:
        return [thread for thread in _AHEAD.values() if thread.is_alive()]


def join(timeout: float | None = None) -> bool:
    """Wait until no embedding thread of this module runs in the process: the requests
    pages' (:func:`start`) and the events' prepared ahead (:func:`pending`), and those they
    start meanwhile (an ahead thread run again for an event written while it ran); never
    the calling thread itself. Returns true once none is left, false when ``timeout``
    seconds (all of them, not each thread's) passed first.

    A page does not wait for the thread it starts, so a test of a page, or a process about
    to end, calls this: the web tests after every test (``tests/web/conftest.py``), so that
    no test finds threads or their ``_RUNNING`` entries an earlier test left."""
    import time

    deadline = None if timeout is None else time.monotonic() + timeout
    me = threading.current_thread()
    while True:
        with _LOCK:
            alive = [
                thread
                for thread in (*_RUNNING.values(), *_AHEAD.values())
                if thread is not me and thread.is_alive()
            ]
        if not alive:
            return True
        for thread in alive:
            left = None if deadline is None else deadline - time.monotonic()
            if left is not None and left <= 0:
                return False
            thread.join(left)


def _start(event_id: int) -> None:
    with _LOCK:
        running = _AHEAD.get(event_id)
        if running is not None and running.is_alive():
            _AGAIN.add(event_id)  # its texts changed meanwhile: once more when done
            return
        thread = threading.Thread(
            target=_background, args=(event_id,), name="liqa-embeddings-ahead", daemon=True
        )
        _AHEAD[event_id] = thread
        thread.start()


def _background(event_id: int) -> None:
    """A thread's work: :func:`prepare` at a lower priority, again while the event is
    written meanwhile; its own database connection closed at the end."""
    try:
        lower_priority()
        while True:
            _prepare_id(event_id, claim=True)
            with _LOCK:
                if event_id not in _AGAIN:
                    _AHEAD.pop(event_id, None)
                    return
                _AGAIN.discard(event_id)
    finally:
        with _LOCK:
            if _AHEAD.get(event_id) is threading.current_thread():
                _AHEAD.pop(event_id, None)
        connection.close()


def _prepare_id(event_id: int, *, claim: bool = False) -> None:
    """:func:`prepare` of the event with this id, if it still exists; a failure is logged
    (the page computes without the signal, and embeds what it lacks, as before)."""
    try:
        row = Event.objects.filter(pk=event_id).first()
        if row is not None:
            count = prepare(row, claim=claim)
            logger.info("embedded %d profile texts of event %s ahead", count, row.slug)
    except Exception:
        logger.exception("embedding profiles ahead failed; the requests page will do it")


def _parties_stored(sender: Any, event: Event, **kwargs: Any) -> None:
    ahead(event.pk)


def _organization_saved(sender: Any, instance: Organization, **kwargs: Any) -> None:
    if not kwargs.get("raw"):  # a fixture loaded as it was stored: nothing was edited
        ahead(instance.event_id)


def _person_saved(sender: Any, instance: Person, **kwargs: Any) -> None:
    if not kwargs.get("raw"):
        ahead(instance.event_id)


parties_stored.connect(_parties_stored, dispatch_uid="meaning-parties")
post_save.connect(_organization_saved, sender=Organization, dispatch_uid="meaning-organization")
post_save.connect(_person_saved, sender=Person, dispatch_uid="meaning-person")
