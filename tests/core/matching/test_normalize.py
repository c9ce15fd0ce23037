"""Arabic, French and English normalization and stemming."""

import pytest

from liqa.core.matching.normalize import detect_language, normalize, normalize_arabic, tokens


def test_normalize_arabic_removes_diacritics_and_tatweel() -> None:
    assert normalize_arabic("الأَمْنُ السِّيبْرانـــيّ") == "الامن السيبراني"


@pytest.mark.parametrize(
    ("raw", "folded"),
    [
        ("أمن", "امن"),
        ("إدارة", "اداره"),
        ("آفاق", "افاق"),
        ("مستشفى", "مستشفي"),
        ("مؤسسة", "موسسه"),
        ("هيئة", "هييه"),
        ("ڤيزا", "فيزا"),
        ("ڭلميم", "كلميم"),
        ("٢٠٢٤", "2024"),
    ],
)
def test_normalize_arabic_folds_letter_variants(raw: str, folded: str) -> None:
    assert normalize_arabic(raw) == folded


def test_tokens_arabic_strip_article_and_attached_prepositions() -> None:
    assert tokens("الأمن للأمن بالأمن والأمن", "ar") == ["امن", "امن", "امن", "امن"]


def test_tokens_arabic_masculine_and_feminine_adjectives_share_a_stem() -> None:
    assert tokens("الرقمي الرقمية", "ar") == ["رقم", "رقم"]


def test_tokens_arabic_drop_stop_words() -> None:
    assert tokens("التكوين في مجال الأمن السيبراني", "ar") == ["تكو", "مجال", "امن", "سيبران"]


def test_normalize_french_removes_elisions_with_either_apostrophe() -> None:
    assert normalize("L’identité numérique de l'administration") == (
        " identité numérique de  administration"
    )


def test_tokens_french_accented_and_plural_forms_share_a_stem() -> None:
    assert tokens("Les données numériques, la donnée numérique", "fr") == [
        "don",
        "numer",
        "don",
        "numer",
    ]


def test_tokens_french_keep_e_prefix_words_whole() -> None:
    assert tokens("e-santé et e-gouvernement", "fr") == ["esant", "egouvern"]


def test_tokens_english_are_stemmed() -> None:
    assert tokens("Training the trainers in data centers", "en") == [
        "train",
        "trainer",
        "data",
        "center",
    ]


@pytest.mark.parametrize(
    ("text", "lang"),
    [
        ("نبحث عن شركاء في الحوسبة السحابية", "ar"),
        ("Nous recherchons des partenaires pour la cybersécurité", "fr"),
        ("We are looking for partners in cybersecurity", "en"),
    ],
)
def test_detect_language_from_script_and_stop_words(text: str, lang: str) -> None:
    assert detect_language(text, declared="en") == lang
