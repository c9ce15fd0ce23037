"""The one gettext catalog: complete in ar and fr, compiled, and covering every source string."""

from __future__ import annotations

import gettext
import shutil
import subprocess
from datetime import datetime, timedelta
from io import BytesIO
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest
from babel.messages.catalog import Catalog
from babel.messages.extract import extract_from_dir
from babel.messages.pofile import read_po

from liqa.core.i18n import DOMAIN, LOCALE_DIR, is_rtl, supported_languages, translator
from liqa.core.templating import render

ROOT = Path(__file__).resolve().parents[3]
KEYWORDS = {
    "_": None,
    "gettext": None,
    "ngettext": (1, 2),
    "pgettext": ((1, "c"), 2),
    "npgettext": ((1, "c"), 2, 3),
    "gettext_lazy": None,
    "ngettext_lazy": (1, 2),
    "pgettext_lazy": ((1, "c"), 2),
    "gettext_noop": None,
    "pgettext_noop": ((1, "c"), 2),
    "Message": None,  # a problem's words (liqa.core.problems), translated when shown
    "PluralMessage": (1, 2),  # the same, in the plural form for its number
}

# a catalog message's key: its context (or None) and its msgid, or (msgid, msgid_plural)
_Key = tuple[str | None, str | tuple[str, ...]]


def _catalog(lang: str) -> Catalog:
    with (LOCALE_DIR / lang / "LC_MESSAGES" / f"{DOMAIN}.po").open("rb") as handle:
        return read_po(handle)


def _untranslated(lang: str) -> list[str]:
    out = []
    for message in _catalog(lang):
        if not message.id:
            continue
        strings = message.string if isinstance(message.string, tuple) else (message.string,)
        if not all(strings) or message.fuzzy:
            out.append(str(message.id))
    return out


def test_catalog_languages_are_ar_fr_en() -> None:
    assert supported_languages() == ("ar", "fr", "en")


@pytest.mark.parametrize("lang", ["ar", "fr"])
def test_catalog_has_no_untranslated_or_fuzzy_message(lang: str) -> None:
    assert _untranslated(lang) == []


@pytest.mark.parametrize("lang", ["ar", "fr", "en"])
def test_compiled_catalog_matches_its_po_file(lang: str) -> None:
    """The committed .mo is up to date: same translations as the .po (recompile if not)."""
    catalog = _catalog(lang)
    expected: dict[_Key, str | tuple[str, ...]] = {}
    for message in catalog:
        if not message.id:
            continue
        if isinstance(message.id, str):
            assert isinstance(message.string, str), message.id
            expected[(message.context, message.id)] = message.string
        else:  # a plural message: (singular, plural) and one string per plural form
            assert isinstance(message.string, tuple), message.id
            expected[(message.context, tuple(message.id))] = message.string
    with (LOCALE_DIR / lang / "LC_MESSAGES" / f"{DOMAIN}.mo").open("rb") as handle:
        compiled = gettext.GNUTranslations(handle)
    found: dict[_Key, str | tuple[str, ...]] = {}
    for context, msgid in expected:
        if isinstance(msgid, tuple):
            singular, plural = msgid
            found[(context, msgid)] = tuple(
                compiled.npgettext(context, singular, plural, n)
                if context
                else compiled.ngettext(singular, plural, n)
                for n in _plural_samples(catalog.num_plurals, catalog.plural_expr)
            )
        else:
            found[(context, msgid)] = (
                compiled.pgettext(context, msgid) if context else compiled.gettext(msgid)
            )
    assert found == expected


def _plural_samples(count: int, expr: str) -> list[int]:
    """One ``n`` per plural form, in form order."""
    chooser = gettext.c2py(expr)
    samples: dict[int, int] = {}
    for n in [*range(0, 200), 10**6]:
        samples.setdefault(chooser(n), n)
    return [samples[i] for i in range(count)]


