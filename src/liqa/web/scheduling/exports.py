"""Organizer downloads: the mission file, and every output of a version as one zip.

The zip holds everything the core's :func:`write_outputs` writes, PDFs included (agendas of
people and organizations in each language, table plan, host and run sheets, report). PDF
layout takes a minute or more for a whole mission (WeasyPrint's layout of each document:
nearly all of the time), so the PDFs are rendered by the core's pool of worker processes,
one per core, started before the event is read; and the zip is built by a background task
(:func:`build_outputs`) and kept in the data directory under ``outputs/<event>/``, named
by the version and a digest of everything it is made from (the event's records, outcomes
included, the version's assignments and provenance, the proof of quality the report states,
the languages, the server address): asking again for an unchanged version serves the file
at once; after an edit of the event, the next request builds anew. The digest is of the
records the zip was built from, so a zip found under the digest of the data as they are now
holds their documents: the report page's PDF (:func:`kept_report_pdf`) is served from it.
The page asks for the digest every 3 s while a zip is built: it is then read from what the
records and the proof are made of (:mod:`~liqa.web.scheduling.digest_inputs`: a few
queries, the event's share kept under its data stamp), not from the records themselves.
The code that makes the outputs counts too: liqa's version and the contents of the output
templates, the PDFs' stylesheet and the catalogs (:mod:`~liqa.web.scheduling.fingerprint`).

Beside each zip, ``<zip name>.pdfs.json`` names each of its PDFs by the key of what it was
rendered from (:func:`~liqa.core.outputs.pdf.pdf_key`: its HTML, the stylesheet,
WeasyPrint's version, the fonts). A build takes from the event's zips kept there every PDF
of the same key instead of laying it out again: after an outcome is recorded, say, only
the reports change, and the other documents come from the previous zip (the same text;
their creation date is the earlier build's). A document whose HTML changed has another key
and is rendered; so is every document after the fonts changed (and the server restarted).
"""

from __future__ import annotations

import hashlib
import io
import json
import logging
import os
import tempfile
import time
import zipfile
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from django.conf import settings
from django.utils import translation

from liqa.core import model as core
from liqa.core.missionfile.writing import dumps_event
from liqa.core.outputs.pdf import PdfPool
from liqa.core.outputs.settings import OutputSettings, default_workers
from liqa.core.outputs.write import write_outputs
from liqa.web.events.models import Event
from liqa.web.events.records import event_record
from liqa.web.scheduling import digest_inputs as inputs
from liqa.web.scheduling.fingerprint import code_fingerprint
from liqa.web.scheduling.models import ScheduleVersion
from liqa.web.scheduling.proofs import VersionProof, version_proof
from liqa.web.scheduling.records import schedule_record

log = logging.getLogger(__name__)

LANGS = ("ar", "fr", "en")
PDF_NICENESS = 10
"""How much lower the zip's PDF workers run than the web's processes (``os.nice``): a
background build then takes only the CPU that requests leave; but no lower than
:data:`PDF_MAX_NICENESS`."""
PDF_MAX_NICENESS = 10
"""The highest nice value the zip's PDF workers are given (a server running higher keeps
them at its own): under a server at the default priority (0) they run at 10, as 10 steps
lower put them; under a server already niced (15, say) they stay at its level instead of
19, where any other process of the machine took the CPU before them (a nice 0 one weighs
68 times as much: 1024 against 15) and a zip took minutes under load. A niced server has
said its work comes after the machine's other work; the zip is work an organizer waits
for (the page polls it)."""
STALE_SECONDS = 3600
"""A build that left its marker this long ago is taken as dead (a killed worker)."""


def mission_file(row: Event) -> str:
    """The event as it is stored now, as a mission file (YAML)."""
    return dumps_event(event_record(row))


