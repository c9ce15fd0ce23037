"""The summary's counts by side, status and kind: one plural message per enum value, each
said for its count in the reader's language through ``Translator.counted``."""

from __future__ import annotations

from importlib import import_module
from pathlib import Path

from babel.messages.pofile import read_po

from liqa.core.i18n import translator
from liqa.core.model import ProgrammeKind, RequestStatus, Side

TABLES = {
    "_ORGANIZATIONS_ON": Side,
    "_PEOPLE_ON": Side,
    "_REQUESTS": RequestStatus,
    "_PROGRAMME": ProgrammeKind,
}
SUMMARY = import_module("liqa.core.missionfile.summary")  # the package names its function
LOCALE = Path(str(SUMMARY.__file__)).parents[2] / "locale"


def test_every_value_of_each_enum_has_its_message() -> None:
    for name, enum in TABLES.items():
        table = getattr(SUMMARY, name)
        assert set(table) == set(enum), name


def test_each_message_is_in_the_catalog_and_said_with_its_count() -> None:
    with (LOCALE / "fr" / "LC_MESSAGES" / "django.po").open("rb") as f:
        catalog = read_po(f, locale="fr")
    t = translator("fr")
    for name in TABLES:
        for context, one, many in getattr(SUMMARY, name).values():
            entry = catalog.get((one, many), context=context)
            assert entry is not None, (context, one)
            forms = entry.string
            assert isinstance(forms, tuple)
            assert t.counted((context, one, many), 1) == forms[0] % {"num": 1}
            assert t.counted((context, one, many), 7) in {form % {"num": 7} for form in forms}
