"""``exports.KeptPdfs`` opens each zip built before once per build, not once per PDF taken
from it (each opening read the zip's directory of some 350 members again: 250 ms for the
demo's 78 PDFs against 2 ms, ``benchmarks/results/pages.md``)."""

from __future__ import annotations

import json
import zipfile
from pathlib import Path

import pytest

from liqa.web.scheduling.exports import PDF_KEYS, KeptPdfs

PDFS = {"en/agenda.pdf": "k-agenda", "fr/agenda.pdf": "k-agenda-fr", "en/report.pdf": "k-report"}


def _zip(folder: Path, name: str, pdfs: dict[str, str]) -> Path:
    """A zip built before: its PDFs (bytes naming their member) and its ``.pdfs.json``."""
    path = folder / f"{name}.zip"
    with zipfile.ZipFile(path, "w") as archive:
        for member in pdfs:
            archive.writestr(member, f"%PDF- {member}")
        archive.writestr("en/agenda.ics", "BEGIN:VCALENDAR")
    (folder / f"{name}{PDF_KEYS}").write_text(json.dumps(pdfs), encoding="utf-8")
    return path


def test_each_zip_is_opened_once_for_every_pdf_taken_from_it(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    _zip(tmp_path, "v1-aaaa", PDFS)
    _zip(tmp_path, "v2-bbbb", {"en/host.pdf": "k-host"})
    opened: list[str] = []

    class Counted(zipfile.ZipFile):
        def __init__(self, file: str | Path, *args: object, **kwargs: object) -> None:
            opened.append(Path(file).name)
            super().__init__(file)

    monkeypatch.setattr(zipfile, "ZipFile", Counted)
    kept = KeptPdfs(tmp_path)
    for member, key in PDFS.items():
        assert kept(key) == f"%PDF- {member}".encode()
    assert kept("k-agenda") == b"%PDF- en/agenda.pdf"  # asked again
    assert kept("k-unknown") is None
    assert opened == ["v1-aaaa.zip"]  # v2's zip holds none of them: not opened
    assert kept("k-host") == b"%PDF- en/host.pdf"
    assert opened == ["v1-aaaa.zip", "v2-bbbb.zip"]
    kept.close()


def test_a_zip_removed_before_it_is_opened_gives_nothing_once_opened_it_is_read(
    tmp_path: Path,
) -> None:
    first = _zip(tmp_path, "v1-aaaa", PDFS)
    second = _zip(tmp_path, "v2-bbbb", {"en/host.pdf": "k-host"})
    with KeptPdfs(tmp_path) as kept:
        assert kept("k-agenda") == b"%PDF- en/agenda.pdf"
        first.unlink()  # another build removed both meanwhile
        second.unlink()
        assert kept("k-report") == b"%PDF- en/report.pdf"  # opened before: still readable
        assert kept("k-host") is None


def test_the_zips_are_closed_with_the_build(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    _zip(tmp_path, "v1-aaaa", PDFS)
    archives: list[zipfile.ZipFile] = []

    class Kept(zipfile.ZipFile):
        def __init__(self, file: str | Path, *args: object, **kwargs: object) -> None:
            archives.append(self)
            super().__init__(file)

    monkeypatch.setattr(zipfile, "ZipFile", Kept)
    with KeptPdfs(tmp_path) as kept:
        assert kept("k-report") is not None
        assert kept("k-agenda") is not None
        assert len(archives) == 1
        assert archives[0].fp is not None  # open for the PDFs still to come
    assert archives[0].fp is None
