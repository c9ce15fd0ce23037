"""The web shell and the CLI read the core through its public, documented API: neither
imports a private (underscored) name of a ``liqa.core`` module. Within a layer too, a name
another module imports is public; and the names migrations refer to stay defined."""

from __future__ import annotations

import ast
from pathlib import Path

import liqa

ROOT = Path(liqa.__file__).resolve().parent


def _private(name: str) -> bool:
    return name.startswith("_") and not name.startswith("__")


def _module_name(path: Path) -> str:
    """``liqa.a.b`` for ``ROOT/a/b.py`` (the package for an ``__init__.py``)."""
    parts = path.relative_to(ROOT.parent).with_suffix("").parts
    return ".".join(parts[:-1] if parts[-1] == "__init__" else parts)


def _imported_from(path: Path, node: ast.ImportFrom) -> str:
    """The absolute module an ``import from`` in ``path`` reads (relative ones resolved)."""
    if not node.level:
        return node.module or ""
    package = _module_name(path).split(".")
    if path.name != "__init__.py":
        package = package[:-1]
    base = package[: len(package) - node.level + 1]
    return ".".join([*base, node.module] if node.module else base)


def _private_imports(layers: tuple[str, ...], source: str) -> list[str]:
    """``file:line: module.name`` for each private name that code under ``layers`` imports
    from another module whose name starts with ``source``."""
    found = []
    for layer in layers:
        for path in sorted((ROOT / layer).rglob("*.py")):
            tree = ast.parse(path.read_text(encoding="utf-8"), filename=str(path))
            for node in ast.walk(tree):
                if not isinstance(node, ast.ImportFrom):
                    continue
                module = _imported_from(path, node)
                if not module.startswith(source):
                    continue
                for alias in node.names:
                    if _private(alias.name):
                        rel = path.relative_to(ROOT.parent)
                        found.append(f"{rel}:{node.lineno}: {module}.{alias.name}")
    return found


def _top_level_names(path: Path) -> set[str]:
    """The names a module binds at its top level (definitions, assignments, imports)."""
    names: set[str] = set()
    for node in ast.parse(path.read_text(encoding="utf-8")).body:
        if isinstance(node, ast.FunctionDef | ast.ClassDef):
            names.add(node.name)
        elif isinstance(node, ast.Assign | ast.AnnAssign):
            targets = node.targets if isinstance(node, ast.Assign) else [node.target]
            names.update(t.id for t in targets if isinstance(t, ast.Name))
        elif isinstance(node, ast.Import | ast.ImportFrom):
            names.update((a.asname or a.name).split(".")[0] for a in node.names)
    return names


def _dotted(node: ast.Attribute) -> str | None:
    parts = [node.attr]
    value = node.value
    while isinstance(value, ast.Attribute):
        parts.append(value.attr)
        value = value.value
    if not isinstance(value, ast.Name) or value.id != "liqa":
        return None
    return ".".join(["liqa", *reversed(parts)])


def _missing_migration_references() -> list[str]:
    """``file:line: liqa.module.name`` for each ``liqa.…`` name a migration refers to that
    its module no longer defines (e.g. a field default renamed without an alias)."""
    missing = []
    for path in sorted(ROOT.glob("web/*/migrations/*.py")):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if not isinstance(node, ast.Attribute) or (dotted := _dotted(node)) is None:
                continue
            module, _, name = dotted.rpartition(".")
            source = ROOT.parent / (module.replace(".", "/") + ".py")
            if source.is_file() and name not in _top_level_names(source):
                missing.append(f"{path.relative_to(ROOT.parent)}:{node.lineno}: {dotted}")
    return missing


def test_web_and_cli_import_no_private_core_name() -> None:
    assert _private_imports(("web", "cli"), "liqa.core") == []


def test_no_module_imports_a_private_name_of_another() -> None:
    assert _private_imports(("core", "web", "cli"), "liqa") == []


def test_the_names_migrations_refer_to_are_still_defined() -> None:
    references = [
        node
        for path in ROOT.glob("web/*/migrations/*.py")
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8")))
        if isinstance(node, ast.Attribute) and _dotted(node)
    ]
    assert references  # the check reads something: the field defaults' functions
    assert _missing_migration_references() == []
