"""The report's key figures read in the count's own plural form, in every language; the
hosts are those met (the count is of the host organizations in the meetings)."""

from __future__ import annotations

import re
from dataclasses import replace
from html import unescape

import pytest

from liqa.core.outputs.report import Figures, report_context
from liqa.core.templating import render
from tests.core.outputs.mission import make_event, make_schedule


def _key_figures(lang: str, count: int) -> list[str]:
    """The mission report's key figures, each as "number label", with every count ``count``."""
    context = report_context(make_event(), make_schedule(), lang)
    figures = context["figures"]
    assert isinstance(figures, Figures)
    context["figures"] = replace(
        figures, participants=count, organizations=count, hosts=count, meetings=count
    )
    html = render("report.html", lang, inline_css="", **context)
    kpis = re.findall(r'<div class="kpi"><b>([^<]*)</b> ([^<]*)</div>', html)
    return [f"{unescape(number)} {unescape(label)}" for number, label in kpis]


@pytest.mark.parametrize(
    ("lang", "count", "expected"),
    [
        (
            "en",
            1,
            [
                "1 participant",
                "1 delegation organization",
                "1 host organization met",
                "1 meeting or visit scheduled",
            ],
        ),
        (
            "en",
            15,
            [
                "15 participants",
                "15 delegation organizations",
                "15 host organizations met",
                "15 meetings and visits scheduled",
            ],
        ),
        (
            "fr",
            1,
            [
                "1 participant",
                "1 organisation de la délégation",
                "1 organisation hôte rencontrée",
                "1 rendez-vous ou visite programmé",
            ],
        ),
        (
            "ar",
            2,
            [
                "2 مشاركان",
                "2 هيئتان من الوفد",
                "2 هيئتان مضيفتان جرى لقاؤهما",
                "2 لقاءات وزيارات مبرمجة",
            ],
        ),
        (
            "ar",
            15,
            [
                "15 مشاركًا",
                "15 هيئة من الوفد",
                "15 هيئة مضيفة جرى لقاؤها",
                "15 لقاءً وزيارةً مبرمجة",
            ],
        ),
    ],
)
def test_each_key_figure_reads_in_its_counts_plural_form(
    lang: str, count: int, expected: list[str]
) -> None:
    assert _key_figures(lang, count) == expected
