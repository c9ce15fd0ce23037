"""The semantic signal across languages: e5's language bias taken out (issue #6).

multilingual-e5 puts two texts written in one language closer than two in different
languages, whatever they say; the signal centres each language's profiles on their mean
before comparing them. These tests use the real model: a small event of ten offers, each
written once in English and once in Arabic.
"""

from pathlib import Path

import numpy as np
import pytest

from liqa.core.matching.profiles import Party
from liqa.core.matching.semantic import (
    MIN_LANGUAGE_GROUP,
    Embedder,
    SemanticSpace,
    centre_languages,
    profile_language,
)
from liqa.core.matching.textsim import Matrix
from liqa.core.model import Side

OFFERS = [  # (English, Arabic): the same offer in both languages
    (
        "Cybersecurity training for public agencies",
        "تكوين في الأمن السيبراني لفائدة الإدارات العمومية",
    ),
    ("Dairy farming equipment", "معدات لتربية الأبقار الحلوب"),
    ("Olive oil bottling lines", "خطوط تعبئة زيت الزيتون"),
    ("Mobile payment app for small merchants", "تطبيق للدفع عبر الهاتف المحمول لفائدة صغار التجار"),
    ("Information systems for hospitals", "أنظمة معلومات للمستشفيات"),
    ("Solar panels for rooftops", "ألواح شمسية لأسطح المنازل"),
    ("Cloud hosting for start-ups", "استضافة سحابية للشركات الناشئة"),
    ("Port logistics and container tracking", "الخدمات اللوجستية للموانئ وتتبع الحاويات"),
    ("Online courses for schools", "دروس عبر الإنترنت للمدارس"),
    ("Drip irrigation sensors for farms", "أجهزة استشعار للري بالتنقيط في المزارع"),
]
PAYMENTS = 3


@pytest.fixture
def embedder(tmp_path: Path) -> Embedder:
    return Embedder(tmp_path / "cache")


def event(seeks: dict[str, str]) -> list[Party]:
    """A reader seeking ``seeks`` and twenty hosts: every offer in English and in Arabic."""
    hosts = [
        Party(f"{lang}{i}", f"{lang}{i}", Side.HOST, f"{lang} {i}", offers={lang: text})
        for i, pair in enumerate(OFFERS)
        for lang, text in zip(("en", "ar"), pair, strict=True)
    ]
    return [Party("reader", "reader", Side.DELEGATION, "Reader", seeks=seeks), *hosts]


def signal_row(parties: list[Party], embedder: Embedder) -> dict[str, float]:
    space = SemanticSpace(parties, embedder)
    row = space.signal(slice(0, 1))[0]
    return {p.id: float(row[k]) for k, p in enumerate(parties) if k}


def test_an_arabic_reader_sees_the_english_offer_it_seeks_well_above_unrelated_arabic_ones(
    embedder: Embedder,
) -> None:
    # Standardized over all candidates without centring, the English payments offer (0.56)
    # was barely above Arabic port logistics (0.54): any Arabic text is close to an Arabic one.
    got = signal_row(event({"ar": "نبحث عن حلول للدفع عبر الهاتف المحمول لفائدة التجار"}), embedder)
    others = [v for k, v in got.items() if k not in (f"en{PAYMENTS}", f"ar{PAYMENTS}")]
    assert got[f"en{PAYMENTS}"] >= 2 * max(others)


def test_an_english_reader_gives_the_arabic_translation_of_its_match_the_originals_signal(
    embedder: Embedder,
) -> None:
    # Without centring: English original 1.88, its Arabic translation 1.18.
    got = signal_row(
        event({"en": "We are looking for mobile payment solutions for merchants"}), embedder
    )
    assert got[f"ar{PAYMENTS}"] >= 0.9 * got[f"en{PAYMENTS}"] > 0


