"""Imports every command module so that each registers itself on the ``liqa`` app."""

from __future__ import annotations
