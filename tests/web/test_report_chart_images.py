"""The report page's chart images: each ``<img>`` holds the drawing's size (no layout shift
on a phone as the images come), and the drawings are sent gzip-compressed to a browser
that accepts it (``Vary: Accept-Encoding``), where they were sent as 25 to 105 KB of
text; pages with a CSRF token are never compressed (BREACH)."""

from __future__ import annotations

import gzip
import html
import re

import pytest

from tests.web.test_report_page import organizer_client, published_demo, report_url


def _images(page: str) -> list[tuple[str, int, int]]:
    """(address, width, height) of each chart image of the report page."""
    found = re.findall(
        r'<div class="chart"><img src="([^"]*)" alt="[^"]*" width="(\d+)" height="(\d+)">', page
    )
    return [(html.unescape(src), int(width), int(height)) for src, width, height in found]


def _vary(response: object) -> set[str]:
    return {v.strip().lower() for v in response["Vary"].split(",")}  # type: ignore[index]


@pytest.mark.django_db
@pytest.mark.parametrize("lang", ["en", "ar"])
def test_each_chart_image_holds_its_drawings_size(lang: str) -> None:
    row, _version = published_demo()
    client = organizer_client()
    page = client.get(report_url(row), HTTP_ACCEPT_LANGUAGE=lang).content.decode()
    images = _images(page)
    assert len(images) == 5, page
    for src, width, height in images:
        svg = client.get(src).content.decode()
        head = svg[: svg.index(">")]
        box = re.search(r'viewBox="0 0 ([\d.]+) ([\d.]+)"', head)
        assert box is not None, head
        assert 'width="460.8pt"' in head  # matplotlib's unit: the viewBox is in points
        assert (width, height) == (
            round(float(box[1]) * 4 / 3),
            round(float(box[2]) * 4 / 3),
        )
        assert width == 614


@pytest.mark.django_db
def test_a_chart_is_sent_gzip_compressed_to_a_browser_that_accepts_it() -> None:
    row, _version = published_demo()
    client = organizer_client()
    page = client.get(report_url(row), HTTP_ACCEPT_LANGUAGE="en")
    src = _images(page.content.decode())[0][0]

    plain = client.get(src)
    assert plain.status_code == 200
    assert not plain.has_header("Content-Encoding")
    assert "accept-encoding" in _vary(plain)
    assert plain.content.startswith(b"<svg")

    packed = client.get(src, HTTP_ACCEPT_ENCODING="gzip, deflate, br")
    assert packed.status_code == 200
    assert packed["Content-Encoding"] == "gzip"
    assert packed["Content-Type"] == "image/svg+xml"
    assert "accept-encoding" in _vary(packed)
    assert int(packed["Content-Length"]) == len(packed.content)
    assert gzip.decompress(packed.content) == plain.content
    assert len(packed.content) * 3 < len(plain.content)
    assert packed["ETag"] != plain["ETag"]  # another representation, another tag
    assert packed["Cache-Control"] == plain["Cache-Control"]

    # kept: asked again with either tag, nothing is sent again
    again = client.get(src, HTTP_ACCEPT_ENCODING="gzip", HTTP_IF_NONE_MATCH=packed["ETag"])
    assert (again.status_code, again.content) == (304, b"")
    assert "accept-encoding" in _vary(again)

    # refused (q=0), or not named: sent as it is
    for refusing in ("gzip;q=0", "identity", "br"):
        sent = client.get(src, HTTP_ACCEPT_ENCODING=refusing)
        assert not sent.has_header("Content-Encoding"), refusing
        assert sent.content == plain.content

    # the page itself carries a CSRF token: never compressed by liqa
    page = client.get(report_url(row), HTTP_ACCEPT_ENCODING="gzip")
    assert not page.has_header("Content-Encoding")


@pytest.mark.django_db
def test_the_demos_drawings_are_half_what_they_were() -> None:
    """Matplotlib's metadata, ids and groups nothing uses, and coordinates to a millionth
    made the demo's 'Meetings per participant' 104,918 bytes in English (see
    tests/core/outputs/test_report_chart_trim.py for the drawing being the same)."""
    row, _version = published_demo()
    client = organizer_client()
    page = client.get(report_url(row), HTTP_ACCEPT_LANGUAGE="en")
    for src, _width, _height in _images(page.content.decode()):
        svg = client.get(src).content
        assert b"<metadata" not in svg
        assert b"Matplotlib v" not in svg
        assert not re.search(rb"\d\.\d{4}", svg)
        assert len(svg) < 60_000, (src, len(svg))
