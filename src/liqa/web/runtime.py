"""Start Django from Python (CLI, demo): configure, migrate, and an in-process worker."""

from __future__ import annotations

import logging
import os
import threading
from pathlib import Path
from urllib.parse import urlsplit

from liqa.core.problems import Message

log = logging.getLogger(__name__)


class SetupError(Exception):
    """The web app cannot start (bad database URL, unreachable database...)."""


class DatabaseUrlError(SetupError):
    """``DATABASE_URL`` names no database liqa can use: :attr:`message` says what is wrong
    and the forms it accepts (:func:`database_url_problem`), in any language."""

    def __init__(self, message: Message) -> None:
        super().__init__(message)
        self.message = message


POSTGRES_SCHEMES = frozenset({"postgres", "postgresql", "pgsql"})
"""The schemes of a PostgreSQL ``DATABASE_URL`` (SQLite's is ``sqlite``): the two backends
liqa is built and tested on (``dj_database_url`` knows more, whose drivers liqa lacks)."""


def database_url_problem(url: str) -> Message | None:
    """What is wrong with ``url`` as ``DATABASE_URL`` (empty: SQLite in ``LIQA_DATA_DIR``),
    said with the forms it accepts; ``None`` when liqa can use it. The value itself is not
    repeated: it may hold a password."""
    if not url.strip():
        return None
    scheme, separator, _rest = url.strip().partition("://")
    scheme = scheme.lower()
    if scheme == "sqlite" and separator:
        return None
    wrong: Message | None
    if not separator or not scheme:
        wrong = Message("it does not begin with sqlite:// or postgres://")
    elif scheme not in POSTGRES_SCHEMES:
        wrong = Message("the scheme {scheme}:// is not supported", scheme=scheme)
    else:
        wrong = _postgres_problem(url.strip())
    if wrong is None:
        return None
    return Message(
        "DATABASE_URL: {wrong}; use sqlite:///path/to/liqa.sqlite3 or "
        "postgres://user@host:port/name (or leave it empty: SQLite in LIQA_DATA_DIR)",
        wrong=wrong,
    )


def _postgres_problem(url: str) -> Message | None:
    """What is wrong with the PostgreSQL address ``url``, ``None`` when nothing is."""
    import dj_database_url

    invalid = Message(
        "it is not a valid URL (a character such as @, : or / in the user name or password"
        " must be percent-encoded)"
    )
    try:
        parts = urlsplit(url)
    except ValueError:  # an unclosed [ of an IPv6 address
        return invalid
    try:
        _ = parts.port  # a port that is no number (or out of range) raises
    except ValueError:
        return Message("its port is not a number (PostgreSQL's is 5432)")
    if not parts.path.strip("/"):
        return Message("it names no database (the name after host:port/)")
    try:
        dj_database_url.parse(url)
    except ValueError:
        return invalid
    return None


def configure(data_dir: Path | None = None) -> None:
    """Point Django at liqa's settings (and ``data_dir``), then set it up once."""
    if data_dir is not None:
        os.environ["LIQA_DATA_DIR"] = str(data_dir)
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "liqa.web.settings")
    import django
    from django.apps import apps

    if not apps.ready:
        problem = database_url_problem(os.environ.get("DATABASE_URL", ""))
        if problem is not None:  # said before Django loads a backend it lacks (mysql://)
            raise DatabaseUrlError(problem)
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


SERVED_FILE = "served_base_url"
"""The file of the data directory where ``liqa serve`` records the base URL of its links."""


def served_file() -> Path:
    """Where ``liqa serve`` records its base URL: ``served_base_url`` in the data directory."""
    from django.conf import settings

    return Path(settings.DATA_DIR) / SERVED_FILE


def follow_served(host: str, port: int) -> str:
    """Make the links point at the app served on ``host:port`` unless ``LIQA_BASE_URL``
    is set (:func:`served_base_url`); return the base URL the links now use, after
    recording it in the data directory for ``liqa worker`` and ``liqa manage``
    (:func:`follow_recorded`). Call it after :func:`configure`."""
    from django.conf import settings

    url = served_base_url(host, port)
    if url is not None:
        settings.BASE_URL = url
        settings.CSRF_TRUSTED_ORIGINS = [url]
    _record(str(settings.BASE_URL))
    return str(settings.BASE_URL)


def _record(url: str) -> None:
    """Write ``url`` into :func:`served_file` (whole or not at all); a warning if it cannot."""
    path = served_file()
    partial = path.with_name(f".{path.name}.{os.getpid()}")
    try:
        partial.write_text(url + "\n", encoding="utf-8")
        os.replace(partial, path)
    except OSError as error:
        log.warning("cannot record the served address in %s: %s", path, error)


def recorded_base_url() -> str | None:
    """The base URL recorded by the last ``liqa serve`` (or ``liqa demo``) on this data
    directory; ``None`` when there is none or it is not an http(s) address."""
    path = served_file()
    try:
        url = path.read_text(encoding="utf-8").strip()
    except FileNotFoundError:
        return None
    except (OSError, UnicodeDecodeError) as error:
        log.warning("cannot read the served address in %s: %s", path, error)
        return None
    if not url.startswith(("http://", "https://")) or any(c.isspace() for c in url):
        log.warning("ignoring %s: %r is not an http(s) address", path, url[:200])
        return None
    return url.rstrip("/")


def follow_recorded() -> str:
    """Make the links of a process that does not serve (``liqa worker``, ``liqa manage``)
    point where ``liqa serve`` serves: unless ``LIQA_BASE_URL`` is set, the base URL it
    recorded (:func:`recorded_base_url`), else the default; return the base URL in use.
    Call it after :func:`configure`."""
    from django.conf import settings

    if not os.environ.get("LIQA_BASE_URL", "").strip():
        url = recorded_base_url()
        if url is not None:
            settings.BASE_URL = url
    return str(settings.BASE_URL)


def _follow_recorded_on_task(**_kwargs: object) -> None:
    follow_recorded()


def follow_recorded_in_tasks() -> None:
    """Read the recorded base URL again as each task of this process starts (a worker
    outlives a ``liqa serve`` restarted on another port)."""
    from django.tasks.signals import task_started

    task_started.connect(_follow_recorded_on_task, weak=False, dispatch_uid="liqa-follow-recorded")


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
