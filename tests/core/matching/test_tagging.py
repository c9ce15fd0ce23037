"""Tagging free text with thesaurus themes, in Arabic, French and English."""

from pathlib import Path

import pytest

from liqa.core.matching.tagging import default_tagger
from liqa.core.matching.thesaurus import default_thesaurus, load_thesaurus
from liqa.core.problems import InputError


def themes(text: str, lang: str) -> set[str]:
    return set(default_tagger().tag(text, lang))


@pytest.mark.parametrize(
    "text",
    [
        "الأمن السيبراني",
        "الأمنُ السيبرانيّ",
        "للأمن السيبراني",
        "بالأمن السيبراني",
        "أمن نظم المعلومات",
    ],
)
def test_tag_arabic_cybersecurity_in_every_form(text: str) -> None:
    assert themes(text, "ar") == {"cybersecurity"}


def test_tag_arabic_moroccan_e_administration() -> None:
    assert themes("تطوير الإدارة الإلكترونية ورقمنة المساطر الإدارية", "ar") == {"e-government"}


def test_tag_longest_phrase_wins() -> None:
    assert themes("روبوتات المحادثة", "ar") == {"artificial-intelligence"}


def test_tag_arabic_training_and_cybersecurity() -> None:
    assert themes("نبحث عن تكوين في مجال الأمن السيبراني", "ar") == {
        "cybersecurity",
        "skills-training",
    }


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("cybersécurité", {"cybersecurity"}),
        ("Cybersécurité", {"cybersecurity"}),
        ("la sécurité des systèmes d’information", {"cybersecurity"}),
        ("transformation numérique", {"digital-transformation"}),
        ("l'identité numérique et la signature électronique", {"digital-identity"}),
        ("centres de données", {"data-centres"}),
        ("des services publics en ligne", {"e-government"}),
    ],
)
def test_tag_french_phrases(text: str, expected: set[str]) -> None:
    assert themes(text, "fr") == expected


def test_tag_french_text_with_english_loanwords() -> None:
    assert themes("Nous proposons du cloud et des solutions fintech", "fr") == {"cloud", "fintech"}


def test_tag_french_text_entered_as_english_is_still_read_as_french() -> None:
    assert themes("Formation en cybersécurité pour nos équipes", "en") == {
        "cybersecurity",
        "skills-training",
    }


def test_tag_english_phrases() -> None:
    assert themes("Sovereign cloud, data center colocation and AI", "en") == {
        "cloud",
        "data-centres",
        "artificial-intelligence",
    }


def test_tag_english_government_alone_is_not_e_government() -> None:
    assert themes("We serve government agencies", "en") == set()


def test_tag_arabic_energy_efficiency_is_not_skills() -> None:
    assert themes("الكفاءة الطاقية", "ar") == {"energy-tech"}


def test_tag_empty_text_has_no_themes() -> None:
    assert themes("   ", "en") == set()


def test_thesaurus_has_the_demo_themes_with_three_labels() -> None:
    thesaurus = default_thesaurus()
    demo = [
        "e-government",
        "digital-identity",
        "cloud",
        "artificial-intelligence",
        "data-centres",
        "cybersecurity",
        "fintech",
        "telecoms",
        "skills-training",
        "startup-financing",
        "smart-cities",
        "energy-tech",
    ]
    assert [t for t in demo if t in thesaurus] == demo
    assert thesaurus.label("cybersecurity", "ar") == "الأمن السيبراني"
    assert thesaurus.label("cybersecurity", "fr") == "cybersécurité"


def test_load_thesaurus_reports_every_problem(tmp_path: Path) -> None:
    path = tmp_path / "themes.yaml"
    path.write_text(
        "themes:\n"
        "  - id: a\n"
        "    labels: {en: A, fr: A}\n"
        "  - id: b\n"
        "    labels: {en: B, fr: B, ar: ب}\n"
        "    related: [zzz]\n",
        encoding="utf-8",
    )
    with pytest.raises(InputError) as caught:
        load_thesaurus(path)
    assert [(p.path, p.message) for p in caught.value.problems] == [
        ("version", "missing `version`"),
        ("themes[0].labels", "theme 'a' needs a label in each of ar, fr, en"),
        ("themes[0].related", "theme 'b' is related to unknown theme 'zzz'"),
    ]


@pytest.mark.parametrize(
    ("text", "lang", "theme"),
    [
        ("éclairage public intelligent", "fr", "smart-cities"),
        ("gestion intelligente du trafic", "fr", "smart-cities"),
        ("الإنارة العمومية الذكية", "ar", "smart-cities"),
    ],
)
def test_tag_phrase_with_one_extra_word_inside(text: str, lang: str, theme: str) -> None:
    assert theme in themes(text, lang)


