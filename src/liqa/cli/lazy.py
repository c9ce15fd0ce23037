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
        command = super().get_command(ctx, cmd_name)
        if command is not None:  # each run builds its commands again from the registry
            _flow_help(command)
        return command  # type: ignore[return-value]

    def list_commands(self, ctx: typer.Context) -> list[str]:  # type: ignore[override]
        self._load(ALL_MODULES)
        order = list(COMMANDS)
        return sorted(self.commands, key=lambda n: order.index(n) if n in order else len(order))


def flowed(text: str) -> str:
    """``text`` (a command's docstring) with each paragraph's lines joined where a sentence
    goes on, and rST's double backticks single: the help shows the remaining paragraphs'
    line breaks as written, so the docstring's wrapping cut lines short on a narrower
    terminal. A line that ends a sentence keeps its break (``Spreadsheets: … (exit 2).`` /
    ``A backup .zip: …``)."""
    paragraphs = []
    for paragraph in text.split("\n\n"):
        lines = paragraph.split("\n")
        out = lines[0]
        for line in lines[1:]:
            out += ("\n" if out.rstrip().endswith(".") else " ") + line.strip()
        paragraphs.append(out)
    return "\n\n".join(paragraphs).replace("``", "`")


def _flow_help(command: object) -> None:
    """Flow the help of a click ``command`` and of its subcommands (:func:`flowed`)."""
    text = getattr(command, "help", None)
    if isinstance(text, str):
        command.help = flowed(text)  # type: ignore[attr-defined]
    for sub in getattr(command, "commands", {}).values():
        _flow_help(sub)
