"""The ``liqa`` command line: a thin layer over the core.

Each command group lives in its own module and registers itself on :data:`app`; the
module is imported when its command runs (:mod:`liqa.cli.lazy`), so that start-up loads
only what the command needs.
"""

from __future__ import annotations

import typer

from liqa.cli.lazy import LazyGroup

app = typer.Typer(
    name="liqa",
    cls=LazyGroup,
    help="Plan trade missions and B2B matchmaking events: validate, import, plan, export.",
    no_args_is_help=True,
    add_completion=False,
    pretty_exceptions_enable=False,
)


@app.callback()
def _group() -> None:
    # Makes `app` a group before any command module is imported (Typer needs one or the
    # other); the commands themselves are found by LazyGroup.
    pass


def main() -> None:
    """Entry point of the ``liqa`` script."""
    app()