def output_settings() -> OutputSettings:
    """Every output with its PDFs (organizations' agendas too), rendered by one worker
    process per core (:func:`~liqa.core.outputs.settings.default_workers`)."""
    return OutputSettings(
        live_url_pattern=settings.BASE_URL + "/me/{event}/",
        pdf=True,
        organization_pdfs=True,
        workers=default_workers(),
    )


@dataclass(frozen=True)
class Material:
    """What a version's outputs are made from, read once: the build and its digest."""

    event: core.Event
    schedule: core.Schedule
    proofs: dict[str, VersionProof | None]
    """The report's proof of quality in each language (:func:`version_proof`)."""
    proof_inputs: inputs.ProofInputs
    """What the proofs are worded from (read before them: the digest's share of them)."""

    def report_extra(self, lang: str) -> dict[str, Any]:
        """The report's variables beside the core's, as the web's report.pdf has them."""
        return {"proof": self.proofs.get(lang)}


def material(version: ScheduleVersion) -> Material:
    """The records and proofs of ``version`` as they are now (the records and the proofs'
    inputs read before the proofs: a change made meanwhile gives the zip's documents a
    newer digest than its name, so the zip is not taken for theirs)."""
    event, schedule = event_record(version.event), schedule_record(version)
    read = inputs.proof_inputs(version)
    proofs: dict[str, VersionProof | None] = {}
    for lang in LANGS:
        with translation.override(lang):
            proofs[lang] = version_proof(version, lang)
    return Material(event, schedule, proofs, read)


def outputs_digest(version: ScheduleVersion, made: Material | None = None) -> str:
    """A digest of what the version's outputs are made from (changes when any of it does):
    the event's records, the version's row and assignments, what its proof of quality is
    worded from, the languages, the server's address and the code that makes the outputs
    (:func:`~liqa.web.scheduling.fingerprint.code_fingerprint`); taken from ``made``, else
    read as they are now without building the records or wording the proofs (the outputs
    page asks for it every few seconds)."""
    if made is not None:
        event = inputs.event_part(made.event)
        assignments = inputs.assignments_part(made.schedule)
        proof = made.proof_inputs
    else:
        event = inputs.event_part_now(version.event)
        assignments = inputs.assignments_now(version.pk)
        proof = inputs.proof_inputs(version)
    published = version.published_at
    stuff = {
        "event": [event.record, event.starts],
        "assignments": assignments,
        "provenance": version.provenance,
        "unplaced": version.unplaced,
        "proof": {"run": proof.run, "base": proof.base, "hand_moves": version.hand_moves},
        "number": version.number,
        "published": published.isoformat() if published is not None else None,
        "langs": LANGS,
        "base_url": settings.BASE_URL,
        "code": code_fingerprint(),
    }
    text = json.dumps(stuff, sort_keys=True, default=str)
    return hashlib.sha256(text.encode()).hexdigest()[:20]


def _folder(version: ScheduleVersion) -> Path:
    return Path(settings.DATA_DIR) / "outputs" / version.event.slug


PDF_KEYS = ".pdfs.json"
"""The suffix of the file beside a zip naming its PDFs' keys (``{member: key}``)."""


def _keys_path(zip_path: Path) -> Path:
    return zip_path.with_name(zip_path.name.removesuffix(".zip") + PDF_KEYS)


