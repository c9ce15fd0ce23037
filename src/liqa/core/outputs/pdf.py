"""PDF rendering with WeasyPrint: one font configuration, one parsed stylesheet and one URL
fetcher per process, reused for every document.

Many small documents (one agenda per person and language) are rendered in a pool of worker
processes, one per core, started once and warmed up (fonts and stylesheet loaded) before
the first document arrives, so a caller can start the pool while it still plans.

A PDF is a function of its HTML, the stylesheet, WeasyPrint and the fonts installed:
:func:`pdf_key` names that (the fonts by :func:`fonts_digest`), and a pool given ``reuse``
takes a document rendered before under the same key instead of laying it out again (the
web's outputs zip, built again after an edit, renders only the documents the edit changed;
after a font package's upgrade, every document).
"""

from __future__ import annotations

import ctypes
import hashlib
import multiprocessing
import os
from collections.abc import Callable, Iterator, Sequence
from concurrent.futures import Future, ProcessPoolExecutor
from dataclasses import dataclass
from functools import cache
from pathlib import Path
from typing import TYPE_CHECKING

from liqa.core.outputs.settings import default_workers
from liqa.core.templating import TEMPLATE_DIR

if TYPE_CHECKING:
    from weasyprint import CSS
    from weasyprint.text.fonts import FontConfiguration
    from weasyprint.urls import URLFetcher

STYLESHEET: Path = TEMPLATE_DIR / "style.css"


@dataclass(frozen=True)
class PdfJob:
    """One document to render: its HTML (without inline CSS) and where to write it."""

    html: str
    path: Path


@cache
def _renderer_version() -> bytes:
    """What a PDF depends on beside its HTML: WeasyPrint's version and the stylesheet (the
    version read from its package's metadata: this process need not import it)."""
    from importlib.metadata import version

    return f"weasyprint {version('weasyprint')}\n".encode() + STYLESHEET.read_bytes()


FONTCONFIG_LIBRARIES = (
    "libfontconfig.so.1",
    "libfontconfig.1.dylib",
    "libfontconfig-1.dll",
    "libfontconfig.so",
)
"""Where WeasyPrint's font library, fontconfig, is found (the names WeasyPrint loads)."""


def _fontconfig() -> ctypes.CDLL | None:
    for name in FONTCONFIG_LIBRARIES:
        try:
            library = ctypes.CDLL(name)
        except OSError:
            continue
        library.FcConfigGetCurrent.restype = ctypes.c_void_p
        library.FcConfigGetCurrent.argtypes = []
        for lists in (library.FcConfigGetFontDirs, library.FcConfigGetConfigFiles):
            lists.restype = ctypes.c_void_p
            lists.argtypes = [ctypes.c_void_p]
        library.FcStrListNext.restype = ctypes.c_char_p
        library.FcStrListNext.argtypes = [ctypes.c_void_p]
        library.FcStrListDone.restype = None
        library.FcStrListDone.argtypes = [ctypes.c_void_p]
        return library
    return None


def _strings(library: ctypes.CDLL, listed: int | None) -> Iterator[str]:
    """The strings of a fontconfig ``FcStrList`` (then freed)."""
    if not listed:
        return
    try:
        while (item := library.FcStrListNext(listed)) is not None:
            yield os.fsdecode(item)
    finally:
        library.FcStrListDone(listed)


def _stamp(path: str) -> bytes:
    """``path``, size and modification time (of what a link points to); b"" when gone."""
    try:
        found = os.stat(path)
    except OSError:
        return b""
    return f"{path}\0{found.st_size}\0{found.st_mtime_ns}\n".encode("utf-8", "surrogateescape")


