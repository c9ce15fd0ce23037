"""PDFs read back as text by ``pdftotext`` (poppler), for the tests that check what a PDF says."""

from __future__ import annotations

import subprocess
from pathlib import Path


def pdf_text(data: bytes, folder: Path, *, layout: bool = False) -> str:
    """The text of the PDF ``data`` as ``pdftotext`` reads it in UTF-8 (written to
    ``folder/document.pdf`` first); with ``layout``, its lines laid out as on the page
    (``-layout``)."""
    path = folder / "document.pdf"
    path.write_bytes(data)
    options = ["-layout"] if layout else []
    done = subprocess.run(
        ["pdftotext", *options, "-enc", "UTF-8", str(path), "-"], capture_output=True
    )
    assert done.returncode == 0, done.stderr.decode(errors="replace")
    return done.stdout.decode()
