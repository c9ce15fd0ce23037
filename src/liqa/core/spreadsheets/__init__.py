"""Spreadsheets as organizers keep them: organizations, people, meeting requests, venues,
and the outcomes of meetings.

- :func:`import_event` reads one XLSX workbook (a sheet per table) or several CSV files
  (a file per table) onto a base event and raises
  :class:`~liqa.core.problems.InputError` listing every wrong row (file, sheet, row,
  column, what is wrong, how to fix it).
- :func:`export_event` writes the four tables back to CSV files or an XLSX workbook, and
  the outcomes table when the event has recorded outcomes; importing them again gives an
  equal event.

Headers may be written in English, French or Arabic (see :mod:`.columns`), dates and
times in the common formats (see :mod:`.cells`).
"""

from __future__ import annotations

from pathlib import Path

from liqa.core.model import Event
from liqa.core.spreadsheets.exporting import Sheet, event_sheets
from liqa.core.spreadsheets.importing import Imported, ImportSettings, Progress, import_event
from liqa.core.spreadsheets.merging import Missing
from liqa.core.spreadsheets.readers import ReadLimits
from liqa.core.spreadsheets.writers import write_csv, write_xlsx


def export_event(event: Event, out: Path) -> list[Path]:
    """Write ``event``'s tables to ``out``: a ``.xlsx`` workbook, else a directory of CSV."""
    sheets = event_sheets(event)
    if out.suffix.lower() == ".xlsx":
        return [write_xlsx(sheets, out)]
    return write_csv(sheets, out)


__all__ = [
    "ImportSettings",
    "Imported",
    "Missing",
    "Progress",
    "ReadLimits",
    "Sheet",
    "event_sheets",
    "export_event",
    "import_event",
    "write_csv",
    "write_xlsx",
]
