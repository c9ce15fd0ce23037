"""The organizer's report page: the core's mission report of one schedule version, read in
the browser (its figures, charts and outcomes as recorded so far) and downloaded as a PDF.

The page shows the report's body as the core renders it (``report_body.html``, included by
the core's ``report.html``), and the PDF is the core's report rendered by the core's PDF
builder: the figures are computed and laid out in one place for the outputs zip, the demo
and the web. A published version's report is kept per process under the event's change
stamp (:func:`~liqa.web.events.snapshots.data_stamp`): an outcome recorded changes the
stamp, so the next view shows it; a draft's report is rendered on every view (its meetings
move without the stamp changing). A published version's PDF is taken from its outputs zip
when the zip of the data as they are now is built (:func:`~.exports.kept_report_pdf`: the
same document, named by the digest of all it is made from, outcomes included), at once
instead of the seconds of layout.

The page's charts are images at their own addresses (``report/charts/<name>.svg``, for the
same organizers), which the browser fetches in parallel and keeps; the PDF and the core's
HTML files keep them inside (``data:`` addresses, inline SVG), whole without a server.
"""

from __future__ import annotations

import gzip
import hashlib
import re
from collections.abc import Callable, Hashable, Mapping
from dataclasses import dataclass, field
from datetime import UTC, datetime
from typing import Any

from django.conf import settings
from django.http import HttpRequest, HttpResponse, HttpResponseNotModified
from django.urls import reverse
from django.utils.cache import patch_vary_headers
from django.utils.translation import gettext
from markupsafe import Markup

from liqa.core.outputs.pdf import html_to_pdf
from liqa.core.outputs.report import Chart, Figures, charts, report_context, report_heading
from liqa.core.templating import render
from liqa.web.events.models import Event
from liqa.web.events.records import event_record
from liqa.web.events.snapshots import Snapshots, data_stamp
from liqa.web.pages import page
from liqa.web.scheduling.domain import version_over
from liqa.web.scheduling.exports import kept_report_pdf
from liqa.web.scheduling.models import ScheduleVersion
from liqa.web.scheduling.proofs import version_proof
from liqa.web.scheduling.records import schedule_record
from liqa.web.scheduling.services import latest_published
from liqa.web.scheduling.views import organizer_event
from liqa.web.templating import current_language

REPORTS = Snapshots(16)
"""Rendered reports (page bodies and PDFs) of published versions, by version, language and
the event's change stamp."""

DRAWINGS = Snapshots(16)
"""The charts drawn for figures (matplotlib: most of a second for a large event), by the
figures and the language: a draft's page and its chart images, each asked separately,
draw them once."""

LONG_AGO = "private, max-age=31536000, immutable"
"""Cache-Control of a chart asked by the digest of its drawing (the page's address)."""

ASK_AGAIN = "private, no-cache"
"""Cache-Control of a chart asked without its digest, or with an older one: kept, but
checked (its ETag) before each use."""


LARGEST_NUMBER = 2_147_483_647
"""The largest version number a database stores (a larger one is asked of none)."""


class NoReport(Exception):
    """No report to show: nothing published yet, or the version asked for is unknown."""

    def __init__(self, message: str, status: int) -> None:
        super().__init__(message)
        self.message = message
        self.status = status


@dataclass(frozen=True)
class ChartImage:
    """One drawing of a chart as the page's ``<img>`` asks for it."""

    svg: bytes
    digest: str
    """The first 16 hex digits of the drawing's SHA-256: in its address and ETag."""
    gzipped: bytes = b""
    """The drawing gzip-compressed (a fifth of its bytes), for browsers that accept it."""

    @classmethod
    def of(cls, svg: str) -> ChartImage:
        """The image of one drawing: its bytes, digest and compressed bytes (made once,
        kept with the page)."""
        data = svg.encode()
        packed = gzip.compress(data, compresslevel=9, mtime=0)
        return cls(data, hashlib.sha256(data).hexdigest()[:16], packed)


GZIP_REFUSED = re.compile(r"(?:^|,)\s*gzip\s*;\s*q\s*=\s*0(?:\.0*)?\s*(?:,|$)", re.I)


def accepts_gzip(request: HttpRequest) -> bool:
    """True when the request's ``Accept-Encoding`` names gzip without refusing it (q=0)."""
    accepted = request.headers.get("Accept-Encoding", "")
    named = any(part.split(";")[0].strip().lower() == "gzip" for part in accepted.split(","))
    return named and GZIP_REFUSED.search(accepted) is None


