"""Text normalization, tokenization and stemming for Arabic, French and English.

Arabic: diacritics and tatweel removed, alef/ya/ta-marbuta/hamza variants folded, Moroccan
and Persian letter forms (ڭ ڤ ک ی) folded, then a light stemmer (Larkey's *light10*:
conjunction and article prefixes, common suffixes). French: typographic apostrophes,
elisions (``l'``, ``d'``, ``qu'`` …) removed, Snowball stemming, accents dropped from the
stem so that unaccented spellings meet accented ones. English: Snowball (Porter 2).
"""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache

import snowballstemmer

from liqa.core.matching.stopwords import LANGUAGE_MARKERS, RAW_STOPWORDS

_ARABIC_DIACRITICS = re.compile("[\u0610-\u061a\u064b-\u065f\u0670\u06d6-\u06ed\u0640]")
_ARABIC_FOLD = str.maketrans(
    {
        "أ": "ا",
        "إ": "ا",
        "آ": "ا",
        "ٱ": "ا",
        "ى": "ي",
        "ی": "ي",
        "ئ": "ي",
        "ؤ": "و",
        "ة": "ه",
        "ک": "ك",
        "ڭ": "ك",
        "گ": "ك",
        "ڤ": "ف",
        "پ": "ب",
        "٠": "0",
        "١": "1",
        "٢": "2",
        "٣": "3",
        "٤": "4",
        "٥": "5",
        "٦": "6",
        "٧": "7",
        "٨": "8",
        "٩": "9",
    }
)
_ARABIC_LETTER = re.compile("[\u0621-\u064a]")
_TOKEN = re.compile(r"[^\W_]+", re.UNICODE)
_E_PREFIX = re.compile(r"\be-(?=\w)")
"""``e-government``, ``e-santé``: one word, so the ``e`` is not lost as a one-letter token."""
_ELISION = re.compile(r"\b(?:l|d|j|m|n|s|t|c|qu|jusqu|lorsqu|puisqu)'", re.IGNORECASE)

_ARABIC_PREFIXES = ("وال", "بال", "كال", "فال", "لل", "ال")
_ARABIC_SUFFIXES = ("ها", "ان", "ات", "ون", "ين", "يه", "ه", "ي")
"""light10 suffixes, in order, after ta-marbuta folding (``ية`` → ``يه``, ``ة`` → ``ه``)."""

_STEMMERS = {
    "fr": snowballstemmer.stemmer("french"),
    "en": snowballstemmer.stemmer("english"),
}


def normalize_arabic(text: str) -> str:
    """Arabic text without diacritics or tatweel, with letter variants folded."""
    return _ARABIC_DIACRITICS.sub("", text).translate(_ARABIC_FOLD)


def strip_accents(text: str) -> str:
    """``text`` without combining accents (``é`` → ``e``, ``ç`` → ``c``)."""
    decomposed = unicodedata.normalize("NFD", text)
    return "".join(ch for ch in decomposed if not unicodedata.combining(ch))


def normalize(text: str) -> str:
    """Lower-cased, NFC text with Arabic folded, typographic apostrophes and elisions removed."""
    text = unicodedata.normalize("NFKC", text).lower().replace("’", "'").replace("ʼ", "'")
    text = _ELISION.sub(" ", text)
    text = _E_PREFIX.sub("e", text)
    return normalize_arabic(text)


def is_arabic(text: str) -> bool:
    """True when most letters of ``text`` are Arabic."""
    arabic = len(_ARABIC_LETTER.findall(text))
    latin = sum(1 for ch in text if ch.isascii() and ch.isalpha())
    return arabic > latin


def detect_language(text: str, declared: str = "en") -> str:
    """``ar``, ``fr`` or ``en`` from the script and stop words, ``declared`` when unsure.

    Organizers often paste French into a field taken as English; this tells them apart.
    """
    if is_arabic(text):
        return "ar"
    words = _TOKEN.findall(normalize(text))
    fr = sum(1 for w in words if w in _FR_MARKERS)
    en = sum(1 for w in words if w in _EN_MARKERS)
    if fr > en:
        return "fr"
    if en > fr:
        return "en"
    return declared if declared in ("fr", "en") else "en"


_FR_MARKERS = frozenset(LANGUAGE_MARKERS["fr"].split())
_EN_MARKERS = frozenset(LANGUAGE_MARKERS["en"].split())


@lru_cache(maxsize=200_000)
def stem(word: str, lang: str) -> str:
    """The stem of one normalized word in ``lang`` (cached: vocabularies are small)."""
    if lang == "ar" or _ARABIC_LETTER.match(word):
        return _stem_arabic(word)
    stemmer = _STEMMERS.get(lang, _STEMMERS["en"])
    return strip_accents(stemmer.stemWord(word))


def _stem_arabic(word: str) -> str:
    if word.startswith("و") and len(word) > 3:
        word = word[1:]
    for prefix in _ARABIC_PREFIXES:
        if word.startswith(prefix) and len(word) - len(prefix) >= 2:
            word = word[len(prefix) :]
            break
    for suffix in _ARABIC_SUFFIXES:
        if word.endswith(suffix) and len(word) - len(suffix) >= 2:
            word = word[: -len(suffix)]
    return word


def words(text: str) -> list[str]:
    """Normalized word tokens of ``text`` (letters and digits), stop words kept."""
    return _TOKEN.findall(normalize(text))


STOPWORDS: dict[str, frozenset[str]] = {
    lang: frozenset(normalize(word) for word in raw.split()) for lang, raw in RAW_STOPWORDS.items()
}
"""Stop words per language, normalized like the text they are removed from."""


def tokens(text: str, lang: str) -> list[str]:
    """Stems of ``text`` read as ``lang``, stop words and one-letter tokens removed."""
    stop = STOPWORDS.get(lang, frozenset())
    out: list[str] = []
    for word in words(text):
        if (len(word) < 2 and not word.isdigit()) or word in stop:
            continue
        if _ARABIC_LETTER.match(word):
            if word in STOPWORDS["ar"]:
                continue
            out.append(stem(word, "ar"))
        else:
            out.append(stem(word, lang if lang in _STEMMERS else "en"))
    return out
