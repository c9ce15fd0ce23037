"""The history joins a list of values with the comma the template global ``comma()`` gives
(``liqa.core.outputs.labels.comma``), not a separator chosen inline by language."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from liqa.core.outputs import labels
from liqa.web.audit import wording
from liqa.web.audit.wording import Clock, Wording

AUDIT = Path(wording.__file__).parent


def _wording(lang: str) -> Wording:
    return Wording(lang, Clock((), lang), {"p-a": "Amina", "p-b": "Bruno"}, {})


@pytest.mark.parametrize("lang", ["en", "fr", "ar"])
def test_a_list_of_people_is_joined_with_the_languages_comma(lang: str) -> None:
    words = _wording(lang).value("attendees", ["p-a", "p-b"])
    assert words == labels.comma(lang).join(["Amina", "Bruno"])


def test_the_join_is_the_template_globals_comma(monkeypatch: pytest.MonkeyPatch) -> None:
    """One place decides the separator: changing it changes the history too."""
    monkeypatch.setattr(wording, "comma", lambda lang: f" [{lang}] ")
    assert _wording("ar").value("attendees", ["p-a", "p-b"]) == "Amina [ar] Bruno"


def test_no_inline_comma_choice_is_left_in_the_audit_code() -> None:
    for path in AUDIT.glob("*.py"):
        text = path.read_text(encoding="utf-8")
        assert not re.search(r"\\u060c|\u060c", text), path.name
