"""Imports every command module so that each registers itself on the ``liqa`` app."""

from __future__ import annotations

from liqa.cli import (
    bench,  # noqa: F401
    bench_b2b,  # noqa: F401
    bench_toptw,  # noqa: F401
    demo,  # noqa: F401
    matching,  # noqa: F401
    plan,  # noqa: F401
    spreadsheets,  # noqa: F401
    validate,  # noqa: F401
    web,  # noqa: F401
)
