"""The outputs zip's PDF workers are lowered 10 steps but no lower than nice 10
(``exports.PDF_MAX_NICENESS``): under a server already niced at 15 they ran at 19, where
any other process of the machine took the CPU first, and a zip took minutes under load."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from liqa.core.outputs.pdf import PdfPool, bounded_niceness
from liqa.web.scheduling import exports
from liqa.web.scheduling.models import ScheduleVersion


class Started(Exception):
    """Stops the build once its pool is started (the documents are not the point)."""


@pytest.fixture(autouse=True)
def _own_data_dir(settings: Any, tmp_path: Path) -> None:
    settings.DATA_DIR = tmp_path / "data"


@pytest.mark.parametrize(("server", "worker"), [(0, 10), (5, 10), (10, 10), (15, 15), (19, 19)])
def test_the_zips_pdf_workers_run_at_nice_10_or_the_servers_level(
    draft: ScheduleVersion, monkeypatch: pytest.MonkeyPatch, server: int, worker: int
) -> None:
    levels: list[int] = []

    class Pool(PdfPool):
        def __enter__(self) -> PdfPool:
            levels.append(bounded_niceness(server, self.niceness, self.max_niceness))
            raise Started

    monkeypatch.setattr(exports, "PdfPool", Pool)
    with pytest.raises(Started):
        exports.build_zip(draft)
    assert levels == [worker]
