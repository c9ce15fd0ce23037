"""A PDF's reuse key covers the fonts WeasyPrint lays text out with: after a font package's
upgrade, a document whose HTML is unchanged is rendered again, not taken from a zip built
with the old fonts (the key covered the HTML, the stylesheet and WeasyPrint's version only).

The fonts are read through fontconfig, as WeasyPrint reads them: each process here is given
its own configuration (``FONTCONFIG_FILE``) naming one font directory of this test's."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from liqa.core.outputs import pdf
from liqa.core.outputs.pdf import PdfJob, PdfPool, pdf_key

KEY = "from liqa.core.outputs.pdf import pdf_key; print(pdf_key('<p>Agenda</p>'))"


def _key_with_fonts(config: Path) -> str:
    """The key of one document in a new process whose fontconfig reads ``config``."""
    env = {**os.environ, "FONTCONFIG_FILE": str(config)}
    done = subprocess.run(
        [sys.executable, "-c", KEY], env=env, capture_output=True, text=True, check=True
    )
    return done.stdout.strip()


@pytest.fixture
def fonts(tmp_path: Path) -> tuple[Path, Path]:
    """A fontconfig configuration with one font directory: (the configuration, the folder)."""
    folder = tmp_path / "fonts"
    folder.mkdir()
    (folder / "Sans-Regular.ttf").write_bytes(b"\0\1\0\0" + b"version 1" * 100)
    config = tmp_path / "fonts.conf"
    config.write_text(
        '<?xml version="1.0"?>\n<!DOCTYPE fontconfig SYSTEM "fonts.dtd">\n<fontconfig>\n'
        f"  <dir>{folder}</dir>\n  <cachedir>{tmp_path / 'cache'}</cachedir>\n"
        "</fontconfig>\n",
        encoding="utf-8",
    )
    return config, folder


def test_a_font_upgraded_changes_the_key_of_an_unchanged_document(
    fonts: tuple[Path, Path],
) -> None:
    config, folder = fonts
    before = _key_with_fonts(config)
    assert _key_with_fonts(config) == before  # the same fonts: the same key, in any process
    font = folder / "Sans-Regular.ttf"
    font.write_bytes(b"\0\1\0\0" + b"version 2" * 120)  # the package upgraded
    upgraded = _key_with_fonts(config)
    assert upgraded != before
    (folder / "Naskh-Regular.ttf").write_bytes(b"\0\1\0\0" + b"arabic" * 50)  # one installed
    installed = _key_with_fonts(config)
    assert installed not in (before, upgraded)
    font.unlink()  # one removed
    assert _key_with_fonts(config) not in (before, upgraded, installed)


def test_a_document_kept_under_other_fonts_is_rendered_again(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    html = "<p>Agenda</p>"
    kept = {pdf_key(html): b"%PDF- laid out with the fonts of before"}
    with PdfPool(1, reuse=kept.get) as pool:  # the same fonts: taken, not rendered
        pool.submit(PdfJob(html, tmp_path / "same.pdf"))
        pool.finish()
    assert pool.reused == 1
    assert (tmp_path / "same.pdf").read_bytes() == kept[pdf_key(html)]

    monkeypatch.setattr(pdf, "fonts_digest", lambda: b"the fonts after an upgrade")
    assert pdf_key(html) not in kept
    with PdfPool(1, reuse=kept.get) as pool:
        pool.submit(PdfJob(html, tmp_path / "upgraded.pdf"))
        pool.finish()
    assert pool.reused == 0
    rendered = (tmp_path / "upgraded.pdf").read_bytes()
    assert rendered.startswith(b"%PDF-")
    assert rendered not in kept.values()


def test_the_fonts_digest_is_read_once_per_process() -> None:
    assert pdf.fonts_digest() is pdf.fonts_digest()
    assert pdf.fonts_digest() != b"no fontconfig"  # WeasyPrint's fontconfig is found here
