"""PDFs read back as text (pdftotext) and images (pdftoppm): Arabic in logical order."""

from __future__ import annotations

import os
import subprocess
from dataclasses import replace
from pathlib import Path

import pytest

from liqa.core.outputs.agenda import build_agenda
from liqa.core.outputs.pdf import PdfJob, PdfPool, render_pdfs
from liqa.core.outputs.settings import MAX_WORKERS, OutputSettings
from liqa.core.templating import render
from tests.core.outputs.mission import CYBER_MEETING, NASA_VISIT, make_event, make_schedule

pytestmark = pytest.mark.integration
BIDI_CONTROLS = dict.fromkeys(
    map(ord, "\u202a\u202b\u202c\u202d\u202e\u200e\u200f\u2066\u2067\u2068\u2069")
)


def _agenda_pdf(tmp_path: Path, lang: str, subject: str = "p-benali") -> Path:
    agenda = build_agenda(make_event(), make_schedule(), subject, lang, OutputSettings())
    path = tmp_path / f"{subject}-{lang}.pdf"
    html = render("agenda.html", lang, agenda=agenda, inline_css="", for_pdf=True)
    render_pdfs([PdfJob(html, path)], 1)
    return path


def _text(path: Path) -> list[str]:
    out = subprocess.run(["pdftotext", str(path), "-"], capture_output=True, text=True, check=True)
    lines = [line.translate(BIDI_CONTROLS).strip() for line in out.stdout.splitlines()]
    return [line for line in lines if line]


def _pages(path: Path) -> int:
    out = subprocess.run(["pdfinfo", str(path)], capture_output=True, text=True, check=True)
    return int(
        next(line for line in out.stdout.splitlines() if line.startswith("Pages:")).split()[1]
    )


def test_arabic_agenda_pdf_reads_in_logical_order(tmp_path: Path) -> None:
    lines = _text(_agenda_pdf(tmp_path, "ar"))
    text = "\n".join(lines)
    assert lines[:2] == ["البعثة التجارية المغربية للرقمنة", "كريم بنعلي"]
    assert "هيوستن (التوقيت الرسمي المركزي لأمريكا الشمالية)" in text
    assert "هيوستن ← وادي السيليكون" in text  # the flight's day, then (CST → PST)
    assert [line for line in lines if line[:2].isdigit() and ":" in line] == [
        "08:30–09:30",
        "10:30–12:00",
        "07:00–09:15",
        "14:00–15:00",
    ]
    for expected in (
        "اجتماع الترحيب",
        "رحلة جوية إلى سان فرانسيسكو",
        "● لقاء مع CyberCorp",
        "الوفد :كريم بنعلي",  # pdftotext puts the colon of a label after the space
    ):
        assert expected in lines
    assert "David Lee" in text
    assert "الوفد بأكمله" in text
    assert "الصمود السيبراني للبنى التحتية الحيوية" in text
    assert _pages(tmp_path / "p-benali-ar.pdf") == 1


def test_print_variant_isolates_latin_text_with_characters_not_elements() -> None:
    agenda = build_agenda(make_event(), make_schedule(), "p-benali", "ar", OutputSettings())
    page = render("agenda.html", "ar", agenda=agenda, inline_css="")
    printed = render("agenda.html", "ar", agenda=agenda, inline_css="", for_pdf=True)
    assert '<bdi class="ltr">David Lee</bdi>' in page
    assert ("<bdi" in printed, "\u2066David Lee\u2069" in printed) == (False, True)


def test_english_agenda_pdf_has_names_times_and_zones(tmp_path: Path) -> None:
    path = _agenda_pdf(tmp_path, "en")
    text = "\n".join(_text(path))
    for expected in (
        "Karim Benali",
        "Monday, February 12, 2024 — Houston (Central Standard Time)",
        "10:30 AM–12:00 PM",
        "2:00 PM–3:00 PM",
        "CST → PST",
        "Table 4",
        "Hosts: CyberCorp — David Lee (CEO)",
        "Topic: Managed security operations for ministries · Themes: cybersecurity",
    ):
        assert expected.replace("\u202f", " ") in text.replace("\u202f", " ")
    assert _pages(path) == 1


