"""PDF rendering with WeasyPrint: one font configuration and one parsed stylesheet, reused.

Many small documents (one agenda per person and language) are rendered in a few worker
processes, each keeping its fonts and CSS loaded, so a mission's agendas take seconds.
"""

from __future__ import annotations

import multiprocessing
from collections.abc import Callable, Sequence
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass
from functools import cache
from pathlib import Path
from typing import TYPE_CHECKING

from liqa.core.templating import TEMPLATE_DIR

if TYPE_CHECKING:
    from weasyprint import CSS
    from weasyprint.text.fonts import FontConfiguration

STYLESHEET: Path = TEMPLATE_DIR / "style.css"


@dataclass(frozen=True)
class PdfJob:
    """One document to render: its HTML (without inline CSS) and where to write it."""

    html: str
    path: Path


@cache
def _renderer() -> tuple[FontConfiguration, CSS]:
    from weasyprint import CSS
    from weasyprint.text.fonts import FontConfiguration

    fonts = FontConfiguration()
    return fonts, CSS(filename=str(STYLESHEET), font_config=fonts)


def html_to_pdf(html: str, path: Path | None = None) -> bytes:
    """Render ``html`` with the shared stylesheet; write it to ``path`` when given."""
    from weasyprint import HTML

    fonts, css = _renderer()
    document = HTML(string=html, base_url=str(TEMPLATE_DIR)).render(
        stylesheets=[css], font_config=fonts
    )
    data: bytes = document.write_pdf()
    if path is not None:
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_bytes(data)
    return data


def _run(job: PdfJob) -> int:
    return len(html_to_pdf(job.html, job.path))


def _context() -> multiprocessing.context.BaseContext:
    # A fork server imports WeasyPrint once and forks ready workers from it; forking this
    # process directly is unsafe when it runs threads (e.g. a progress bar).
    if "forkserver" in multiprocessing.get_all_start_methods():
        context = multiprocessing.get_context("forkserver")
        context.set_forkserver_preload(["weasyprint", "liqa.core.outputs.pdf"])
        return context
    return multiprocessing.get_context("spawn")


def render_pdfs(
    jobs: Sequence[PdfJob], workers: int = 2, on_done: Callable[[Path], None] | None = None
) -> int:
    """Render every job (in ``workers`` processes when more than one); total bytes written.

    ``on_done(path)`` is called after each document, in job order.
    """
    total = 0
    if workers <= 1 or len(jobs) < 4:
        for job in jobs:
            total += _run(job)
            if on_done is not None:
                on_done(job.path)
        return total
    chunk = max(1, min(4, len(jobs) // (workers * 4)))
    with ProcessPoolExecutor(max_workers=workers, mp_context=_context()) as pool:
        for job, size in zip(jobs, pool.map(_run, jobs, chunksize=chunk), strict=True):
            total += size
            if on_done is not None:
                on_done(job.path)
    return total
