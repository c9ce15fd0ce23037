"""The matchmaking engine's meaning signal in the web app: a page never waits for the model.

Recommendations on a participant's requests page use the semantic signal
(:mod:`liqa.core.matching.semantic`) once every profile and sentence of the event is
embedded, in ``LIQA_DATA_DIR/cache/embeddings`` (shared by the server's processes and kept
across restarts). Until then the page is computed without it, and the first page that finds
texts missing starts embedding them in a background thread at a lower priority: the model
costs 0.05-0.08 s of CPU per text, and the demo mission has 224 texts
(profiles and their sentences). A change to a profile changes its text, so its new text is
embedded the same way on the next page.
"""

from __future__ import annotations

import hashlib
import logging
import os
import threading
from collections.abc import Sequence
from functools import cache
from pathlib import Path

from django.conf import settings

from liqa.core.matching.profiles import Party
from liqa.core.matching.semantic import Embedder, cached, profile_text, warm

logger = logging.getLogger(__name__)

_RUNNING: dict[str, threading.Thread] = {}
_LOCK = threading.Lock()


def embedder() -> Embedder:
    """The process's embedder for the data directory (one per directory, kept)."""
    return _embedder(str(settings.DATA_DIR))


@cache
def _embedder(data_dir: str) -> Embedder:
    return Embedder(Path(data_dir) / "cache" / "embeddings")


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
    texts = "\0".join(profile_text(p) for p in parties)
    key = hashlib.sha256(texts.encode("utf-8")).hexdigest()
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


def _embed(key: str, parties: Sequence[Party]) -> None:
    try:
        if hasattr(os, "setpriority"):  # Linux: this thread only; pages keep the CPU first
            os.setpriority(os.PRIO_PROCESS, threading.get_native_id(), 10)
        count = warm(parties, embedder())
        logger.info("embedded %d profile texts for the recommendations", count)
    except Exception:
        logger.exception("embedding profiles failed; recommendations go on without meaning")
    finally:
        with _LOCK:
            _RUNNING.pop(key, None)
