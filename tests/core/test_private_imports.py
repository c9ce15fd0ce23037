"""The web shell and the CLI read the core through its public, documented API: neither
imports a private (underscored) name of a ``liqa.core`` module."""

from __future__ import annotations

import ast
from pathlib import Path

import liqa

ROOT = Path(liqa.__file__).resolve().parent


def _private_core_imports() -> list[str]:
    """``file:line: module.name`` for each private core name imported by web or cli code."""
    found = []
    for layer in ("web", "cli"):
        for path in sorted((ROOT / layer).rglob("*.py")):
            tree = ast.parse(path.read_text(encoding="utf-8"), filename=str(path))
            for node in ast.walk(tree):
                if not isinstance(node, ast.ImportFrom) or node.module is None:
                    continue
                if node.level or not node.module.startswith("liqa.core"):
                    continue
                for alias in node.names:
                    if alias.name.startswith("_") and not alias.name.startswith("__"):
                        rel = path.relative_to(ROOT.parent)
                        found.append(f"{rel}:{node.lineno}: {node.module}.{alias.name}")
    return found


def test_web_and_cli_import_no_private_core_name() -> None:
    assert _private_core_imports() == []
