"""Web tests: Django configured for tests (SQLite by default, PostgreSQL with DATABASE_URL).

Background tasks run in-process (the immediate backend); e-mail goes to ``mail.outbox``.
"""

from __future__ import annotations

import os
import tempfile
from collections.abc import Iterator
from pathlib import Path
from typing import Any

os.environ.setdefault("LIQA_DATA_DIR", tempfile.mkdtemp(prefix="liqa-web-tests-"))
os.environ["LIQA_TASK_BACKEND"] = "immediate"
# no thread embedding profiles after each import (tests of it set "inline" or join them)
os.environ.setdefault("LIQA_EMBEDDINGS_AHEAD", "off")
os.environ.setdefault("LIQA_SECRET_KEY", "tests-only-secret-key-not-for-production-use-0123456789")
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "liqa.web.settings")

import django

django.setup()

import pytest  # noqa: E402
from django.core.cache import cache  # noqa: E402
from django.utils import translation  # noqa: E402

from tests.web.factories import *  # noqa: E402,F403


@pytest.fixture(autouse=True)
def _web_settings(settings: pytest.FixtureRequest) -> Iterator[None]:
    """Fast password hashing, a known base URL, an empty cache and the default language in
    every web test (a request in French leaves French active in the test's thread)."""
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]  # type: ignore[attr-defined]
    settings.BASE_URL = "http://testserver"  # type: ignore[attr-defined]
    cache.clear()  # nothing cached by an earlier test
    translation.deactivate()
    yield
    translation.deactivate()


EMBEDDING_THREADS_WAIT = 600.0
"""How long a test's embedding threads may still run once it ends (a hang guard: the demo's
224 texts take about 15 s on a busy 2-core machine)."""


@pytest.fixture(autouse=True)
def _embedding_threads_done(settings: Any) -> Iterator[None]:
    """Every web test ends once the embedding threads it started ended (a requests page
    starts one and does not wait for it, :func:`liqa.web.agendas.meaning.join`): a later
    test that counts those threads, or waits on the texts being embedded, finds none of an
    earlier test's; nor does a thread read the settings or data directory of a test that
    ended (it asks for ``settings``: the test's are restored after this wait)."""
    from liqa.web.agendas import meaning

    yield
    if not meaning.join(timeout=EMBEDDING_THREADS_WAIT):
        pytest.fail(
            f"embedding threads still running {EMBEDDING_THREADS_WAIT:.0f} s after the test"
        )


@pytest.fixture
def data_dir(settings: Any, tmp_path: Path) -> Path:
    """A data directory of the test's own (where uploads are staged and outputs built), for
    the modules that ask for it with ``pytestmark = pytest.mark.usefixtures("data_dir")``.
    Not autouse: the other tests share the session's ``LIQA_DATA_DIR`` and so its
    embeddings cache."""
    settings.DATA_DIR = tmp_path / "data"
    return Path(settings.DATA_DIR)


@pytest.fixture
def houston_mission(db: None) -> Any:
    """The Houston trade mission of ``tests.web.editing_factories`` (clocks jump on night 1)."""
    from tests.web.editing_factories import store_mission

    return store_mission()


@pytest.fixture
def houston_organizer(houston_mission: Any) -> Any:
    """A client signed in as that mission's organizer."""
    from tests.web.editing_factories import organizer_of

    return organizer_of(houston_mission)


@pytest.fixture
def empty_caches() -> Iterator[None]:
    """The per-process stores of events, schedules, outputs (and their digests' event
    parts), agenda HTML and API answers, empty before and after the test (tests that count
    queries or check freshness)."""
    from liqa.web.agendas import domain, fragments
    from liqa.web.api import views as api_views
    from liqa.web.events import snapshots
    from liqa.web.scheduling import digest_inputs

    stores = (
        snapshots.EVENTS,
        digest_inputs.EVENT_PARTS,
        domain.SCHEDULES,
        domain.OUTPUTS,
        fragments.DAYS,
        api_views.PARTICIPANT_SCHEDULES,
    )
    for store in stores:
        store.clear()
    yield
    for store in stores:
        store.clear()
