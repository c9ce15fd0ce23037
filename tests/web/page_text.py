"""Parts of a served page's HTML that tests read: its ``<title>`` and its ``<h1>``."""

from __future__ import annotations

import html
import re


def title(page: str) -> str:
    """The page's ``<title>`` text, entities decoded."""
    found = re.search(r"<title>(.*?)</title>", page, re.S)
    assert found is not None, page
    return html.unescape(found.group(1))


def heading(page: str) -> str:
    """The page's ``<h1>`` markup (``<bdi>`` isolates kept), entities decoded."""
    found = re.search(r"<h1>(.*?)</h1>", page, re.S)
    assert found is not None, page
    return html.unescape(found.group(1))
