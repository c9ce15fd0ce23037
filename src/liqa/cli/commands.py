"""Imports every command module so that each registers itself on the ``liqa`` app."""

from __future__ import annotations

from liqa.cli import bench  # noqa: F401
from liqa.cli import bench_b2b  # noqa: F401
from liqa.cli import bench_toptw  # noqa: F401
from liqa.cli import demo  # noqa: F401
from liqa.cli import matching  # noqa: F401
from liqa.cli import plan  # noqa: F401
from liqa.cli import spreadsheets  # noqa: F401
from liqa.cli import validate  # noqa: F401
from liqa.cli import web  # noqa: F401
