"""An organizer's name as it reads inside a sentence of the communiqué.

An organizer is given as names per language (:attr:`liqa.core.model.Event.organizers`),
with no field saying whether a name is a proper name. Each language's sentence needs:

* English: an institution named by a common-noun phrase takes "the" ("organized by the
  Commercial Section, US Consulate General in Casablanca and the US Trade and Development
  Agency"), a proper name does not ("organized by USTDA", "by Business France"). The
  name is a common-noun phrase when its head (the words before its first comma,
  parenthesis, or "of", "in", "for", "at", "to") holds a word that names a kind of
  institution (:data:`INSTITUTION_WORDS`: Section, Agency, Ministry, Chamber, Service …);
  "University" and "College" only when they open the name ("the University of Rabat", but
  "Stanford University"). A name written with its article ("The …") is kept as written.
* French: the name is written with its article, as the mission file asks ("la Section
  commerciale …", "l'Agence …"), so it is used as written.
* Arabic: a name written in Arabic carries its own definite article (القسم التجاري …), and
  an English name in an Arabic sentence takes none: used as written.
"""

from __future__ import annotations

import re
from collections.abc import Mapping

from liqa.core.model import organizer_name

INSTITUTION_WORDS = frozenset(
    {
        "administration",
        "agency",
        "association",
        "authority",
        "board",
        "bureau",
        "center",
        "centre",
        "chamber",
        "commission",
        "committee",
        "confederation",
        "consulate",
        "council",
        "delegation",
        "department",
        "directorate",
        "embassy",
        "federation",
        "foundation",
        "institute",
        "ministry",
        "mission",
        "network",
        "office",
        "organisation",
        "organization",
        "programme",
        "program",
        "secretariat",
        "section",
        "service",
        "union",
    }
)
"""Head words of an English organizer name that make it a common-noun phrase, which takes
"the" inside a sentence."""

OPENING_WORDS = frozenset({"university", "college", "school"})
"""Words that make the name a common-noun phrase only when they open it ("the University
of Rabat"), not after a proper name ("Stanford University")."""

_HEAD_END = re.compile(r"[,(]| (?:of|in|for|at|to) ", re.IGNORECASE)
_WORD = re.compile(r"[^\W\d_]+")


def takes_the(name: str) -> bool:
    """Whether the English organizer ``name`` takes "the" inside a sentence."""
    words = [w.lower() for w in _WORD.findall(_HEAD_END.split(name, maxsplit=1)[0])]
    if not words or words[0] == "the":
        return False
    return bool(INSTITUTION_WORDS.intersection(words)) or words[0] in OPENING_WORDS


def in_sentence(names: Mapping[str, str], lang: str) -> str:
    """The organizer named for a reader of ``lang`` (:func:`organizer_name`) as it reads
    inside a sentence: its English name with "the" when :func:`takes_the` (a name in
    another language, given for want of an English one, is left as written)."""
    name = organizer_name(names, lang)
    if lang == "en" and name == names.get("en") and takes_the(name):
        return f"the {name}"
    return name


def capitalized(sentence: str) -> str:
    """``sentence`` with its first letter upper-cased ("The Chamber of Commerce held …")."""
    return sentence[:1].upper() + sentence[1:]
