"""``liqa demo --no-serve`` ends with the command that serves the app where its sign-in
links point (README: `uv run liqa demo --no-serve` stops before serving), and its
loading line names the database it loads."""

from __future__ import annotations

import io
from pathlib import Path

import pytest
import typer
from rich.console import Console
from typer.testing import CliRunner

from liqa.cli import app, demo
from liqa.cli.demo import database_place, serve_web
from liqa.core.missionfile import load_event, summary
from liqa.core.scheduling.planning import ReportWords


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


def test_its_closing_lines_are_in_the_print_lang(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("DATABASE_URL", raising=False)
    monkeypatch.setenv("LIQA_DATA_DIR", "/tmp/h7/var")
    out = io.StringIO()
    links = {"organizer": "http://127.0.0.1:8000/accounts/link/x/"}
    serve_web(Console(file=out, width=200), links, "127.0.0.1", 8000, True, ReportWords("fr"))
    assert "Application web (chaque lien de connexion ne sert qu'une fois) :" in out.getvalue()
    assert "Lancez l'application web avec : uv run liqa serve\n" in out.getvalue()
    assert "  organisateur: http://127.0.0.1:8000/accounts/link/x/\n" in out.getvalue()
    assert database_place(ReportWords("fr")) == "base de données dans /tmp/h7/var"
    # in Arabic, the Latin path and command read left to right inside the sentence
    assert database_place(ReportWords("ar")) == "قاعدة البيانات في \u2066/tmp/h7/var\u2069"


def test_the_demo_summary_is_in_the_print_lang(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    def stop(*_args: object, **_kwargs: object) -> None:
        raise typer.Exit(7)  # the summary is printed; no need to plan

    monkeypatch.setattr(demo, "run_plan", stop)
    monkeypatch.delenv("DATABASE_URL", raising=False)
    result = CliRunner().invoke(
        app,
        ["demo", "--no-serve", "--out", str(tmp_path / "out"), "--print-lang", "fr"],
        env={"LIQA_DATA_DIR": str(tmp_path / "var"), "COLUMNS": "300"},
    )
    assert result.exit_code == 7, result.output
    event = load_event(demo.examples_dir() / demo.DEMO / "mission.yaml")
    for label, text in summary(event, "fr"):
        assert f"  {label}: {text}" in result.output
    assert "Organisations" in result.output  # not "Organizations"