class KeptPdfs:
    """The PDFs of the zips already built for an event, by key (:func:`pdf_key`), read
    from their zip when asked (``None`` when none has the key, or its zip is gone).

    Every ``.pdfs.json`` of the folder is read at once (a few KB each: 0.2 ms for one zip,
    15-45 ms for 200, against 0.1-1 s for a single PDF laid out); each zip is opened once, when
    a PDF is first taken from it, and kept open until :meth:`close` (or the ``with`` block)
    ends: opening it again for each PDF read its directory of some 350 members each time
    (250 ms for 78 PDFs against 2 ms). A zip removed by another build once opened is still
    read (the file stays until closed); one removed before is not."""

    def __init__(self, folder: Path) -> None:
        self.found: dict[str, tuple[Path, str]] = {}
        self._archives: dict[Path, zipfile.ZipFile | None] = {}
        for keys in sorted(folder.glob(f"*{PDF_KEYS}")):
            zipped = keys.with_name(keys.name.removesuffix(PDF_KEYS) + ".zip")
            try:
                named = json.loads(keys.read_text(encoding="utf-8"))
            except (OSError, ValueError):  # removed meanwhile, or cut short: not used
                continue
            if isinstance(named, dict):
                for member, key in named.items():
                    self.found[str(key)] = (zipped, str(member))

    def _archive(self, zipped: Path) -> zipfile.ZipFile | None:
        if zipped not in self._archives:
            try:
                self._archives[zipped] = zipfile.ZipFile(zipped)
            except (OSError, zipfile.BadZipFile):  # removed by a build meanwhile
                self._archives[zipped] = None
        return self._archives[zipped]

    def __call__(self, key: str) -> bytes | None:
        if key not in self.found:
            return None
        zipped, member = self.found[key]
        archive = self._archive(zipped)
        if archive is None:
            return None
        try:
            return archive.read(member)
        except (OSError, KeyError, zipfile.BadZipFile):  # not in it after all, or damaged
            return None

    def close(self) -> None:
        """Close the zips opened."""
        for archive in self._archives.values():
            if archive is not None:
                archive.close()
        self._archives.clear()

    def __enter__(self) -> KeptPdfs:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()


@dataclass(frozen=True)
class Built:
    """A zip's bytes and its PDFs' keys by member (what ``.pdfs.json`` holds)."""

    data: bytes
    pdf_keys: dict[str, str]
    reused: int
    """PDFs taken from a zip built before."""


def _path(version: ScheduleVersion, digest: str) -> Path:
    return _folder(version) / f"v{version.number}-{digest}.zip"


@dataclass(frozen=True)
class OutputsState:
    """Where the zip of a version stands: ready (its path), being built, or failed."""

    path: Path
    building: bool = False
    failed: str = ""

    @property
    def ready(self) -> bool:
        """True when the zip can be served."""
        return self.path.exists()


def outputs_state(version: ScheduleVersion) -> OutputsState:
    """The state of the zip of ``version`` as it is now (nothing is started)."""
    path = _path(version, outputs_digest(version))
    marker = path.with_suffix(".building")
    failure = path.with_suffix(".failed")
    building = marker.exists() and time.time() - marker.stat().st_mtime < STALE_SECONDS
    failed = failure.read_text(encoding="utf-8") if failure.exists() else ""
    return OutputsState(path, building=building and not path.exists(), failed=failed)


def request_outputs(version: ScheduleVersion, *, retry: bool = False) -> OutputsState:
    """The zip's state, starting its build when it is neither ready nor being built.

    A failed build is reported, not restarted, unless ``retry``. With no worker (the
    immediate task backend) the build runs now and the state returned is ready.
    """
    from liqa.web.scheduling.tasks import build_outputs_task

    state = outputs_state(version)
    if state.ready or state.building or (state.failed and not retry):
        return state
    state.path.parent.mkdir(parents=True, exist_ok=True)
    state.path.with_suffix(".failed").unlink(missing_ok=True)
    marker = state.path.with_suffix(".building")
    marker.unlink(missing_ok=True)  # a stale marker of a dead build
    try:
        os.close(os.open(marker, os.O_CREAT | os.O_EXCL | os.O_WRONLY))
    except FileExistsError:  # another request started it a moment ago
        return outputs_state(version)
    build_outputs_task.enqueue(version.pk)
    return outputs_state(version)


def outputs_zip(version: ScheduleVersion, made: Material | None = None) -> bytes:
    """Agendas, calendars, grids, sheets, report and communiqué of a version, zipped, from
    ``made`` (else the material as it is now); the report states the proof of quality.
    The PDFs of the zips built before for the event are reused where their keys match."""
    return build_zip(version, made).data


