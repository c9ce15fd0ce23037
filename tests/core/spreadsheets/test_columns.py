"""Headers and sheet names in English, French and Arabic."""

from __future__ import annotations

import pytest

from liqa.core.spreadsheets.columns import (
    ORGANIZATIONS,
    PEOPLE,
    REQUESTS,
    TABLES,
    Table,
    match_header,
    table_for_name,
)


@pytest.mark.parametrize(
    ("table", "header", "expected"),
    [
        (PEOPLE, "Nom", ("name", None)),
        (PEOPLE, "الاسم", ("name", None)),
        (PEOPLE, "Organisation", ("organization", None)),
        (PEOPLE, "الهيئة", ("organization", None)),
        (PEOPLE, "E-mail", ("email", None)),
        (PEOPLE, "Courriel", ("email", None)),
        (PEOPLE, "البريد الإلكتروني", ("email", None)),
        (PEOPLE, "  PRÉNOM ", ("first_name", None)),
        (PEOPLE, "Téléphone*", ("phone", None)),
        (ORGANIZATIONS, "Raison sociale", ("name", None)),
        (PEOPLE, "Civilité", ("gender", None)),
        (PEOPLE, "Sexe", ("gender", None)),
        (PEOPLE, "الجنس", ("gender", None)),
        (PEOPLE, "gender", ("gender", None)),
        (ORGANIZATIONS, "Nom en français", ("name_fr", None)),
        (ORGANIZATIONS, "French name", ("name_fr", None)),
        (ORGANIZATIONS, "الاسم بالفرنسية", ("name_fr", None)),
        (ORGANIZATIONS, "name_fr", ("name_fr", None)),
        (ORGANIZATIONS, "Offres (fr)", ("offers", "fr")),
        (ORGANIZATIONS, "offers_ar", ("offers", "ar")),
        (ORGANIZATIONS, "Description arabe", ("description", "ar")),
        (ORGANIZATIONS, "الوصف بالعربية", ("description", "ar")),
        (ORGANIZATIONS, "Description", ("description", "en")),
        (REQUESTS, "De", ("from", None)),
        (REQUESTS, "À", ("to", None)),
        (REQUESTS, "الأولوية", ("priority", None)),
    ],
)
def test_match_header_synonyms(table: Table, header: str, expected: tuple[str, str | None]) -> None:
    assert match_header(table, header) == expected


def test_match_header_unknown_language_suffix_is_no_match() -> None:
    assert match_header(ORGANIZATIONS, "offers_es") is None


@pytest.mark.parametrize("table", TABLES, ids=lambda t: t.name)
def test_no_header_means_two_columns(table: Table) -> None:
    seen: dict[str, str] = {}
    clashes = []
    for column in table.columns:
        for word in column.folded:
            if word in seen:
                clashes.append((word, seen[word], column.key))
            seen[word] = column.key
    assert clashes == []


@pytest.mark.parametrize(
    ("name", "expected"),
    [
        ("Participants", "people"),
        ("المشاركون", "people"),
        ("Organisations", "organizations"),
        ("Demandes de rendez-vous", "requests"),
        ("mission-participants-2024", "people"),
        ("Sheet1", None),
    ],
)
def test_table_for_name(name: str, expected: str | None) -> None:
    table = table_for_name(name)
    assert (table.name if table else None) == expected