@cache
def fonts_digest() -> bytes:
    """What the fonts WeasyPrint lays text out with are, in short (SHA-256, once per
    process): the path, size and modification time of every file in fontconfig's font
    directories (those configured and those below them) and of its configuration files
    (which font stands for ``sans-serif``, say). A font package installed, upgraded or
    removed changes it. WeasyPrint finds its fonts through fontconfig, read here through
    its C library, as WeasyPrint's Pango does (20-40 ms for some 750 files: a PDF
    takes 0.1-1 s to render); ``b"no fontconfig"`` when the library is not found."""
    library = _fontconfig()
    if library is None:
        return b"no fontconfig"
    config = library.FcConfigGetCurrent()  # reads the configuration and caches, once
    digest = hashlib.sha256()
    for folder in sorted(set(_strings(library, library.FcConfigGetFontDirs(config)))):
        try:
            names = sorted(entry.name for entry in os.scandir(folder) if entry.is_file())
        except OSError:  # a configured directory that does not exist
            continue
        for name in names:
            digest.update(_stamp(os.path.join(folder, name)))
    for path in sorted(set(_strings(library, library.FcConfigGetConfigFiles(config)))):
        digest.update(_stamp(path))
    return digest.hexdigest().encode()


def pdf_key(html: str) -> str:
    """A name of the PDF of ``html`` (SHA-256 of it, the stylesheet, WeasyPrint's version
    and :func:`fonts_digest`): two documents with the same key are the same document (their
    creation date aside), so one rendered before may be reused."""
    digest = hashlib.sha256(_renderer_version())
    digest.update(b"fonts " + fonts_digest() + b"\n")
    digest.update(html.encode())
    return digest.hexdigest()


@cache
def _renderer() -> tuple[FontConfiguration, CSS, URLFetcher]:
    from weasyprint import CSS
    from weasyprint.text.fonts import FontConfiguration
    from weasyprint.urls import URLFetcher

    fonts = FontConfiguration()
    # One fetcher for every document: by default WeasyPrint makes one per document, loading
    # the system's TLS certificates each time (20-40 ms, 57 times for the demo).
    return fonts, CSS(filename=str(STYLESHEET), font_config=fonts), URLFetcher()


def html_to_pdf(html: str, path: Path | None = None) -> bytes:
    """Render ``html`` with the shared stylesheet; write it to ``path`` when given."""
    from weasyprint import HTML

    fonts, css, fetcher = _renderer()
    document = HTML(string=html, base_url=str(TEMPLATE_DIR), url_fetcher=fetcher).render(
        stylesheets=[css], font_config=fonts
    )
    data: bytes = document.write_pdf()
    if path is not None:
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_bytes(data)
    return data


def _run(job: PdfJob) -> int:
    return len(html_to_pdf(job.html, job.path))


WARM_UP = (
    '<html lang="ar" dir="rtl"><body><h1>لقاء <span class="ltr">liqa</span></h1>'
    "<p><b>Agenda</b> · 09:00–10:00 → <i>CST</i></p></body></html>"
)


def bounded_niceness(parent: int, steps: int, ceiling: int = 19) -> int:
    """The nice value of a worker started by a process at nice ``parent``: ``steps`` lower,
    but no lower than ``ceiling``, unless ``parent`` already is (an unprivileged process
    cannot raise its priority: it stays at ``parent``)."""
    return max(parent, min(parent + steps, ceiling))


def _warm_up(niceness: int | None = None) -> None:
    """Lower this worker's priority to the nice value ``niceness`` (when higher than its
    own), then load the fonts (Latin, Arabic, bold) and the stylesheet before the first
    real job."""
    if niceness is not None and hasattr(os, "nice"):
        lower = niceness - os.nice(0)
        if lower > 0:
            os.nice(lower)
    html_to_pdf(WARM_UP)


def _started() -> None:
    """A no-op job: submitting one per worker makes the pool start every worker now."""


