"""The web apps import one way (``docs/architecture.md``, "between apps"):

    events  ←  accounts  ←  scheduling  ←  agendas  ←  api
                           scheduling  ←  audit
    backup above them all

A module of an app that is not HTTP glue (views, admin, urls) nor a migration imports no
app above it, at the top of the module or inside a function; where an app below must let
one above act (a replacement by mission file, a removed key), it sends a signal that the
app above answers. Read from the source (AST), importing nothing.
"""

from __future__ import annotations

import ast
from pathlib import Path

WEB = Path(__file__).resolve().parents[2] / "src" / "liqa" / "web"

BELOW: dict[str, set[str]] = {
    "events": set(),
    "accounts": {"events"},
    "scheduling": {"accounts"},
    "agendas": {"scheduling"},
    "api": {"agendas"},
    "audit": {"scheduling"},
    "backup": {"api", "audit"},
}
"""Each app and the apps it stands on directly (the diagram's arrows)."""

EXCEPTIONS: dict[tuple[str, str], str] = {
    ("agendas/warm.py", "api"): (
        "liqa serve --production's warm-up builds the API's kept schedule answers "
        "(api.views.participant_schedule) before the workers fork; not this change's module"
    ),
}
"""Imports of an app above, by module (relative to ``src/liqa/web``) and app, with why."""


def _under(app: str) -> set[str]:
    """Every app ``app`` stands on, directly or not."""
    found: set[str] = set()
    todo = list(BELOW[app])
    while todo:
        lower = todo.pop()
        if lower not in found:
            found.add(lower)
            todo.extend(BELOW[lower])
    return found


def above(app: str) -> set[str]:
    """The apps standing on ``app``, directly or not: those it must not import."""
    return {other for other in BELOW if app in _under(other)}


def _glue(path: Path) -> bool:
    """HTTP glue (views, admin, urls) or a migration: exempt."""
    return (
        path.name in ("views.py", "admin.py", "urls.py")
        or path.name.endswith("_views.py")
        or "views" in path.parts[:-1]
        or "migrations" in path.parts
    )


def imported(text: str, package: list[str]) -> set[tuple[str, int]]:
    """The web apps a module's ``text`` imports (anywhere in it, relative imports read from
    its ``package``), with the line of each import."""
    found: set[tuple[str, int]] = set()
    for node in ast.walk(ast.parse(text)):
        if not isinstance(node, ast.Import | ast.ImportFrom):
            continue
        if isinstance(node, ast.Import):
            names = [alias.name for alias in node.names]
        else:
            base = package[: len(package) - node.level + 1] if node.level else []
            module = ".".join([*base, *([node.module] if node.module else [])])
            names = [module, *(f"{module}.{alias.name}" for alias in node.names)]
        for name in names:
            parts = name.split(".")
            if parts[:2] == ["liqa", "web"] and len(parts) > 2 and parts[2] in BELOW:
                found.add((parts[2], node.lineno))
    return found


def violations() -> dict[tuple[str, str], list[int]]:
    """Per module and app above it, the lines importing it."""
    found: dict[tuple[str, str], list[int]] = {}
    for app in BELOW:
        forbidden = above(app)
        for path in sorted((WEB / app).rglob("*.py")):
            if _glue(path.relative_to(WEB / app)):
                continue
            package = ["liqa", "web", *path.relative_to(WEB).parent.parts]
            for app_imported, line in sorted(imported(path.read_text("utf-8"), package)):
                if app_imported in forbidden:
                    key = (str(path.relative_to(WEB)), app_imported)
                    found.setdefault(key, []).append(line)
    return found


def test_the_diagram_is_read_as_drawn() -> None:
    assert above("events") == {"accounts", "scheduling", "agendas", "api", "audit", "backup"}
    assert above("scheduling") == {"agendas", "api", "audit", "backup"}
    assert above("agendas") == {"api", "backup"}
    assert above("audit") == {"backup"}
    assert above("backup") == set()


def test_no_app_imports_an_app_above_it() -> None:
    found = violations()
    unexpected = {key: lines for key, lines in found.items() if key not in EXCEPTIONS}
    assert unexpected == {}, "\n".join(
        f"{module}:{lines} imports liqa.web.{app}, above it"
        for (module, app), lines in unexpected.items()
    )


def test_every_exception_is_still_needed() -> None:
    assert set(EXCEPTIONS) <= set(violations())


def test_imports_anywhere_in_a_module_are_seen() -> None:
    text = (
        "from liqa.web.events.models import Event\n"
        "def f():\n"
        "    from ..agendas import domain\n"
        "    import liqa.web.api.views\n"
        "    from liqa.web import backup\n"
        "    from . import records\n"
    )
    package = ["liqa", "web", "events"]
    assert imported(text, package) == {
        ("events", 1),
        ("agendas", 3),
        ("api", 4),
        ("backup", 5),
        ("events", 6),
    }


def test_glue_and_migrations_are_exempt() -> None:
    assert _glue(Path("views.py"))
    assert _glue(Path("editing_views.py"))
    assert _glue(Path("migrations/0001_initial.py"))
    assert _glue(Path("urls.py"))
    assert not _glue(Path("services.py"))
    assert not _glue(Path("editing/rows.py"))