def test_tag_no_extra_word_across_list_items() -> None:
    assert "fintech" not in themes("des paiements, signature électronique", "fr")
    assert "e-government" not in themes(
        "réforme de l'administration et de la transformation numérique", "fr"
    )


def test_tag_training_models_is_ai_not_skills() -> None:
    assert themes("GPU credits to train our models", "en") == {"artificial-intelligence"}


def test_tag_spans_give_positions_per_reading() -> None:
    assert default_tagger().spans("الأمن السيبراني", "ar") == [("ar", 0, 2, "cybersecurity")]


# Thesaurus 2024.5: everyday wording of an independent annotator's profiles (v3 dev queries),
# in the three languages, so that a need in one language meets an offer in another.
@pytest.mark.parametrize(
    ("text", "lang", "theme"),
    [
        ("La facturation électronique obligatoire entre entreprises", "fr", "e-government"),
        ("Mandatory e-invoicing between companies", "en", "e-government"),
        ("الفوترة الإلكترونية الإجبارية", "ar", "e-government"),
        ("Mobile driving licence and ID wallet", "en", "digital-identity"),
        ("la carte nationale d'identité et l'enrôlement biométrique", "fr", "digital-identity"),
        ("سجلات الحالة المدنية", "ar", "digital-identity"),
        ("Adaptive traffic lights that cut waiting at intersections", "en", "smart-cities"),
        ("l'éclairage public et les feux de circulation", "fr", "smart-cities"),
        ("الإنارة العمومية الموفرة للطاقة", "ar", "smart-cities"),
        ("Credit scoring for microfinance institutions", "en", "fintech"),
        ("verser les prêts par le mobile, microcrédit", "fr", "fintech"),
        ("التمويل الأصغر والمحفظة الإلكترونية", "ar", "fintech"),
        ("Speech recognition for contact centres", "en", "artificial-intelligence"),
        ("la reconnaissance vocale en darija", "fr", "artificial-intelligence"),
        ("نماذج التعرف على الكلام بالدارجة", "ar", "artificial-intelligence"),
        ("Our analysts follow state-backed hacking groups", "en", "cybersecurity"),
        ("les groupes d'attaquants qui visent la région", "fr", "cybersecurity"),
        ("تمارين الأزمات لفرق الاستجابة", "ar", "cybersecurity"),
        ("programmes for teacher training and interactive lessons", "en", "skills-training"),
        ("la formation des enseignants au numérique", "fr", "skills-training"),
        ("برامج لتكوين الأساتذة ومحتوى تعليمي تفاعلي", "ar", "skills-training"),
        ("Route planning for parcel fleets", "en", "logistics"),
        ("optimiser nos tournées de livraison", "fr", "logistics"),
        ("liquid cooling for hot climates", "en", "data-centres"),
        ("des technologies de refroidissement plus économes", "fr", "data-centres"),
        ("Digitization of civil registers and paper records", "en", "digital-transformation"),
        ("digital skills programmes", "en", "skills-training"),
    ],
)
def test_tag_everyday_wording(text: str, lang: str, theme: str) -> None:
    assert theme in themes(text, lang)


@pytest.mark.parametrize(
    ("text", "lang", "theme"),
    [
        ("Seed funding and pilot customers", "en", "logistics"),  # customers are not customs
        ("capteurs connectés sur le réseau", "fr", "telecoms"),  # connectés: not connectivity
        ("Land for logistics investors", "en", "startup-financing"),  # investors alone
        ("Citizen portals and online payments", "en", "fintech"),  # payments alone
        ("replicate its digital skills programmes", "en", "digital-transformation"),  # digit-
    ],
)
def test_tag_everyday_words_that_are_not_themes(text: str, lang: str, theme: str) -> None:
    assert theme not in themes(text, lang)


def test_tag_arabic_word_with_a_joined_preposition() -> None:
    """« لمراكز النداء »: li- joined to an indefinite noun; « بطاقة » keeps its ب."""
    assert "software-services" in themes("نماذج لمراكز النداء", "ar")
    assert themes("بطاقة التعريف", "ar") == {"digital-identity"}
    assert themes("لوحات إلكترونية", "ar") == set()


def test_tag_arabic_word_with_a_possessive_ending() -> None:
    """« لتدريب نماذجنا »: to train *our* models is AI, not training people."""
    assert themes("لتدريب نماذجنا", "ar") == {"artificial-intelligence"}
