"""Browser tests: Debian's Chromium driven by Playwright against a live server.

Run them with ``uv run pytest tests/web -m e2e`` (they are also ``slow``, so the default
run skips them). No browser is downloaded: ``/usr/bin/chromium`` must be installed.
"""

from __future__ import annotations

import os
from collections.abc import Iterator
from pathlib import Path

import pytest

os.environ.setdefault("DJANGO_ALLOW_ASYNC_UNSAFE", "true")  # Playwright's sync API loop

CHROMIUM = Path("/usr/bin/chromium")
ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
]


@pytest.fixture(scope="session")
def django_db_modify_db_settings(tmp_path_factory: pytest.TempPathFactory) -> None:
    """On SQLite, a test database in a file rather than Django's shared in-memory one.

    The live server's threads and the in-process task worker write to it at once; in the
    shared in-memory cache a reader meeting a writer fails at once ("database table is
    locked", seen in CI), while a file database waits for the settings' busy timeout.
    """
    from django.conf import settings

    database = settings.DATABASES["default"]
    if database["ENGINE"].endswith("sqlite3"):
        folder = tmp_path_factory.mktemp("e2e-database")
        database.setdefault("TEST", {})["NAME"] = str(folder / "test.sqlite3")


@pytest.fixture(scope="module")
def browser() -> Iterator[object]:
    """One headless Chromium per test module: Playwright's sync API keeps an event loop
    running while it is open, and Django's connections opened under it would outlive the
    tests that follow (PostgreSQL then refuses to drop the test database)."""
    if not CHROMIUM.exists():
        pytest.fail(
            "e2e tests need Debian's chromium at /usr/bin/chromium (apt-get install chromium)"
        )
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=str(CHROMIUM), args=ARGS)
        yield browser
        browser.close()


@pytest.fixture
def chromium(browser: object) -> Iterator[object]:
    """The module's headless Chromium, the database connections opened under Playwright's
    loop closed after the test (work done while the loop runs opens its own)."""
    yield browser
    from django.db import connections

    connections.close_all()


@pytest.fixture
def shots() -> Path | None:
    """Where to save screenshots (``LIQA_SCREENSHOTS=docs/screenshots``), else nowhere."""
    target = os.environ.get("LIQA_SCREENSHOTS")
    if not target:
        return None
    path = Path(target)
    path.mkdir(parents=True, exist_ok=True)
    return path
