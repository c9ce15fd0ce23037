"""A reported "none" row in the mission report's follow-ups agreed, on a small event with one
meeting held and nothing agreed: reproduced, and it is the table's one cell saying that no
follow-up was agreed (no count, no follow-up counted as "none"), the way the web report says
it (``tests/web/test_after_mission_wording.py::test_no_follow_up_agreed_says_none``); the
follow-ups agreed are counted and listed only when there are some."""

from __future__ import annotations

import re

import pytest

from liqa.core.i18n import translator
from liqa.core.model import FollowUp, Outcome, OutcomeKind
from liqa.core.outputs.labels import follow_up_label
from liqa.core.outputs.report import compute_figures, report_context
from liqa.core.templating import render
from tests.core.outputs.mission import NASA_VISIT, make_event, make_schedule

SMALL = make_schedule(1, NASA_VISIT)
"""A small event's schedule: one meeting (a site visit)."""


def _follow_ups_table(follow_up: FollowUp, lang: str) -> str:
    """The table under the report's "Follow-ups agreed" heading, the one meeting held with
    ``follow_up`` recorded."""
    event = make_event(outcomes=(Outcome(NASA_VISIT.id, OutcomeKind.HELD, follow_up),))
    html = render("report.html", lang, inline_css="", **report_context(event, SMALL, lang))
    heading = re.escape(translator(lang).gettext("Follow-ups agreed"))
    found = re.search(rf"<h3>{heading}</h3>\s*<table[^>]*>(.*?)</table>", html, re.S)
    assert found is not None
    return found.group(1)


@pytest.mark.parametrize("lang", ["en", "fr", "ar"])
def test_one_meeting_held_and_nothing_agreed_says_none_once(lang: str) -> None:
    event = make_event(outcomes=(Outcome(NASA_VISIT.id, OutcomeKind.HELD, FollowUp.NONE),))
    figures = compute_figures(event, SMALL, lang)
    assert (figures.meetings, figures.held) == (1, 1)
    assert (figures.follow_ups, figures.agreed) == ((), ())
    table = _follow_ups_table(FollowUp.NONE, lang)
    # one cell over the two columns, no count: "none agreed", not a follow-up named "none"
    none = translator(lang).pgettext("follow-up", "none")
    assert table.strip() == f'<tr><td colspan="2">{none}</td></tr>'


@pytest.mark.parametrize("lang", ["en", "fr", "ar"])
def test_one_follow_up_agreed_is_counted_without_none(lang: str) -> None:
    table = _follow_ups_table(FollowUp.PARTNERSHIP, lang)
    partnership = follow_up_label(FollowUp.PARTNERSHIP, lang)
    one = translator(lang).format_number(1)
    assert table.strip() == f'<tr><td>{partnership}</td><td class="num">{one}</td></tr>'