def build_zip(version: ScheduleVersion, made: Material | None = None) -> Built:
    """The zip of :func:`outputs_zip`, with its PDFs' keys.

    The PDF workers start first: they load WeasyPrint and the fonts while this process
    reads the event, then render each PDF as soon as its HTML is made, but those the
    event's zips built before hold under the same key (:class:`KeptPdfs`).
    """
    chosen = output_settings()
    buffer = io.BytesIO()
    with (
        tempfile.TemporaryDirectory(prefix="liqa-outputs-") as tmp,
        KeptPdfs(_folder(version)) as kept,
        # left (jobs done) before tmp is removed
        PdfPool(chosen.workers, PDF_NICENESS, reuse=kept, max_niceness=PDF_MAX_NICENESS) as pdfs,
    ):
        root = Path(tmp)
        made = made or material(version)
        extra = made.report_extra
        write_outputs(made.event, made.schedule, root, LANGS, chosen, pdfs=pdfs, report_extra=extra)
        pdfs.finish()
        with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
            for path in sorted(root.rglob("*")):
                if path.is_file():
                    archive.write(path, path.relative_to(root).as_posix())
        keys = {path.relative_to(root).as_posix(): key for path, key in pdfs.keys.items()}
        reused = pdfs.reused
    return Built(buffer.getvalue(), keys, reused)


def build_outputs(version_id: int) -> Path:
    """Build the zip of a version into the data directory (atomically); return its path.

    The zip is named by the digest of the records it is built from (read once), so an edit
    made during the build does not leave the older documents under the newer digest.
    Older zips of the same version are removed; a failure is recorded for the page to show.
    """
    version = ScheduleVersion.objects.select_related("event").get(pk=version_id)
    state = outputs_state(version)
    marker, failure = state.path.with_suffix(".building"), state.path.with_suffix(".failed")
    state.path.parent.mkdir(parents=True, exist_ok=True)
    made = material(version)
    built = _path(version, outputs_digest(version, made))
    try:
        built_zip = build_zip(version, made)
    except Exception as error:  # the page must say the build failed, not wait forever
        log.exception("outputs of %s failed", version)
        failure.write_text(f"{type(error).__name__}: {error}", encoding="utf-8")
        marker.unlink(missing_ok=True)
        raise
    partial = built.with_suffix(".partial")
    keys = _keys_path(built)
    partial.write_text(json.dumps(built_zip.pdf_keys, sort_keys=True), encoding="utf-8")
    partial.replace(keys)  # before the zip: a zip is never found without its keys
    partial.write_bytes(built_zip.data)
    partial.replace(built)
    for old in built.parent.glob(f"v{version.number}-*"):
        if old not in (built, keys) and (
            old.suffix in (".zip", ".building", ".failed") or old.name.endswith(PDF_KEYS)
        ):
            old.unlink(missing_ok=True)  # outputs of this version before an edit, their markers
    marker.unlink(missing_ok=True)
    return built


def kept_report_pdf(version: ScheduleVersion, lang: str) -> bytes | None:
    """The report PDF of ``version`` in ``lang`` from its built zip, when the zip of the
    data as they are now is built (the document the report page would print: the same
    records, outcomes, proof and language); None otherwise (not built, another language)."""
    if lang not in LANGS:
        return None
    path = outputs_state(version).path
    try:
        with zipfile.ZipFile(path) as archive:
            return archive.read(f"{lang}/report.pdf")
    except (FileNotFoundError, KeyError, zipfile.BadZipFile):  # not built, or removed since
        return None


def communique_drafts(row: Event) -> dict[str, str]:
    """The core's communiqué drafts (ar, fr, en) from the latest published version."""
    from liqa.core.outputs.communique import build_communique
    from liqa.web.scheduling.services import latest_published

    version = latest_published(row)
    if version is None:
        return {}
    event, schedule = event_record(row), schedule_record(version)
    return {lang: build_communique(event, schedule, lang).as_text() for lang in ("ar", "fr", "en")}
