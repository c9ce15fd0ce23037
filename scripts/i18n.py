"""Maintain liqa's one gettext catalog (domain ``django``) in ar, fr and en.

Run from the repository root:

    uv run python scripts/i18n.py extract   # sources -> src/liqa/locale/django.pot
    uv run python scripts/i18n.py update    # merge the .pot into every django.po
    uv run python scripts/i18n.py compile   # django.po -> django.mo (committed)
    uv run python scripts/i18n.py check     # untranslated / fuzzy counts, exit 1 if any in ar/fr
    uv run python scripts/i18n.py all       # extract, update, compile, check

Strings are found in Python (``_``, ``gettext``, ``ngettext``, ``pgettext``, ``npgettext``,
their ``_lazy`` Django variants, ``gettext_noop``/``pgettext_noop``/``npgettext_noop`` and
the core's ``Message`` for messages about bad input) and in Jinja2
templates (``{% trans %}`` and ``_()``), configured in ``scripts/babel.cfg``.
"""

from __future__ import annotations

import os
import sys
from pathlib import Path

from babel.messages.frontend import CommandLineInterface
from babel.messages.pofile import read_po

ROOT = Path(__file__).resolve().parent.parent
LOCALE = ROOT / "src" / "liqa" / "locale"
POT = LOCALE / "django.pot"
LANGS = ("ar", "fr", "en")
COMPLETE = ("ar", "fr")
KEYWORDS = (
    "gettext_lazy",
    "ngettext_lazy:1,2",
    "pgettext_lazy:1c,2",
    "npgettext_lazy:1c,2,3",
    "gettext_noop",
    "pgettext_noop:1c,2",
    "npgettext_noop:1c,2,3",
    "Message",
    "PluralMessage:1,2",
)


def _babel(*args: str) -> None:
    os.chdir(ROOT)  # locations in the catalog are relative to the repository root
    CommandLineInterface().run(["pybabel", "-q", *args])  # type: ignore[no-untyped-call]


def extract() -> None:
    """Collect every translatable string into the template catalog."""
    keywords = [arg for keyword in KEYWORDS for arg in ("-k", keyword)]
    _babel(
        "extract",
        "-F",
        str(ROOT / "scripts" / "babel.cfg"),
        *keywords,
        "--no-wrap",
        "--add-location=file",
        "--sort-by-file",
        "--project=liqa",
        "--copyright-holder=The liqa authors",
        "-o",
        str(POT.relative_to(ROOT)),
        ".",
    )


def update() -> None:
    """Merge the template into each language (new strings appear untranslated)."""
    for lang in LANGS:
        po = LOCALE / lang / "LC_MESSAGES" / "django.po"
        if po.exists():
            _babel(
                "update",
                "-D",
                "django",
                "-i",
                str(POT),
                "-d",
                str(LOCALE),
                "-l",
                lang,
                "--no-wrap",
                "--ignore-obsolete",
                "--no-fuzzy-matching",
            )
        else:
            _babel(
                "init", "-D", "django", "-i", str(POT), "-d", str(LOCALE), "-l", lang, "--no-wrap"
            )


def compile_() -> None:
    """Compile every ``django.po`` to the ``django.mo`` that gettext and Django read."""
    _babel("compile", "-D", "django", "-d", str(LOCALE), "--statistics")


def check() -> int:
    """Print untranslated and fuzzy counts; 1 when ar or fr is incomplete."""
    status = 0
    for lang in LANGS:
        with (LOCALE / lang / "LC_MESSAGES" / "django.po").open("rb") as handle:
            catalog = read_po(handle)
        messages = [m for m in catalog if m.id]
        untranslated = [
            m for m in messages if not all(m.string if isinstance(m.string, tuple) else (m.string,))
        ]
        fuzzy = [m for m in messages if m.fuzzy]
        print(
            f"{lang}: {len(messages)} messages, {len(untranslated)} untranslated, "
            f"{len(fuzzy)} fuzzy"
        )
        if lang in COMPLETE and (untranslated or fuzzy):
            for message in untranslated + fuzzy:
                print(f"  {message.id!r}")
            status = 1
    return status


def main(argv: list[str]) -> int:
    command = argv[1] if len(argv) > 1 else "all"
    if command in ("extract", "all"):
        extract()
    if command in ("update", "all"):
        update()
    if command in ("compile", "all"):
        compile_()
    if command in ("check", "all"):
        return check()
    if command not in ("extract", "update", "compile", "check", "all"):
        print(__doc__)
        return 2
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
