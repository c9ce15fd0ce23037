"""A fingerprint of the code that makes a version's outputs, beside liqa's version number.

The outputs zip is named by a digest of what it is made from (``exports.outputs_digest``);
on a development checkout liqa's version stays the same while the core's output templates
(``liqa.core.templating.TEMPLATE_DIR``, the PDFs' stylesheet ``style.css`` among them) and
the compiled catalogs (``liqa/locale/<lang>/LC_MESSAGES/*.mo``, read by the core and by
Django) change. Their contents (not their modification times: a checkout rewrites those)
are hashed once per process: a process reads its catalogs once too (``gettext`` and Django
keep them), so a changed catalog reaches the outputs with the next process, and so does the
fingerprint.
"""

from __future__ import annotations

import hashlib
from collections.abc import Mapping
from functools import cache
from pathlib import Path

import liqa
from liqa.core import i18n, templating
from liqa.core.outputs import pdf


def output_code_files() -> dict[str, Path]:
    """The files the outputs are made with, besides the Python code, by a name that does
    not depend on where liqa is installed: every file under the core's output templates,
    the PDFs' stylesheet and the compiled catalogs."""
    templates, locale = Path(templating.TEMPLATE_DIR), Path(i18n.LOCALE_DIR)
    found = {
        f"templates/{path.relative_to(templates).as_posix()}": path
        for path in templates.rglob("*")
        if path.is_file()
    }
    found[f"stylesheet/{Path(pdf.STYLESHEET).name}"] = Path(pdf.STYLESHEET)
    for path in locale.glob("*/LC_MESSAGES/*.mo"):
        found[f"locale/{path.relative_to(locale).as_posix()}"] = path
    return found


def files_digest(files: Mapping[str, Path]) -> str:
    """A digest of the files' names and contents, in the names' order (a file gone counts
    as empty)."""
    digest = hashlib.sha256()
    for name in sorted(files):
        try:
            data = files[name].read_bytes()
        except FileNotFoundError:
            data = b""
        digest.update(f"{name}\0{len(data)}\0".encode())
        digest.update(data)
    return digest.hexdigest()[:20]


@cache
def code_fingerprint() -> str:
    """liqa's version and the digest of :func:`output_code_files`, computed once per
    process (``code_fingerprint.cache_clear()`` computes it again)."""
    return f"{liqa.__version__}+{files_digest(output_code_files())}"
