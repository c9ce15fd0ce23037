"""``liqa demo`` end to end, as a new user runs it: every delegate's agenda (HTML, PDF, .ics)
in Arabic, French and English, the grid, the report with its charts and the communiqué,
then the web app loaded; the command says where the files are.

The command runs once (in its own process, as ``python -m liqa``) for the whole module; it
renders 57 PDFs, so the module is marked slow (``uv run pytest -m slow tests/cli``).
"""

from __future__ import annotations

import os
import re
import subprocess
import sys
from pathlib import Path

import icalendar
import pytest
from openpyxl import load_workbook

from liqa.core.missionfile import load_event
from liqa.core.model import Side

pytestmark = [pytest.mark.slow, pytest.mark.integration]

ROOT = Path(__file__).parents[2]
MISSION = ROOT / "examples" / "morocco-us-digital-2024" / "mission.yaml"
LANGS = ("ar", "fr", "en")
HEAD_OF_DELEGATION = {"ar": "سارة العمراني", "fr": "Sarah Lamrani", "en": "Sarah Lamrani"}
BIDI_CONTROLS = dict.fromkeys(
    map(ord, "\u202a\u202b\u202c\u202d\u202e\u200e\u200f\u2066\u2067\u2068\u2069")
)


@pytest.fixture(scope="module")
def demo(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, str]:
    """The demo's output directory and what the command printed."""
    root = tmp_path_factory.mktemp("demo")
    done = subprocess.run(
        [sys.executable, "-m", "liqa", "demo", "--no-serve", "--out", str(root / "out")],
        env=dict(os.environ, LIQA_DATA_DIR=str(root / "var")),
        capture_output=True,
        text=True,
        timeout=900,
        check=False,
    )
    assert (done.returncode, done.stderr) == (0, ""), done.stdout
    return root / "out", done.stdout


def _delegates() -> list[str]:
    event = load_event(MISSION)
    sides = {o.id: o.side for o in event.organizations}
    return [p.id for p in event.people if sides[p.organization] is Side.DELEGATION]


def _pdf_text(path: Path) -> str:
    out = subprocess.run(["pdftotext", str(path), "-"], capture_output=True, text=True, check=True)
    return out.stdout.translate(BIDI_CONTROLS)


def test_demo_writes_every_delegates_agenda_in_three_languages(demo: tuple[Path, str]) -> None:
    out, _printed = demo
    delegates = _delegates()
    assert len(delegates) == 15
    missing = [
        f"{lang}/agendas/{person}.{kind}"
        for lang in LANGS
        for person in delegates
        for kind in ("html", "pdf", "ics")
        if not (out / lang / "agendas" / f"{person}.{kind}").is_file()
    ]
    assert missing == []
    for lang in LANGS:
        for person in delegates:
            assert (out / lang / "agendas" / f"{person}.pdf").read_bytes()[:5] == b"%PDF-"
            calendar = icalendar.Calendar.from_ical(
                (out / lang / "agendas" / f"{person}.ics").read_bytes()
            )
            uids = [str(e["UID"]) for e in calendar.walk("VEVENT")]
            assert uids
            assert all(uid.endswith("@morocco-us-digital-2024.liqa") for uid in uids)


def test_demo_agendas_name_the_delegate_in_each_language(demo: tuple[Path, str]) -> None:
    out, _printed = demo
    for lang, name in HEAD_OF_DELEGATION.items():
        html = (out / lang / "agendas" / "p-lamrani.html").read_text(encoding="utf-8")
        direction = "rtl" if lang == "ar" else "ltr"
        assert f'<html lang="{lang}" dir="{direction}">' in html
        assert f"<h1>{name}</h1>" in html
        assert name in _pdf_text(out / lang / "agendas" / "p-lamrani.pdf")


def test_demo_writes_the_grid_report_with_charts_and_communique(demo: tuple[Path, str]) -> None:
    out, _printed = demo
    for lang in LANGS:
        grid = load_workbook(out / lang / "grid.xlsx").active
        assert grid is not None
        assert grid.max_row == 1 + 15  # a header, then one row per delegate
        assert HEAD_OF_DELEGATION[lang] in (out / lang / "grid.html").read_text(encoding="utf-8")
        report = (out / lang / "report.html").read_text(encoding="utf-8")
        assert report.count('<svg role="img"') == 5
        assert (out / lang / "report.pdf").read_bytes()[:5] == b"%PDF-"
        assert (out / lang / "communique.html").is_file()
    assert "Rapport de mission" in _pdf_text(out / "fr" / "report.pdf")
    communique = (out / "en" / "communique.txt").read_text(encoding="utf-8")
    assert "a delegation of 15 participants" in communique
    assert "The delegation represented 7 organizations" in communique


def test_demo_prints_where_the_outputs_are_and_links_every_file(demo: tuple[Path, str]) -> None:
    out, printed = demo
    index = (out / "index.html").resolve()
    assert f"Open {index}\n" in printed
    links = re.findall(r'href="([^"#]+)"', index.read_text(encoding="utf-8"))
    assert [link for link in links if not (out / link).is_file()] == []
    assert len([link for link in links if link.endswith(".pdf")]) == 57
    for role in ("organizer", "delegate", "host"):
        assert re.search(rf"{role}: http://127\.0\.0\.1:8000/accounts/link/\S+\n", printed)