@dataclass(frozen=True)
class ReportPage:
    """What the page shows of a version's report: its heading and the core's body, its
    charts' drawings by name (``participants-1`` …), each its own image."""

    title: str
    heading: str
    dates: str
    body: Markup
    images: Mapping[str, ChartImage] = field(default_factory=dict)


def chosen_version(request: HttpRequest, event: Event) -> ScheduleVersion:
    """The version ``?version=N`` names, else the latest published one.

    Raises :class:`NoReport` (with what to do, in the reader's language) when the number
    is not a number, when the event has no such version, or when nothing is published yet.
    """
    asked = request.GET.get("version", "").strip()
    if not asked:
        latest = latest_published(event)
        if latest is not None:
            return latest
        if ScheduleVersion.objects.filter(event=event).exists():
            message = gettext(
                "Nothing is published yet: the report shows the latest published version."
                " Publish a version, or read a draft's report below."
            )
        else:
            message = gettext(
                "Nothing is published yet: the report shows the latest published version."
                " Run the scheduler, then publish a version."
            )
        raise NoReport(message, 200)
    if not asked.isdecimal():
        raise NoReport(gettext("Choose a version by its number, such as 1."), 400)
    number = int(asked)  # Arabic-Indic digits too
    found = None
    if number <= LARGEST_NUMBER:
        found = ScheduleVersion.objects.filter(event=event, number=number).first()
    if found is None:
        raise NoReport(gettext("This event has no version %(number)s.") % {"number": asked}, 404)
    return found


def _kept[T](
    event: Event, version: ScheduleVersion, what: str, lang: str, build: Callable[[], T]
) -> T:
    """``build()``, kept in :data:`REPORTS` for a published version while the event's
    stamp holds (a draft's is built every time)."""
    stamp = data_stamp(event) if version.published else None
    key: tuple[Hashable, ...] | None = None
    if stamp is not None:
        key = (what, version.pk, lang, *stamp)
    return REPORTS.get(key, build, still=lambda: data_stamp(event) == stamp)


def _drawn(figures: Figures, lang: str) -> list[Chart]:
    """The core's charts of ``figures``, drawn once while kept in :data:`DRAWINGS`."""
    return DRAWINGS.get(("charts", lang, figures), lambda: charts(figures, lang))


def _context(event: Event, version: ScheduleVersion, lang: str) -> dict[str, Any]:
    """The core's report context of ``version``, with the outcomes recorded so far."""
    return report_context(event_record(event), schedule_record(version), lang, draw=_drawn)


def chart_address(event: Event, version: ScheduleVersion, lang: str, name: str, digest: str) -> str:
    """The address of one chart drawing: its version, language and digest in the query
    (the digest changes with the drawing, so the browser may keep it for good)."""
    path = reverse("scheduling:report_chart", args=[event.slug, name])
    return f"{path}?version={version.number}&lang={lang}&d={digest}"


def report_page(event: Event, version: ScheduleVersion, lang: str) -> ReportPage:
    """The report of ``version`` in ``lang``: the core's report body, its charts as images
    at their own addresses (fetched in parallel and kept by the browser; as inline SVG the
    page's security policy would refuse their inline styles, and as ``data:`` URIs they
    made a large event's page 1.3 MB)."""

    def build() -> ReportPage:
        context = _context(event, version, lang)
        images: dict[str, ChartImage] = {}
        addresses: dict[str, list[str]] = {}
        for chart in context["charts"]:
            found = addresses.setdefault(chart.key, [])
            for name, svg in zip(chart.part_names, chart.image_svgs, strict=True):
                image = ChartImage.of(svg)
                images[name] = image
                found.append(chart_address(event, version, lang, name, image.digest))

        def chart_src(chart: Chart) -> list[str]:
            return addresses[chart.key]

        body = render("report_body.html", lang, chart_images=True, chart_src=chart_src, **context)
        return ReportPage(
            str(context["title"]),
            str(context["heading"]),
            str(context["dates"]),
            Markup(body),
            images,
        )

    return _kept(event, version, "page", lang, build)


def report_pdf_bytes(event: Event, version: ScheduleVersion, lang: str) -> bytes:
    """The report of ``version`` in ``lang`` as the core prints it (its PDF builder), under
    its heading the proof of quality the version's grid states (:func:`version_proof`; a
    published version is moved by hand no more, so its kept PDF states it still). A
    published version's is read from its built outputs zip when there is one of the data
    as they are now (:func:`kept_report_pdf`), else rendered."""

    def build() -> bytes:
        if version.published:
            zipped = kept_report_pdf(version, lang)
            if zipped is not None:
                return zipped
        context = _context(event, version, lang)
        proof = version_proof(version, lang)
        return html_to_pdf(
            render("report.html", lang, inline_css="", for_pdf=True, proof=proof, **context)
        )

    return _kept(event, version, "pdf", lang, build)


