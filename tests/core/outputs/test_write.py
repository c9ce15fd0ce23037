"""write_outputs: every file in every language, linked from one index page."""

from __future__ import annotations

import re
from dataclasses import replace
from pathlib import Path

from liqa.core.outputs.pdf import STYLESHEET, PdfPool
from liqa.core.outputs.settings import OutputSettings
from liqa.core.outputs.write import write_outputs
from tests.core.outputs.mission import make_event, make_schedule


def _written(out: Path) -> list[str]:
    return sorted(str(p.relative_to(out)) for p in out.rglob("*") if p.is_file())


def test_write_outputs_links_every_file_from_the_index(tmp_path: Path) -> None:
    steps: list[tuple[int, int]] = []
    index = write_outputs(
        make_event(),
        make_schedule(),
        tmp_path,
        ("ar", "en"),
        OutputSettings(pdf=False),
        progress=lambda done, total, what: steps.append((done, total)),
    )
    assert index == tmp_path / "index.html"
    links = set(re.findall(r'href="([^"#]+)"', index.read_text(encoding="utf-8")))
    assert links == set(_written(tmp_path)) - {"index.html"}
    assert steps[-1][0] == steps[-1][1]


def test_write_outputs_writes_delegates_in_every_language_and_hosts_in_theirs(
    tmp_path: Path,
) -> None:
    write_outputs(
        make_event(), make_schedule(), tmp_path, ("ar", "fr", "en"), OutputSettings(pdf=False)
    )
    agendas = [p for p in _written(tmp_path) if "/agendas/" in p and p.endswith(".html")]
    assert agendas == [
        "ar/agendas/p-alaoui.html",
        "ar/agendas/p-benali.html",
        "ar/agendas/p-lamrani.html",
        "en/agendas/p-alaoui.html",
        "en/agendas/p-benali.html",
        "en/agendas/p-lamrani.html",
        "en/agendas/p-lee.html",
        "en/agendas/p-smith.html",
        "fr/agendas/p-alaoui.html",
        "fr/agendas/p-benali.html",
        "fr/agendas/p-lamrani.html",
    ]
    assert sorted(p for p in _written(tmp_path) if p.startswith("en/") and "/" not in p[3:]) == [
        "en/communique.html",
        "en/communique.txt",
        "en/grid.html",
        "en/grid.xlsx",
        "en/host-sheets.html",
        "en/report.html",
        "en/run-sheet.html",
        "en/table-plan.html",
    ]


def test_host_sheets_are_printed_for_each_host_in_the_languages_its_staff_read(
    tmp_path: Path,
) -> None:
    event = make_event()
    people = tuple(
        replace(p, languages=("fr", "en")) if p.id == "p-lee" else p for p in event.people
    )
    write_outputs(
        replace(event, people=people),
        make_schedule(),
        tmp_path,
        ("ar", "fr", "en"),
        OutputSettings(pdf=False),
    )
    sheets = {
        lang: (tmp_path / lang / "host-sheets.html").read_text(encoding="utf-8")
        for lang in ("fr", "en")
    }
    assert "CyberCorp" in sheets["fr"]  # David Lee reads French
    assert "NASA Johnson Space Center" not in sheets["fr"]  # Jane Smith does not
    assert "CyberCorp" in sheets["en"]
    assert "NASA Johnson Space Center" in sheets["en"]
    assert not (tmp_path / "ar" / "host-sheets.html").exists()  # no host reads Arabic


def test_write_outputs_with_pdfs_prints_agendas_and_documents(tmp_path: Path) -> None:
    write_outputs(make_event(), make_schedule(), tmp_path, ("en",), OutputSettings(workers=1))
    assert [p for p in _written(tmp_path) if p.endswith(".pdf")] == [
        "en/agendas/p-alaoui.pdf",
        "en/agendas/p-benali.pdf",
        "en/agendas/p-lamrani.pdf",
        "en/host-sheets.pdf",
        "en/report.pdf",
        "en/run-sheet.pdf",
        "en/table-plan.pdf",
    ]


def test_write_outputs_queues_pdfs_on_the_callers_pool_until_it_finishes(tmp_path: Path) -> None:
    with PdfPool(1) as pool:
        index = write_outputs(make_event(), make_schedule(), tmp_path, ("en",), pdfs=pool)
        assert [p for p in _written(tmp_path) if p.endswith(".pdf")] == []
        assert pool.count == 7
        assert 'href="en/report.pdf"' in index.read_text(encoding="utf-8")
        pool.finish()
    assert [p for p in _written(tmp_path) if p.endswith(".pdf")] == [
        "en/agendas/p-alaoui.pdf",
        "en/agendas/p-benali.pdf",
        "en/agendas/p-lamrani.pdf",
        "en/host-sheets.pdf",
        "en/report.pdf",
        "en/run-sheet.pdf",
        "en/table-plan.pdf",
    ]


def test_written_pages_carry_the_stylesheet_as_written(tmp_path: Path) -> None:
    """The inline stylesheet was HTML-escaped ('font-family: &#34;Noto Sans&#34;',
    'html[dir=&#34;rtl&#34;]'): browsers dropped the fonts and every right-to-left rule, so
    an Arabic agenda put its times on the left and a blank column on the right."""
    write_outputs(make_event(), make_schedule(), tmp_path, ("ar",), OutputSettings(pdf=False))
    css = STYLESHEET.read_text(encoding="utf-8")
    pages = [tmp_path / "index.html", *sorted((tmp_path / "ar").rglob("*.html"))]
    assert len(pages) > 5
    for page in pages:
        style = re.search(r"<style>(.*?)</style>", page.read_text(encoding="utf-8"), re.S)
        assert style is not None, page.name
        assert style.group(1) == css, page.name
