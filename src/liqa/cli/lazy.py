"""Command modules imported on first use, so that ``liqa demo`` does not load the others.

Each command module registers its commands on :data:`liqa.cli.app` when imported;
:data:`COMMANDS` says which modules register which top-level command. Listing the commands
(``liqa --help``) or asking for an unknown one (to suggest a near name) loads them all.
"""

from __future__ import annotations

import importlib

import typer
from typer.core import TyperGroup
from typer.main import get_command

COMMANDS: dict[str, tuple[str, ...]] = {
    "plan": ("liqa.cli.plan",),
    "demo": ("liqa.cli.demo",),
    "recommend": ("liqa.cli.matching",),
    "import": ("liqa.cli.spreadsheets",),
    "export": ("liqa.cli.spreadsheets",),
    "validate": ("liqa.cli.validate",),
    "serve": ("liqa.cli.web",),
    "worker": ("liqa.cli.web",),
    "manage": ("liqa.cli.web",),
    "bench": ("liqa.cli.bench_b2b", "liqa.cli.bench_toptw"),
    "eval": ("liqa.cli.matching",),
}
"""Top-level command -> the modules registering it, in the order ``liqa --help`` lists."""

ALL_MODULES: tuple[str, ...] = tuple(dict.fromkeys(m for ms in COMMANDS.values() for m in ms))


def registered(app: typer.Typer) -> dict[str, typer.core.TyperCommand | TyperGroup]:
    """The click commands of everything registered on ``app`` so far, by name."""
    return dict(get_command(app).commands)  # type: ignore[attr-defined]


class LazyGroup(TyperGroup):
    """The ``liqa`` group: a command's module is imported when the command is looked up."""

    def _load(self, modules: tuple[str, ...]) -> None:
        from liqa.cli import app

        for module in modules:
            importlib.import_module(module)
        self.commands.update(registered(app))

    def get_command(self, ctx: typer.Context, cmd_name: str) -> typer.core.TyperCommand | None:  # type: ignore[override]
        if cmd_name not in self.commands:
            self._load(COMMANDS.get(cmd_name, ALL_MODULES))
        return super().get_command(ctx, cmd_name)  # type: ignore[return-value]

    def list_commands(self, ctx: typer.Context) -> list[str]:  # type: ignore[override]
        self._load(ALL_MODULES)
        order = list(COMMANDS)
        return sorted(self.commands, key=lambda n: order.index(n) if n in order else len(order))
