"""The two fuzzing profiles: a quick deterministic one for every test run, a long one.

The quick profile derandomizes Hypothesis (the same cases on every run, nothing stored in
``.hypothesis/``). The long profile (``uv run pytest -m slow tests/fuzz``) draws
``LIQA_FUZZ_EXAMPLES`` cases in all (default 12,000) and shares them between the targets
by weight; pass ``--hypothesis-seed=N`` to replay one run exactly.
"""

from __future__ import annotations

import os

from hypothesis import HealthCheck, settings

LONG_TOTAL = int(os.environ.get("LIQA_FUZZ_EXAMPLES", "12000"))
"""Cases drawn by the whole long run, across every target."""

WEIGHTS = {
    "mission_data": 0.25,
    "mission_yaml": 0.15,
    "mission_bytes": 0.08,
    "csv": 0.22,
    "xlsx": 0.18,
    "cli": 0.12,
}
"""Share of the long run each target gets (they add up to 1)."""

_TOLERATED = [
    HealthCheck.too_slow,
    HealthCheck.data_too_large,
    HealthCheck.filter_too_much,
    HealthCheck.large_base_example,
]


def quick(examples: int) -> settings:
    """Settings for the default test run: ``examples`` fixed cases."""
    return settings(
        max_examples=examples,
        derandomize=True,
        database=None,
        deadline=None,
        suppress_health_check=_TOLERATED,
    )


def long(target: str) -> settings:
    """Settings for the long run: this target's share of :data:`LONG_TOTAL` cases."""
    return settings(
        max_examples=max(1, round(LONG_TOTAL * WEIGHTS[target])),
        database=None,
        deadline=None,
        suppress_health_check=_TOLERATED,
        print_blob=True,
    )
