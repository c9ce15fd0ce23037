"""The report's chart drawings, trimmed (``charts.trimmed``): half the bytes, the same
drawing. Each drawing of the demo's report, in English and Arabic, is printed by WeasyPrint
and read back at 150 dpi (pdftoppm) before and after trimming: the pixels are the same but
where an edge, moved by less than a thousandth of a point, crosses a pixel's boundary."""

from __future__ import annotations

import base64
import re
import subprocess
from functools import cache
from pathlib import Path

import pytest
from PIL import Image, ImageChops, ImageFilter

from liqa.core.missionfile import load_event
from liqa.core.outputs.charts import compact_path, pixel_size, text_as_paths, trimmed
from liqa.core.outputs.pdf import html_to_pdf
from liqa.core.outputs.report import Chart, charts, compute_figures
from liqa.core.scheduling.planning import PlanSettings, plan_event

DEMO = Path(__file__).resolve().parents[3] / "examples" / "morocco-us-digital-2024" / "mission.yaml"


@cache
def demo_charts(lang: str) -> tuple[Chart, ...]:
    """The demo's report charts in ``lang`` (one second of planning, once)."""
    event = load_event(DEMO)
    schedule = plan_event(event, PlanSettings(time_limit=1.0)).schedule
    return tuple(charts(compute_figures(event, schedule, lang), lang))


def drawn(svg: str, folder: Path, name: str) -> Image.Image:
    """``svg`` printed as an ``<img>`` by WeasyPrint and read back at 150 dpi."""
    uri = "data:image/svg+xml;base64," + base64.b64encode(svg.encode()).decode()
    pdf = folder / f"{name}.pdf"
    pdf.write_bytes(html_to_pdf(f'<html><body style="margin:0"><img src="{uri}"></body></html>'))
    png = folder / name
    subprocess.run(["pdftoppm", "-r", "150", "-singlefile", "-png", pdf, png], check=True)
    with Image.open(f"{png}.png") as image:
        return image.convert("RGB")


def differences(before: Image.Image, after: Image.Image) -> tuple[int, int]:
    """Pixels that differ, and of them those no neighbour of the same pixel before had
    (an edge crossing a pixel's boundary changes the first, never the second)."""
    changed = ImageChops.difference(before, after).convert("L").point(lambda v: 255 * (v > 8))
    darkest = before.filter(ImageFilter.MinFilter(3))
    lightest = before.filter(ImageFilter.MaxFilter(3))
    below = ImageChops.subtract(darkest, after).convert("L").point(lambda v: 255 * (v > 8))
    above = ImageChops.subtract(after, lightest).convert("L").point(lambda v: 255 * (v > 8))
    away = ImageChops.lighter(below, above)
    count = sum(1 for v in changed.get_flattened_data() if v)
    return count, sum(1 for v in away.get_flattened_data() if v)


@pytest.mark.parametrize("lang", ["en", "ar"])
def test_the_trimmed_drawings_draw_the_same(lang: str, tmp_path: Path) -> None:
    for chart in demo_charts(lang):
        for name, svg in zip(chart.part_names, chart.svgs, strict=True):
            labelled = text_as_paths(svg)
            small = trimmed(labelled)
            assert len(small) * 2 < len(labelled) + 2_000, name
            before = drawn(labelled, tmp_path, "before")
            after = drawn(small, tmp_path, "after")
            changed, away = differences(before, after)
            # at most one column or row of pixels along an edge: a 614 px drawing's height
            assert changed <= 2 * before.height, (name, changed)
            assert away == 0, (name, away)


def test_the_comparison_sees_a_label_gone(tmp_path: Path) -> None:
    """The check above is not blind: one label's outline left out is seen."""
    svg = trimmed(text_as_paths(demo_charts("en")[0].svgs[0]))
    labels = re.findall(r'<path d="[^"]{400,}"[^>]*/>', svg)
    assert labels
    before = drawn(svg, tmp_path, "before")
    after = drawn(svg.replace(labels[0], "", 1), tmp_path, "after")
    changed, away = differences(before, after)
    assert changed > 100
    assert away > 0


def test_compact_paths_keep_their_points() -> None:
    assert compact_path("M 0 381.6  L 460.8 381.6  L 460.8 0  L 0 0  z ") == (
        "m0 381.6l460.8 0 0-381.6-460.8 0z"
    )
    # a thousandth of a point kept; each point relative to the one before, after z the start
    assert compact_path(
        "M 103.030709 34.553215 L 387.795165 34.553215 z M 1.5 2.25 Q 1.75 2 2 2"
    ) == ("m103.031 34.553l284.764 0zm-101.531-32.303q.25-.25.5-.25")
    # path data it does not write (relative, arcs) is left as it is
    for other in ("m 1 2 l 3 4", "M 0 0 A 5 5 0 0 1 10 10", "M 1"):
        assert compact_path(other) == other


def test_a_drawings_size_in_css_pixels() -> None:
    svg = '<svg width="460.8pt" height="381.6pt" viewBox="0 0 460.8 381.6"/>'
    assert pixel_size(svg) == (614, 509)
    assert pixel_size('<svg viewBox="0 0 300 150"/>') == (300, 150)
    with pytest.raises(ValueError, match="viewBox"):
        pixel_size('<svg width="10"/>')