def _context() -> multiprocessing.context.BaseContext:
    # A fork server imports WeasyPrint once and forks ready workers from it; forking this
    # process directly is unsafe when it runs threads (e.g. a progress bar).
    if "forkserver" in multiprocessing.get_all_start_methods():
        context = multiprocessing.get_context("forkserver")
        context.set_forkserver_preload(["weasyprint", "liqa.core.outputs.pdf"])
        return context
    return multiprocessing.get_context("spawn")


class PdfPool:
    """Renders PDFs in worker processes while the caller keeps producing HTML.

    Use as a context manager: :meth:`submit` jobs as they are made, then :meth:`finish`.
    Entering starts every worker, each loading WeasyPrint, the fonts and the stylesheet, in
    the background: enter early (before planning, say) and the first PDF starts warm.
    With ``workers <= 1`` everything is rendered in this process by :meth:`finish`.
    ``niceness`` lowers the workers' priority by that many steps (``os.nice``), so that a
    server's requests go before them, but not below the nice value ``max_niceness``
    (:func:`bounded_niceness`): a server already running nicer than that keeps its workers
    at its own level. ``reuse(key)``: the bytes of a document rendered before under ``key``
    (:func:`pdf_key`), or None; a job it knows is written from them, not rendered.
    :attr:`keys` holds each job's key by its path, :attr:`reused` the jobs so written.
    """

    def __init__(
        self,
        workers: int | None = None,
        niceness: int = 0,
        reuse: Callable[[str], bytes | None] | None = None,
        max_niceness: int = 19,
    ) -> None:
        self.workers = default_workers() if workers is None else workers
        self.niceness = niceness
        self.max_niceness = max_niceness
        self.reuse = reuse
        self.keys: dict[Path, str] = {}
        self.reused = 0
        self._pool: ProcessPoolExecutor | None = None
        self._jobs: list[tuple[PdfJob, Future[int] | None]] = []

    def __enter__(self) -> PdfPool:
        if self.workers > 1:
            level = None  # the workers' nice value, from this process's (not the fork server's)
            if self.niceness and hasattr(os, "nice"):
                level = bounded_niceness(os.nice(0), self.niceness, self.max_niceness)
            self._pool = ProcessPoolExecutor(
                max_workers=self.workers,
                mp_context=_context(),
                initializer=_warm_up,
                initargs=(level,),
            )
            for _ in range(self.workers):  # workers start on demand: ask for all of them
                self._pool.submit(_started)
        return self

    def __exit__(self, *exc: object) -> None:
        if self._pool is not None:
            self._pool.shutdown(wait=True, cancel_futures=True)

    def submit(self, job: PdfJob) -> None:
        """Queue ``job`` (it starts at once when workers are running), or write it now from
        the document ``reuse`` gives for its key."""
        key = self.keys[job.path] = pdf_key(job.html)
        kept = self.reuse(key) if self.reuse is not None else None
        future: Future[int] | None = None
        if kept is not None:
            job.path.parent.mkdir(parents=True, exist_ok=True)
            job.path.write_bytes(kept)
            future = Future()
            future.set_result(len(kept))
            self.reused += 1
        elif self._pool is not None:
            future = self._pool.submit(_run, job)
        self._jobs.append((job, future))

    @property
    def count(self) -> int:
        """Jobs submitted so far."""
        return len(self._jobs)

    def finish(self, on_done: Callable[[Path], None] | None = None) -> int:
        """Wait for (or run) every job, calling ``on_done(path)`` in order; total bytes."""
        total = 0
        for job, future in self._jobs:
            total += future.result() if future is not None else _run(job)
            if on_done is not None:
                on_done(job.path)
        self._jobs.clear()
        return total


def render_pdfs(
    jobs: Sequence[PdfJob],
    workers: int | None = None,
    on_done: Callable[[Path], None] | None = None,
) -> int:
    """Render every job (in ``workers`` processes when more than one, default one per core);
    total bytes written."""
    with PdfPool(workers if len(jobs) > 1 else 1) as pool:
        for job in jobs:
            pool.submit(job)
        return pool.finish(on_done)
