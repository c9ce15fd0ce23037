"""The ``liqa`` command line: a thin layer over the core.

Each command group lives in its own module and registers itself on :data:`app`.
"""

from __future__ import annotations

import typer

app = typer.Typer(
    name="liqa",
    help="Plan trade missions and B2B matchmaking events: validate, import, plan, export.",
    no_args_is_help=True,
    add_completion=False,
    pretty_exceptions_enable=False,
)

# Command modules register their commands on `app` when imported (keep this list sorted).
from liqa.cli import commands  # noqa: E402,F401


def main() -> None:
    """Entry point of the ``liqa`` script."""
    app()
