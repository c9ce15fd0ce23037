"""The pure-Python core of liqa: domain model, validation, matching, scheduling, outputs.

Nothing under ``liqa.core`` imports Django; ``tests/core/test_purity.py`` proves it.
"""
