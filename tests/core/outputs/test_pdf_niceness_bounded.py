"""The PDF pool's workers are lowered by some steps but no lower than a fixed nice value
(``PdfPool(niceness=..., max_niceness=...)``): under a server already niced (15, say) the
outputs zip's workers ran 10 steps lower, at 19, where any other process on the machine
takes the CPU before them, and a zip took minutes under load."""

from __future__ import annotations

import os
import time
from pathlib import Path

import pytest

from liqa.core.outputs.pdf import PdfJob, PdfPool, bounded_niceness
from tests.processes import niceness_of_descendants


@pytest.mark.parametrize(
    ("parent", "steps", "ceiling", "worker"),
    [
        (0, 10, 10, 10),  # a server at the default priority: 10 steps lower, as before
        (5, 10, 10, 10),  # fewer steps: no lower than the ceiling
        (15, 10, 10, 15),  # a niced server: its own level, not 19
        (19, 10, 10, 19),
        (0, 3, 10, 3),  # fewer steps than the ceiling allows
        (17, 3, 19, 19),  # nice values end at 19
        (4, 0, 10, 4),  # not lowered
    ],
)
def test_bounded_niceness(parent: int, steps: int, ceiling: int, worker: int) -> None:
    assert bounded_niceness(parent, steps, ceiling) == worker


@pytest.mark.integration
@pytest.mark.skipif(not Path("/proc/self/stat").exists(), reason="reads /proc (Linux)")
def test_the_workers_stop_at_the_ceiling(tmp_path: Path) -> None:
    base = os.nice(0)
    if base > 17:
        pytest.skip("this process runs too near the lowest priority to tell")
    ceiling = base + 2  # 10 steps lower would be base + 10 (or 19)
    with PdfPool(2, niceness=10, max_niceness=ceiling) as pool:
        pool.submit(PdfJob("<p>one</p>", tmp_path / "one.pdf"))
        pool.submit(PdfJob("<p>two</p>", tmp_path / "two.pdf"))
        assert pool.finish() > 0  # a worker has run its initializer
        for _ in range(600):  # the other worker may still be starting: wait for it
            found = niceness_of_descendants()
            workers = [p for p, n in found.items() if n == ceiling]
            if len(workers) == 2:
                break
            time.sleep(0.1)
        assert len(workers) == 2, found
        assert not [p for p, n in found.items() if n > ceiling], found
    assert (tmp_path / "one.pdf").read_bytes().startswith(b"%PDF-")
    assert os.nice(0) == base  # this process keeps its priority
