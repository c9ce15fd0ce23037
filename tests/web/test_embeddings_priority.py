"""A requests page's background embedding runs behind the pages of its process, relative to
the priority the process runs at (a server started with ``nice -n 15`` had it at an
absolute nice 10, above its pages: the page then waited for a core)."""

from __future__ import annotations

import os
import sys
import threading
from collections.abc import Sequence
from typing import Any

import pytest

from liqa.core.matching import event_parties
from liqa.core.matching.semantic import Prefix, cached
from liqa.core.matching.textsim import Matrix
from liqa.web.agendas import meaning
from liqa.web.events.records import event_record
from tests.web.test_embeddings_shared import _store, encoder  # noqa: F401  (fixture)

pytestmark = pytest.mark.skipif(
    not sys.platform.startswith("linux"), reason="a thread's own priority is Linux's"
)


@pytest.mark.django_db
@pytest.mark.usefixtures("encoder")
def test_the_pages_embedding_thread_runs_idle_and_below_the_page() -> None:
    event = _store("priority")
    parties = event_parties(event_record(event))
    seen: dict[str, int] = {}
    real = meaning.embedder().encoder

    def recording(texts: Sequence[str], prefix: Prefix) -> Matrix:
        me = threading.get_native_id()
        seen["nice"] = os.getpriority(os.PRIO_PROCESS, me)
        seen["policy"] = os.sched_getscheduler(me)
        return real(texts, prefix)

    meaning.embedder().encoder = recording

    def page() -> Any:
        """A page's thread of a server run at nice 12 (raising it needs no privilege)."""
        me = threading.get_native_id()
        os.setpriority(os.PRIO_PROCESS, me, max(12, os.getpriority(os.PRIO_PROCESS, me)))
        seen["page"] = os.getpriority(os.PRIO_PROCESS, me)
        meaning.start(parties).join(timeout=300)

    thread = threading.Thread(target=page)
    thread.start()
    thread.join(timeout=300)
    assert cached(parties, meaning.embedder())
    assert seen["policy"] == os.SCHED_IDLE
    assert seen["nice"] == min(19, seen["page"] + meaning.BACKGROUND_NICENESS)
