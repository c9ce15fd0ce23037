"""Write every output of a planned event into one directory, with an index page.

Layout (per language ``ar``, ``fr``, ``en``)::

    index.html
    <lang>/agendas/<person>.html|.pdf|.ics
    <lang>/organizations/<org>.html|.pdf|.ics
    <lang>/grid.html, grid.xlsx, table-plan.html|.pdf, host-sheets.html|.pdf,
    <lang>/run-sheet.html|.pdf, report.html|.pdf, communique.html|.txt

Calendars written over a previous run are updated in place (same UIDs, SEQUENCE raised,
dropped meetings cancelled), so re-running after a change publishes a correct update.

PDFs are rendered by a :class:`~liqa.core.outputs.pdf.PdfPool` while the HTML, calendars
and spreadsheets are being written; a caller may pass a pool it started earlier (its
workers warm up while the caller plans) and finish it when it needs the PDFs.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from contextlib import nullcontext
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from babel import Locale

from liqa.core.i18n import translator
from liqa.core.model import Event, Schedule, Side, pick
from liqa.core.outputs import labels
from liqa.core.outputs.agenda import build_agenda
from liqa.core.outputs.calendar import write_calendar
from liqa.core.outputs.communique import build_communique
from liqa.core.outputs.grid import build_grid, write_grid_xlsx
from liqa.core.outputs.pdf import STYLESHEET, PdfJob, PdfPool
from liqa.core.outputs.report import report_context, report_heading
from liqa.core.outputs.settings import OutputSettings
from liqa.core.outputs.sheets import host_sheets, run_sheets, table_plan
from liqa.core.outputs.timeline import subject, timeline
from liqa.core.templating import render

Progress = Callable[[int, int, str], None]
"""Called as ``progress(done, total, what)`` while writing."""


@dataclass(frozen=True)
class Link:
    """One line of the index: a label and the files written for it."""

    label: str
    files: tuple[tuple[str, str], ...]
    """(format, relative path) pairs."""


@dataclass(frozen=True)
class Section:
    """The index's links for one language."""

    lang: str
    language: str
    people: tuple[Link, ...]
    organizations: tuple[Link, ...]
    documents: tuple[Link, ...]


class _Writer:
    def __init__(self, out_dir: Path, settings: OutputSettings, pdfs: PdfPool) -> None:
        self.out_dir = out_dir
        self.settings = settings
        self.css = STYLESHEET.read_text(encoding="utf-8")
        self.pdfs = pdfs

    def page(
        self, relative: str, template: str, lang: str, pdf: bool, **context: Any
    ) -> list[tuple[str, str]]:
        """Write ``relative``.html (and queue its PDF); the (format, path) pairs written."""
        path = self.out_dir / f"{relative}.html"
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(render(template, lang, inline_css=self.css, **context), encoding="utf-8")
        files = [("HTML", f"{relative}.html")]
        if pdf and self.settings.pdf:
            html = render(template, lang, inline_css="", for_pdf=True, **context)
            self.pdfs.submit(PdfJob(html, self.out_dir / f"{relative}.pdf"))
            files.append(("PDF", f"{relative}.pdf"))
        return files


def _languages(event: Event, person_ids: Sequence[str], langs: Sequence[str]) -> tuple[str, ...]:
    """Delegates read every language; hosts the ones they list, else English (or the first)."""
    sides = {o.id: o.side for o in event.organizations}
    wanted: set[str] = set()
    for person_id in person_ids:
        person = event.person(person_id)
        if sides.get(person.organization) is not Side.HOST:
            return tuple(langs)
        wanted |= set(person.languages)
    chosen = tuple(lang for lang in langs if lang in wanted)
    return chosen or (("en",) if "en" in langs else tuple(langs[:1]))


def _is_host(event: Event, person_ids: Sequence[str]) -> bool:
    sides = {o.id: o.side for o in event.organizations}
    return bool(person_ids) and all(
        sides.get(event.person(p).organization) is Side.HOST for p in person_ids
    )


