"""``liqa demo --no-serve`` ends with the command that serves the app where its sign-in
links point (README: `uv run liqa demo --no-serve` stops before serving), and its
loading line names the database it loads."""

from __future__ import annotations

import io

import pytest
from rich.console import Console

from liqa.cli.demo import database_place, serve_web


def _said(host: str, port: int) -> str:
    out = io.StringIO()
    links = {"organizer": f"http://{host}:{port}/accounts/link/x/"}
    serve_web(Console(file=out, width=200), links, host, port, no_serve=True)
    return out.getvalue()


def test_the_default_address_is_plain_liqa_serve() -> None:
    assert "Start the web app with: uv run liqa serve\n" in _said("127.0.0.1", 8000)


def test_another_port_is_served_where_the_links_point() -> None:
    said = _said("127.0.0.1", 8123)
    assert "http://127.0.0.1:8123/accounts/link/x/" in said
    assert "Start the web app with: uv run liqa serve --port 8123\n" in said


def test_another_host_too() -> None:
    said = _said("0.0.0.0", 8000)
    assert "Start the web app with: uv run liqa serve --host 0.0.0.0\n" in said


def test_the_loading_line_names_the_database_used(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("DATABASE_URL", raising=False)
    monkeypatch.delenv("LIQA_DATA_DIR", raising=False)
    assert database_place() == "database in ./var"
    monkeypatch.setenv("LIQA_DATA_DIR", "/tmp/h7/var")
    assert database_place() == "database in /tmp/h7/var"
    monkeypatch.setenv("DATABASE_URL", "postgres://postgres@127.0.0.1:5432/liqa_h7")
    assert database_place() == "the database of DATABASE_URL"
