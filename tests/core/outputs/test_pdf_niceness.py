"""The PDF pool's workers run at a lower priority than the process that started them, so
that a server's requests go first (``PdfPool(niceness=...)``, used by the outputs zip)."""

from __future__ import annotations

import os
import time
from pathlib import Path

import pytest

from liqa.core.outputs.pdf import PdfJob, PdfPool
from tests.processes import niceness_of_descendants

pytestmark = pytest.mark.integration


@pytest.mark.skipif(not Path("/proc/self/stat").exists(), reason="reads /proc (Linux)")
def test_the_workers_run_at_a_lower_priority(tmp_path: Path) -> None:
    base = os.nice(0)
    lowered = min(19, base + 3)
    if lowered == base:
        pytest.skip("this process already runs at the lowest priority")
    with PdfPool(2, niceness=3) as pool:
        pool.submit(PdfJob("<p>one</p>", tmp_path / "one.pdf"))
        pool.submit(PdfJob("<p>two</p>", tmp_path / "two.pdf"))
        assert pool.finish() > 0  # a worker has run its initializer
        for _ in range(600):  # the other worker may still be starting: wait for it
            workers = [p for p, n in niceness_of_descendants().items() if n == lowered]
            if len(workers) == 2:
                break
            time.sleep(0.1)
        assert len(workers) == 2
    assert (tmp_path / "one.pdf").read_bytes().startswith(b"%PDF-")
    assert os.nice(0) == base  # this process keeps its priority