def write_outputs(
    event: Event,
    schedule: Schedule,
    out_dir: Path,
    langs: Sequence[str] = ("ar", "fr", "en"),
    settings: OutputSettings | None = None,
    progress: Progress | None = None,
    *,
    pdfs: PdfPool | None = None,
    report_extra: Callable[[str], dict[str, Any]] | None = None,
) -> Path:
    """Write agendas, calendars, grids, sheets, report and communiqué; return the index path.

    PDFs are rendered by ``settings.workers`` processes and written before this returns;
    with ``pdfs``, a pool the caller entered, they are queued on it instead and written
    when the caller calls ``pdfs.finish()`` (``settings.workers`` is then not used).
    ``report_extra(lang)``: more variables of the report in ``lang`` (the web's proof of
    quality), so that its report is the one the web prints.
    """
    settings = settings or OutputSettings()
    out_dir.mkdir(parents=True, exist_ok=True)
    items = timeline(event, schedule)
    people = [p for p in event.people if any(subject(event, p.id).involved_in(i) for i in items)]
    orgs = [
        o for o in event.organizations if any(subject(event, o.id).involved_in(i) for i in items)
    ]
    person_langs = {p.id: _languages(event, [p.id], langs) for p in people}
    org_langs = {o.id: _languages(event, [p.id for p in event.members(o.id)], langs) for o in orgs}
    # Each host's visit sheet is printed only in the languages its staff read (most read
    # only English: the French and Arabic documents were 2/3 of the host sheets' pages).
    sheet_langs = {o.id: org_langs[o.id] for o in orgs if o.side is not Side.DELEGATION}
    hosts = [p.id for p in event.people if _is_host(event, [p.id])]
    host_langs = tuple(lang for lang in langs if any(lang in v for v in sheet_langs.values()))
    if not host_langs and hosts:
        host_langs = _languages(event, hosts, langs)
    total_steps = (
        sum(map(len, person_langs.values()))
        + sum(map(len, org_langs.values()))
        + 5 * len(langs)
        + len(host_langs)
        + 1
    )
    done = 0

    def step(what: str) -> None:
        nonlocal done
        done += 1
        if progress is not None:
            progress(done, total_steps, what)

    own_pool = pdfs is None
    workers = settings.workers if settings.pdf else 1
    with PdfPool(workers) if pdfs is None else nullcontext(pdfs) as pool:
        writer = _Writer(out_dir, settings, pool)
        # Organizer documents first: they are the longest PDFs, so workers start on them.
        documents_by_lang: dict[str, list[Link]] = {}
        for lang in langs:
            t = translator(lang)
            title = pick(event.title, lang)
            documents: list[Link] = []
            # Each context is made when its document is written, so the first PDFs are
            # queued before the report's charts are drawn.
            documents_spec: tuple[tuple[str, str, str, Callable[[str], dict[str, Any]]], ...] = (
                (
                    "table-plan",
                    "tableplan.html",
                    t.gettext("Table plan"),
                    lambda lang: {"slots": table_plan(event, schedule, lang)},
                ),
                (
                    "host-sheets",
                    "hostsheets.html",
                    t.gettext("Host visit sheets"),
                    lambda lang: {
                        "sheets": [
                            sheet
                            for sheet in host_sheets(event, schedule, lang)
                            if lang in sheet_langs.get(sheet.host_id, host_langs)
                        ]
                    },
                ),
                (
                    "run-sheet",
                    "runsheet.html",
                    t.gettext("Run sheet"),
                    lambda lang: {"days": run_sheets(event, schedule, lang)},
                ),
                (
                    "report",
                    "report.html",
                    report_heading(event, lang),
                    lambda lang: {
                        **report_context(event, schedule, lang),
                        **(report_extra(lang) if report_extra is not None else {}),
                    },
                ),
            )
            for name, template, label, make_context in documents_spec:
                if name == "host-sheets" and lang not in host_langs:
                    continue  # printed for the hosts, in the languages they read
                context = make_context(lang)
                context.setdefault("title", title)
                files = writer.page(f"{lang}/{name}", template, lang, True, **context)
                documents.append(Link(label, tuple(files)))
                step(name)
            # The grid (HTML and XLSX, no PDF) after the documents whose PDFs the workers
            # can start on; it still comes first in the index.
            grid = build_grid(event, schedule, lang)
            files = writer.page(f"{lang}/grid", "grid.html", lang, False, grid=grid)
            write_grid_xlsx(grid, lang, out_dir / lang / "grid.xlsx")
            documents.insert(
                0, Link(t.gettext("Master grid"), (*files, ("XLSX", f"{lang}/grid.xlsx")))
            )
            step("grid")
            communique = build_communique(event, schedule, lang)
            files = writer.page(
                f"{lang}/communique", "communique.html", lang, False, communique=communique
            )
            (out_dir / lang / "communique.txt").write_text(communique.as_text(), encoding="utf-8")
            documents.append(
                Link(t.gettext("Communiqué"), (*files, ("TXT", f"{lang}/communique.txt")))
            )
            step("communique")
            documents_by_lang[lang] = documents
        sections = []
        for lang in langs:
            person_links = []
            for person in people:
                if lang not in person_langs[person.id]:
                    continue
                relative = f"{lang}/agendas/{person.id}"
                agenda = build_agenda(event, schedule, person.id, lang, settings)
                pdf = not _is_host(event, [person.id]) or settings.host_pdfs
                files = writer.page(relative, "agenda.html", lang, pdf, agenda=agenda)
                path = out_dir / f"{relative}.ics"
                write_calendar(event, schedule, person.id, lang, path, settings, agenda)
                files.append(("ICS", f"{relative}.ics"))
                person_links.append(Link(labels.person_name(person, lang), tuple(files)))
                step(agenda.name)
            org_links = []
            for org in orgs:
                members = [p.id for p in event.members(org.id)]
                if lang not in org_langs[org.id]:
                    continue
                relative = f"{lang}/organizations/{org.id}"
                agenda = build_agenda(event, schedule, org.id, lang, settings)
                pdf = settings.organization_pdfs and (
                    not _is_host(event, members) or settings.host_pdfs
                )
                files = writer.page(relative, "agenda.html", lang, pdf, agenda=agenda)
                path = out_dir / f"{relative}.ics"
                write_calendar(event, schedule, org.id, lang, path, settings, agenda)
                files.append(("ICS", f"{relative}.ics"))
                org_links.append(Link(labels.org_name(org, lang), tuple(files)))
                step(agenda.name)
            language = Locale.parse(lang).get_display_name(lang) or lang
            sections.append(
                Section(
                    lang,
                    language,
                    tuple(person_links),
                    tuple(org_links),
                    tuple(documents_by_lang[lang]),
                )
            )
        if own_pool:
            total_steps += pool.count
            pool.finish(lambda path: step(path.name))
    index = out_dir / "index.html"
    index_lang = langs[0] if langs else "en"
    index.write_text(
        render(
            "index.html",
            index_lang,
            inline_css=STYLESHEET.read_text(encoding="utf-8"),
            title=pick(event.title, index_lang),
            sections=sections,
            version=schedule.version,
        ),
        encoding="utf-8",
    )
    step("index")
    return index