def test_agenda_pdf_renders_to_an_image_per_page(tmp_path: Path) -> None:
    path = _agenda_pdf(tmp_path, "fr")
    subprocess.run(["pdftoppm", "-r", "30", "-png", str(path), str(tmp_path / "page")], check=True)
    images = sorted(p.name for p in tmp_path.glob("page*.png"))
    assert images == ["page-1.png"]
    assert (tmp_path / "page-1.png").read_bytes()[:8] == b"\x89PNG\r\n\x1a\n"


def test_render_pdfs_in_worker_processes_writes_every_file(tmp_path: Path) -> None:
    jobs = [PdfJob(f"<p>page {i}</p>", tmp_path / f"{i}.pdf") for i in range(4)]
    done: list[str] = []
    total = render_pdfs(jobs, workers=2, on_done=lambda path: done.append(path.name))
    assert done == ["0.pdf", "1.pdf", "2.pdf", "3.pdf"]
    assert total == sum(job.path.stat().st_size for job in jobs)


def test_pdf_pool_defaults_to_one_worker_per_usable_core() -> None:
    assert PdfPool().workers == min(len(os.sched_getaffinity(0)), MAX_WORKERS)
    assert OutputSettings().workers == PdfPool().workers


def test_chart_with_labels_as_paths_prints_the_same_picture(tmp_path: Path) -> None:
    """The PDF's charts (labels as one path each) look like matplotlib's own SVG."""
    import base64

    from PIL import Image, ImageChops

    from liqa.core.outputs.charts import bar_chart, text_as_paths
    from liqa.core.outputs.pdf import html_to_pdf

    svg = bar_chart(
        ["Ministry of Digital Transition", "وزارة الانتقال الرقمي", "ADD"], [3, 5, 2], "t"
    )
    pictures = []
    for name, drawing in (("glyphs", svg), ("paths", text_as_paths(svg))):
        uri = "data:image/svg+xml;base64," + base64.b64encode(drawing.encode()).decode()
        pdf = tmp_path / f"{name}.pdf"
        html_to_pdf(f'<img src="{uri}" style="width: 100%">', pdf)
        subprocess.run(
            ["pdftoppm", "-r", "100", "-png", "-singlefile", str(pdf), str(tmp_path / name)],
            check=True,
        )
        pictures.append(Image.open(tmp_path / f"{name}.png").convert("L"))
    difference = ImageChops.difference(*pictures).point(lambda v: 255 if v > 64 else 0)
    ink = pictures[0].point(lambda v: 255 if v < 128 else 0)
    inked = ink.histogram()[255]
    assert inked > 5000  # bars and labels were drawn
    assert difference.histogram()[255] < inked / 200  # antialiasing at most


def test_arabic_agenda_pdf_separates_names_with_the_arabic_comma(tmp_path: Path) -> None:
    """The delegation read "سارة لمراني, كريم بنعلي" (a Latin comma in Arabic text)."""
    both = replace(CYBER_MEETING, attendees=("p-lamrani", "p-benali", "p-lee"))
    schedule = make_schedule(1, NASA_VISIT, both)
    agenda = build_agenda(make_event(), schedule, "p-benali", "ar", OutputSettings())
    html = render("agenda.html", "ar", agenda=agenda, inline_css="", for_pdf=True)
    render_pdfs([PdfJob(html, tmp_path / "a.pdf")], 1)
    lines = _text(tmp_path / "a.pdf")
    # pdftotext puts a comma, like a colon, after the space that follows it
    assert "الوفد :سارة لمراني ،كريم بنعلي" in lines
    assert not [line for line in lines if "," in line and "لمراني" in line]


def test_latin_role_in_arabic_is_isolated_with_its_parentheses() -> None:
    """The parentheses stood outside the isolated role: a role wrapped over two lines
    printed as "Regional Director, Cyber) Marcus Hall …" then "Operations)"."""
    # a title the catalog does not know stays as entered ("CEO" is now translated)
    event = make_event()
    lee = replace(event.person("p-lee"), role="Chief Cyber Wrangler")
    event = replace(event, people=tuple(lee if p.id == "p-lee" else p for p in event.people))
    agenda = build_agenda(event, make_schedule(), "p-benali", "ar", OutputSettings())
    html = render("agenda.html", "ar", agenda=agenda, inline_css="", for_pdf=True)
    assert "David Lee\u2069 \u2066(Chief Cyber Wrangler)\u2069" in html
    page = render("agenda.html", "ar", agenda=agenda, inline_css="")
    assert 'David Lee</bdi> <bdi class="ltr">(Chief Cyber Wrangler)</bdi>' in page