def _versions(event: Event) -> list[ScheduleVersion]:
    return list(ScheduleVersion.objects.filter(event=event).order_by("number"))


def _no_report(request: HttpRequest, event: Event, refusal: NoReport, status: int) -> HttpResponse:
    """The report page without a report: why, and the versions whose report can be read."""
    context = {
        "event": event,
        "versions": _versions(event),
        "heading": report_heading(event_record(event), current_language()),
        "message": refusal.message,
    }
    return page(request, "scheduling/report.html", context, status=status)


def report(request: HttpRequest, slug: str) -> HttpResponse:
    """The report of the latest published version (or ``?version=N``), with its PDF and
    the proof of quality the version's grid states (:func:`version_proof`)."""
    event = organizer_event(request, slug)
    try:
        version = chosen_version(request, event)
    except NoReport as refusal:
        return _no_report(request, event, refusal, refusal.status)
    pdf = reverse("scheduling:report_pdf", args=[event.slug]) + f"?version={version.number}"
    context = {
        "proof": version_proof(version, current_language()),
        "over": version_over(version, datetime.now(UTC)),  # results first, proof below
        "event": event,
        "versions": _versions(event),
        "version": version,
        "report": report_page(event, version, current_language()),
        "pdf_url": pdf,
    }
    return page(request, "scheduling/report.html", context)


def _plain(message: str, status: int) -> HttpResponse:
    return HttpResponse(message, status=status, content_type="text/plain; charset=utf-8")


def report_chart(request: HttpRequest, slug: str, name: str) -> HttpResponse:
    """One drawing of the report's charts (``participants-1`` …) of the latest published
    version (or ``?version=N``) in ``?lang=`` (else the reader's language), as SVG; for the
    event's organizers only, as the report. Its ETag is the version, language and digest of
    the drawing; asked by that digest (``?d=``, the page's address) it may be kept for good,
    else it is checked again before each use. Sent gzip-compressed (its own ETag) to a
    browser that accepts it, with ``Vary: Accept-Encoding``: a drawing holds no secret
    beside a reflected one, unlike the pages with a CSRF token, never compressed here."""
    event = organizer_event(request, slug)
    asked = request.GET.get("lang", "")
    lang = asked if asked in dict(settings.LANGUAGES) else current_language()
    try:
        version = chosen_version(request, event)
    except NoReport as refusal:
        return _plain(refusal.message, 404 if refusal.status == 200 else refusal.status)
    image = report_page(event, version, lang).images.get(name)
    if image is None:
        message = gettext("The report of version %(number)s has no chart %(name)s.")
        return _plain(message % {"number": version.number, "name": name}, 404)
    packed = accepts_gzip(request)
    tag = f"v{version.number}-{lang}-{image.digest}"
    etag = f'"{tag}-gzip"' if packed else f'"{tag}"'
    cache = LONG_AGO if request.GET.get("d") == image.digest else ASK_AGAIN
    held = {kept.strip() for kept in request.headers.get("If-None-Match", "").split(",")}
    if held & {f'"{tag}"', f'"{tag}-gzip"'}:  # either one is this drawing
        response: HttpResponse = HttpResponseNotModified()
    elif packed:
        response = HttpResponse(image.gzipped, content_type="image/svg+xml")
        response["Content-Encoding"] = "gzip"
        response["Content-Length"] = str(len(image.gzipped))
    else:
        response = HttpResponse(image.svg, content_type="image/svg+xml")
    response["ETag"] = etag
    response["Cache-Control"] = cache
    patch_vary_headers(response, ["Accept-Encoding"])
    return response


def report_pdf(request: HttpRequest, slug: str) -> HttpResponse:
    """The report of the latest published version (or ``?version=N``) as a PDF, in the
    reader's language; the report page with the reason when there is none."""
    event = organizer_event(request, slug)
    lang = current_language()
    try:
        version = chosen_version(request, event)
    except NoReport as refusal:  # nothing published: no PDF to send (404), the page says why
        return _no_report(request, event, refusal, 404 if refusal.status == 200 else refusal.status)
    data = report_pdf_bytes(event, version, lang)
    response = HttpResponse(data, content_type="application/pdf")
    filename = f"{event.slug}-report-v{version.number}-{lang}.pdf"
    response["Content-Disposition"] = f'attachment; filename="{filename}"'
    return response
