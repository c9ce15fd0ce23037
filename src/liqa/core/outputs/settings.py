"""Settings of the outputs, as one explicit object passed in (never read from globals)."""

from __future__ import annotations

import os
from dataclasses import dataclass, field
from urllib.parse import quote

MAX_WORKERS = 8
"""More PDF workers than this gain little for one event and cost memory (fonts per process)."""


def default_workers() -> int:
    """One PDF worker per core this process may use (at most :data:`MAX_WORKERS`)."""
    try:
        cores = len(os.sched_getaffinity(0))
    except AttributeError:  # not on Linux
        cores = os.cpu_count() or 1
    return max(1, min(cores, MAX_WORKERS))


@dataclass(frozen=True)
class OutputSettings:
    """What to write and how.

    ``live_url_pattern`` builds the address of a participant's live agenda page (printed
    as a QR code on paper agendas); it may use ``{event}``, ``{subject}`` and ``{lang}``.
    An empty pattern prints no QR code.
    """

    live_url_pattern: str = "http://localhost:8000/{lang}/events/{event}/agenda/{subject}/"
    pdf: bool = True
    """Write PDFs (WeasyPrint); HTML, ICS and XLSX are always written."""
    organization_pdfs: bool = False
    """Also print each organization's agenda as PDF (always written as HTML and ICS)."""
    host_pdfs: bool = False
    """Also print PDF agendas for hosts (they always get HTML, ICS and their visit sheet)."""
    workers: int = field(default_factory=default_workers)
    """Processes rendering PDFs in parallel, default one per core (1 renders in this process)."""
    page_size: str = "A4"

    def live_url(self, event_id: str, subject_id: str, lang: str) -> str:
        """The live agenda address of ``subject_id``, or ``""`` without a pattern."""
        if not self.live_url_pattern:
            return ""
        return self.live_url_pattern.format(
            event=quote(event_id, safe=""), subject=quote(subject_id, safe=""), lang=lang
        )
