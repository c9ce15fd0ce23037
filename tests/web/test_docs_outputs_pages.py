"""README.md and docs/architecture.md list the organizer's mission report (with its "Not
placed" section) and the event's history among the outputs and web pages, at addresses the
web app serves: each ``/organize/<event>/…`` address they name resolves to its page."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from django.urls import Resolver404, resolve

ROOT = Path(__file__).resolve().parents[2]
ADDRESS = re.compile(r"`(/organize/<event>/[^`\s]*)`")


def _pages(doc: str) -> dict[str, str]:
    """Each address the page names, with the name of the view it resolves to."""
    text = (ROOT / doc).read_text(encoding="utf-8")
    found: dict[str, str] = {}
    for address in ADDRESS.findall(text):
        try:
            found[address] = resolve(address.replace("<event>", "an-event")).url_name or ""
        except Resolver404:
            found[address] = "(no such page)"
    return found


@pytest.mark.parametrize("doc", ["README.md", "docs/architecture.md"])
def test_the_report_and_the_history_are_listed_at_addresses_the_app_serves(doc: str) -> None:
    pages = _pages(doc)
    assert {"report", "report_pdf", "history"} <= set(pages.values()), pages
    assert "(no such page)" not in pages.values(), pages


@pytest.mark.parametrize(
    ("doc", "where"), [("README.md", "report.html|.pdf"), ("docs/architecture.md", "report.py")]
)
def test_the_report_is_said_to_hold_the_not_placed_section(doc: str, where: str) -> None:
    text = " ".join((ROOT / doc).read_text(encoding="utf-8").split())
    assert "mission report" in text
    assert '"Not placed" section' in text
    assert where in text