def test_centring_takes_each_languages_mean_out_and_keeps_empty_profiles_empty() -> None:
    # Ten topics (a centred simplex), each written in English and in Arabic: the same
    # direction plus a language's offset, orthogonal to the topics.
    n = MIN_LANGUAGE_GROUP
    topics = np.eye(n + 2, dtype=np.float32)[:n] - np.eye(n + 2, dtype=np.float32)[:n].mean(axis=0)
    offset = {"en": 3 * np.eye(n + 2)[n], "ar": 3 * np.eye(n + 2)[n + 1]}
    rows = [t + offset[lang] for lang in ("en", "ar") for t in topics] + [np.zeros(n + 2)]
    vectors = np.array([r / max(np.linalg.norm(r), 1e-12) for r in rows], dtype=np.float32)
    out = centre_languages(vectors, ["en"] * n + ["ar"] * n + ["fr"])
    english, arabic = slice(0, n), slice(n, 2 * n)
    assert np.diag(vectors[english] @ vectors[arabic].T).max() < 0.2  # translations far apart
    assert np.allclose(np.diag(out[english] @ out[arabic].T), 1.0, atol=1e-5)  # now one
    assert np.allclose(out[english] @ out[english].T, out[english] @ out[arabic].T, atol=1e-5)
    assert not out[-1].any()


def test_people_sharing_one_profile_count_once_in_their_languages_mean() -> None:
    # Twelve people of one organization share its Arabic profile: one Arabic profile, too
    # few to centre Arabic on its own mean (that would make their vectors zero).
    rng = np.random.default_rng(2)
    rows = rng.normal(size=(MIN_LANGUAGE_GROUP + 1, 8))
    rows = rows[[0] * 12 + list(range(1, MIN_LANGUAGE_GROUP + 1))]
    vectors = (rows / np.linalg.norm(rows, axis=1, keepdims=True)).astype(np.float32)
    out = centre_languages(vectors, ["ar"] * 12 + ["en"] * MIN_LANGUAGE_GROUP)
    distinct = np.unique(vectors, axis=0).mean(axis=0)
    expected = (vectors[0] - distinct) / np.linalg.norm(vectors[0] - distinct)
    assert np.allclose(out[:12], expected, atol=1e-5)


def test_a_language_with_few_profiles_is_centred_on_the_mean_of_all() -> None:
    rng = np.random.default_rng(1)
    rows = rng.normal(size=(MIN_LANGUAGE_GROUP + 3, 8))
    vectors = (rows / np.linalg.norm(rows, axis=1, keepdims=True)).astype(np.float32)
    languages = ["fr"] * 3 + ["en"] * MIN_LANGUAGE_GROUP
    out = centre_languages(vectors, languages)

    def unit(v: Matrix) -> Matrix:
        out: Matrix = v / np.linalg.norm(v)
        return out

    assert np.allclose(out[0], unit(vectors[0] - vectors.mean(axis=0)), atol=1e-5)
    assert np.allclose(out[-1], unit(vectors[-1] - vectors[3:].mean(axis=0)), atol=1e-5)


def test_a_small_events_vectors_are_left_as_embedded() -> None:
    # No language has MIN_LANGUAGE_GROUP distinct profiles: no mean says only a language.
    rng = np.random.default_rng(3)
    rows = rng.normal(size=(MIN_LANGUAGE_GROUP + 2, 8))
    vectors = (rows / np.linalg.norm(rows, axis=1, keepdims=True)).astype(np.float32)
    languages = ["en"] * (MIN_LANGUAGE_GROUP - 1) + ["ar"] * 3
    assert np.array_equal(centre_languages(vectors, languages), vectors)


def test_a_profiles_language_is_that_of_most_of_its_text() -> None:
    mostly_arabic = Party(
        "a",
        "a",
        Side.HOST,
        "A",
        offers={"en": "Cloud"},
        description={"ar": "شركة مغربية متخصصة في الاستضافة السحابية للإدارات العمومية"},
    )
    assert profile_language(mostly_arabic) == "ar"
    french_in_english = Party(
        "b", "b", Side.HOST, "B", offers={"en": "Nous proposons des formations pour les banques"}
    )
    assert profile_language(french_in_english) == "fr"
    assert profile_language(Party("c", "c", Side.HOST, "C")) == "en"
