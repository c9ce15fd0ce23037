"""A catalog for tests of feminine titles: the shipped one, with the feminine forms these
tests rely on, and without the feminine "Board member" (:data:`NO_FEMININE`), so that a
title the translators have not given a feminine form can be tested."""

from __future__ import annotations

import shutil
from collections.abc import Iterator
from pathlib import Path

import pytest
from babel.messages.mofile import write_mo
from babel.messages.pofile import read_po

from liqa.core import i18n, templating
from liqa.core.outputs.roles import FEMININE

FEMININE_FORMS = {
    "fr": {
        "Secretary General": "Secrétaire générale",
        "head of delegation": "cheffe de délégation",
        "Director": "Directrice",
    },
    "ar": {
        "Secretary General": "الأمينة العامة",
        "head of delegation": "رئيسة الوفد",
        "Director": "المديرة",
    },
}
"""The feminine entries the tests expect (the catalog made here holds them)."""

NO_FEMININE = "Board member"
"""The title whose feminine entry the catalog made here leaves out."""

LAMRANI = {
    "fr": "Secrétaire générale, cheffe de délégation",
    "ar": "الأمينة العامة، رئيسة الوفد",
}


def clear_caches() -> None:
    i18n.translation.cache_clear()
    i18n.translator.cache_clear()
    templating.environment_for.cache_clear()


@pytest.fixture
def feminine_catalog(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[None]:
    """The shipped French and Arabic catalogs with :data:`FEMININE_FORMS` and without the
    feminine :data:`NO_FEMININE`, compiled into ``tmp_path`` and read in place of the
    shipped ones for the test."""
    for shipped in i18n.LOCALE_DIR.iterdir():
        if shipped.is_dir():
            shutil.copytree(shipped, tmp_path / shipped.name)
    for lang, forms in FEMININE_FORMS.items():
        folder = tmp_path / lang / "LC_MESSAGES"
        with (folder / f"{i18n.DOMAIN}.po").open("rb") as po:
            catalog = read_po(po, locale=lang)
        for title, form in forms.items():
            catalog.add(title, form, context=FEMININE)
        catalog.delete(NO_FEMININE, context=FEMININE)
        with (folder / f"{i18n.DOMAIN}.mo").open("wb") as mo:
            write_mo(mo, catalog)
    monkeypatch.setattr(i18n, "LOCALE_DIR", tmp_path)
    clear_caches()
    yield
    clear_caches()
