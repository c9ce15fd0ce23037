"""A chart drawing is converted for ``<img>`` (``charts.text_as_paths``, ``charts.trimmed``)
once per process: the report page, its chart images and its PDF ask for the same drawing's
conversion in turn. Another drawing (other figures) is converted anew, never answered with
a kept one."""

from __future__ import annotations

from liqa.core.outputs import charts
from liqa.core.outputs.report import Chart


def _chart(values: list[float]) -> Chart:
    svgs = charts.bar_charts(["Amina", "Bruno", "لقاء"], values, "Meetings per participant")
    return Chart("Meetings per participant", svgs, (), "participants")


def test_a_drawing_is_converted_once_and_another_anew() -> None:
    charts.text_as_paths.cache_clear()
    charts.trimmed.cache_clear()
    first = _chart([3, 1, 2])
    converted = first.image_svgs  # the page
    assert first.image_svgs == converted  # its images, its PDF: the same text…
    assert charts.trimmed.cache_info().hits == 1  # …kept, not converted again
    assert charts.trimmed.cache_info().misses == charts.text_as_paths.cache_info().misses == 1
    assert converted == (
        charts.trimmed.__wrapped__(charts.text_as_paths.__wrapped__(first.svgs[0])),
    )

    changed = _chart([3, 4, 2])  # the data changed: another drawing
    assert changed.svgs != first.svgs
    assert changed.image_svgs != converted
    assert changed.image_svgs == (
        charts.trimmed.__wrapped__(charts.text_as_paths.__wrapped__(changed.svgs[0])),
    )
    assert charts.trimmed.cache_info().misses == 2
