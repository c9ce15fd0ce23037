"""WSGI entry point, and the production server that serves it (gunicorn).

``liqa serve`` uses Django's own server (static files included, one process);
``liqa serve --production`` calls :func:`serve`: gunicorn with several worker processes.
Any WSGI server can serve ``liqa.web.wsgi:application`` as well, e.g.
``gunicorn liqa.web.wsgi:application --workers 5``.
"""

from __future__ import annotations

import os
from collections.abc import Callable
from typing import Any

from django.core.wsgi import get_wsgi_application

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "liqa.web.settings")
application = get_wsgi_application()


def default_workers() -> int:
    """Gunicorn's advice for synchronous workers: two per CPU core, plus one."""
    return 2 * (os.cpu_count() or 1) + 1


def gunicorn_options(host: str, port: int, workers: int, threads: int = 1) -> dict[str, Any]:
    """The gunicorn settings of :func:`serve` (no access log: paths hold secret links)."""
    return {
        "bind": f"{host}:{port}",
        "workers": workers,
        "threads": threads,
        "worker_class": "gthread" if threads > 1 else "sync",
        "timeout": 60,
        "graceful_timeout": 30,
        "accesslog": None,
        "errorlog": "-",
        "proc_name": "liqa-web",
        # One control socket per user's home would be shared by every instance: none.
        "control_socket_disable": True,
    }


def serve(host: str, port: int, workers: int, threads: int = 1) -> None:
    """Serve :data:`application` with gunicorn until stopped (blocking; SIGTERM stops it)."""
    from django.urls import get_resolver
    from gunicorn.app.base import BaseApplication

    get_resolver().url_patterns  # noqa: B018  # import every view before forking the workers

    class Server(BaseApplication):  # type: ignore[misc]  # gunicorn ships no type hints
        def load_config(self) -> None:
            for key, value in gunicorn_options(host, port, workers, threads).items():
                self.cfg.set(key, value)

        def load(self) -> Callable[..., Any]:
            return application

    Server().run()