def test_catalog_covers_every_string_in_the_sources() -> None:
    """Every string marked in Python or Jinja2 templates under src/liqa is in the catalog."""
    method_map = [
        ("src/liqa/**.py", "python"),
        ("src/liqa/**/templates/**.html", "jinja2"),
        ("src/liqa/**/templates/**.txt", "jinja2"),
    ]
    options = {
        "src/liqa/**/templates/**.html": {"extensions": "jinja2.ext.i18n"},
        "src/liqa/**/templates/**.txt": {"extensions": "jinja2.ext.i18n"},
    }
    found = set()
    for _file, _line, message, _comments, context in extract_from_dir(
        str(ROOT), method_map, options, keywords=KEYWORDS
    ):
        msgid = message[0] if isinstance(message, tuple) else message
        if msgid:
            found.add((context, msgid))
    known = {
        (m.context, m.id[0] if isinstance(m.id, tuple) else m.id) for m in _catalog("ar") if m.id
    }
    # contexts are None or text: sorted by their text, so that the missing ones are listed
    assert sorted(found - known, key=lambda m: (m[0] or "", m[1])) == []


@pytest.mark.skipif(shutil.which("msgfmt") is None, reason="GNU gettext's msgfmt is not installed")
@pytest.mark.parametrize("lang", ["ar", "fr"])
def test_msgfmt_statistics_show_every_message_translated(lang: str) -> None:
    po = LOCALE_DIR / lang / "LC_MESSAGES" / f"{DOMAIN}.po"
    result = subprocess.run(
        ["msgfmt", "--check", "--statistics", "-o", "/dev/null", str(po)],
        capture_output=True,
        text=True,
        check=True,
        env={"LC_ALL": "C"},
    )
    count = len([m for m in _catalog(lang) if m.id])
    assert result.stderr.strip().splitlines()[-1] == f"{count} translated messages."


def test_translator_formats_times_per_locale() -> None:
    start = datetime(2024, 2, 12, 14, 5, tzinfo=ZoneInfo("America/Chicago"))
    assert [translator(lang).format_time(start) for lang in ("ar", "fr", "en")] == [
        "14:05",
        "14:05",
        "2:05\u202fPM",
    ]


def test_translator_formats_dates_per_locale() -> None:
    day = datetime(2024, 2, 12, 9, 0, tzinfo=ZoneInfo("America/Chicago"))
    assert [translator(lang).format_date(day, "full") for lang in ("ar", "fr", "en")] == [
        "الاثنين، 12 فبراير 2024",
        "lundi 12 février 2024",
        "Monday, February 12, 2024",
    ]


def test_translator_uses_arabic_plural_forms() -> None:
    t = translator("ar")
    assert [t.format_duration(timedelta(minutes=n)) for n in (1, 5, 45, 75)] == [
        "1 دقيقة",
        "5 دقائق",
        "45 دقيقة",
        "1 ساعة 15 دقيقة",
    ]


def test_arabic_is_the_only_right_to_left_language() -> None:
    assert [is_rtl(lang) for lang in ("ar", "fr", "en")] == [True, False, False]
    assert [translator(lang).direction for lang in ("ar", "fr", "en")] == ["rtl", "ltr", "ltr"]


def test_templates_translate_through_the_catalog() -> None:
    html = render("communique.html", "fr", communique=_Headline("Titre", ("Un.",)))
    assert '<html lang="fr" dir="ltr">' in html
    assert "Projet de communiqué" in html


class _Headline:
    def __init__(self, headline: str, paragraphs: tuple[str, ...]) -> None:
        self.headline = headline
        self.paragraphs = paragraphs


def test_compiled_catalog_is_read_with_bytesio() -> None:
    data = (LOCALE_DIR / "fr" / "LC_MESSAGES" / f"{DOMAIN}.mo").read_bytes()
    assert gettext.GNUTranslations(BytesIO(data)).gettext("Agenda") == "Agenda"
