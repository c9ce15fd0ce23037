"""Spreadsheet formula injection: one rule for every CSV and XLSX writer, and its inverse.

A text cell starting with ``=``, ``+``, ``-``, ``@``, a tab or a carriage return is run as a
formula by spreadsheet programs (``=HYPERLINK(...)``, ``@SUM(...)``, DDE payloads). OWASP's
defence is a leading ``'``, which makes the program take the cell as text:

- CSV cells get the ``'`` in the text itself (:func:`neutralize`); text that already starts
  with ``'`` gets one more, so :func:`restore` (used by the CSV reader) gives back exactly
  what was written.
- XLSX cells are stored as text with Excel's *quote prefix* (:func:`protect_xlsx_cell`),
  which is how Excel itself stores a cell typed as ``'=...``: shown and read back exactly as
  written, never evaluated, and nothing to strip on import.

Numbers, dates and flags are never touched: only text is neutralized.
"""

from __future__ import annotations

from typing import Any

FORMULA_TRIGGERS = ("=", "+", "-", "@", "\t", "\r")
"""First characters that make a spreadsheet program read a cell as a formula."""

QUOTE = "'"


def is_formula_like(text: str) -> bool:
    """True when ``text`` would be read as a formula by a spreadsheet program."""
    return text.startswith(FORMULA_TRIGGERS)


def neutralize[T](value: T) -> T | str:
    """``value`` safe for a CSV cell: formula-like (or ``'``-led) text gets a leading ``'``.

    Anything that is not text (numbers, dates, ``None``) is returned unchanged.
    """
    if isinstance(value, str) and value.startswith((*FORMULA_TRIGGERS, QUOTE)):
        return QUOTE + value
    return value


def restore(text: str) -> str:
    """The inverse of :func:`neutralize` for a CSV cell read back as text."""
    if text.startswith(QUOTE) and text[1:2] and text[1] in (*FORMULA_TRIGGERS, QUOTE):
        return text[1:]
    return text


def protect_xlsx_cell(cell: Any) -> Any:
    """Make an openpyxl cell holding formula-like text a quote-prefixed text cell.

    openpyxl stores any text starting with ``=`` as a formula; a protected cell keeps its
    value as text, with the quote prefix Excel uses for ``'=...``. Returns the cell.
    """
    value = cell.value
    if isinstance(value, str) and is_formula_like(value):
        cell.data_type = "s"
        cell.quotePrefix = True
    return cell
