"""Start Django from Python (CLI, demo): configure, migrate, and an in-process worker."""

from __future__ import annotations

import logging
import os
import threading
from pathlib import Path

log = logging.getLogger(__name__)


class SetupError(Exception):
    """The web app cannot start (bad database URL, unreachable database...)."""


def configure(data_dir: Path | None = None) -> None:
    """Point Django at liqa's settings (and ``data_dir``), then set it up once."""
    if data_dir is not None:
        os.environ["LIQA_DATA_DIR"] = str(data_dir)
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "liqa.web.settings")
    import django
    from django.apps import apps

    if not apps.ready:
        try:
            django.setup()
        except (ValueError, ImportError) as error:  # e.g. DATABASE_URL of an unknown scheme
            raise SetupError(f"cannot configure the web app: {error}") from error


def migrate() -> None:
    """Create or update the database tables (SQLite file created on first run)."""
    from django.core.management import call_command
    from django.db import DatabaseError

    try:
        call_command("migrate", interactive=False, verbosity=0)
    except DatabaseError as error:
        raise SetupError(f"cannot reach or update the database: {error}") from error


def start_inprocess_worker() -> threading.Thread:
    """Run queued tasks in a daemon thread of this process (no separate worker needed)."""
    from django_tasks_db.management.commands.db_worker import Worker

    worker = Worker(
        queue_names=["default"],
        interval=0.5,
        batch=False,
        backend_name="default",
        startup_delay=False,
        max_tasks=None,
        worker_id=f"liqa-inprocess-{os.getpid()}",
        excluded_queue_names=[],
    )
    thread = threading.Thread(target=worker.run, name="liqa-task-worker", daemon=True)
    thread.start()
    return thread


def uses_task_database() -> bool:
    """True when tasks go to the database (so a worker must pick them up)."""
    from django.conf import settings

    backend: str = settings.TASKS["default"]["BACKEND"]
    return backend.startswith("django_tasks_db")


def served_base_url(host: str, port: int) -> str | None:
    """The address of the app served on ``host:port`` as a browser reaches it, for the links
    it e-mails and prints; ``None`` when ``LIQA_BASE_URL`` is set (in production the
    address behind the proxy, which wins). A wildcard address (``0.0.0.0``, ``::``) is
    reached on this machine as 127.0.0.1 (``[::1]``)."""
    if os.environ.get("LIQA_BASE_URL", "").strip():
        return None
    if host in ("", "0.0.0.0"):
        host = "127.0.0.1"
    elif host == "::":
        host = "::1"
    if ":" in host and not host.startswith("["):
        host = f"[{host}]"  # an IPv6 address in a URL
    return f"http://{host}:{port}"


def follow_served(host: str, port: int) -> str:
    """Make the links point at the app served on ``host:port`` unless ``LIQA_BASE_URL``
    is set (:func:`served_base_url`); return the base URL the links now use. Call it
    after :func:`configure`."""
    from django.conf import settings

    url = served_base_url(host, port)
    if url is not None:
        settings.BASE_URL = url
        settings.CSRF_TRUSTED_ORIGINS = [url]
    return str(settings.BASE_URL)


def run_server(host: str, port: int, *, worker: bool = True) -> None:
    """Serve the web app with Django's server (static files included), blocking; its links
    point at ``host:port`` unless ``LIQA_BASE_URL`` is set (:func:`follow_served`)."""
    from django.core.management import call_command

    follow_served(host, port)
    if worker and uses_task_database():
        start_inprocess_worker()
    call_command(
        "runserver",
        f"{host}:{port}",
        use_reloader=False,
        use_threading=True,
        insecure_serving=True,  # serve /static/ without DEBUG: the embedded default must work
    )
