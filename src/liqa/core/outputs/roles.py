"""People's roles (job titles) in the reader's language.

A role is organizer-entered text, in English in the mission files and spreadsheets liqa
knows. Common titles, and those of the bundled examples, go through the catalog (context
``role``); a role made of known titles separated by commas or semicolons ("Secretary
General, head of delegation") is translated part by part. Any other role is shown as
entered: it is the organizer's wording, not something to guess.

French and Arabic titles agree with the person: for a person whose ``gender`` is
``female`` each title is read in the context ``role (feminine)`` ("Secrétaire générale,
cheffe de délégation", "الأمينة العامة، رئيسة الوفد"), falling back to the ``role``
context for a title the catalog has no feminine form of. Callers with a person use
:func:`person_role`.
"""

from __future__ import annotations

import re

from liqa.core.i18n import Translator, pgettext_noop, translator
from liqa.core.model import Gender, Person

TITLES: tuple[str, ...] = (
    # generic titles (the brokerage example's generator draws from these)
    pgettext_noop("role", "Chief Executive Officer"),
    pgettext_noop("role", "CEO"),
    pgettext_noop("role", "Chief Technology Officer"),
    pgettext_noop("role", "Chief Commercial Officer"),
    pgettext_noop("role", "Chief Digital Officer"),
    pgettext_noop("role", "Chief Innovation Officer"),
    pgettext_noop("role", "Business Development Manager"),
    pgettext_noop("role", "Head of Business Development"),
    pgettext_noop("role", "Head of Partnerships"),
    pgettext_noop("role", "Sales Director"),
    pgettext_noop("role", "Product Manager"),
    pgettext_noop("role", "Export Manager"),
    pgettext_noop("role", "President"),
    pgettext_noop("role", "Vice-President"),
    pgettext_noop("role", "Executive Director"),
    pgettext_noop("role", "Managing Director"),
    pgettext_noop("role", "Director"),
    pgettext_noop("role", "Deputy Director"),
    pgettext_noop("role", "Programme Manager"),
    pgettext_noop("role", "Investment Officer"),
    pgettext_noop("role", "Investment Analyst"),
    pgettext_noop("role", "Head of Digital Projects"),
    pgettext_noop("role", "Head of Industry Partnerships"),
    pgettext_noop("role", "Dean"),
    pgettext_noop("role", "Professor"),
    pgettext_noop("role", "General Partner"),
    pgettext_noop("role", "Secretary General"),
    pgettext_noop("role", "head of delegation"),
    pgettext_noop("role", "deputy head of delegation"),
    pgettext_noop("role", "Board member"),
    # the demo mission's delegation
    pgettext_noop("role", "Director of Digital Administration"),
    pgettext_noop("role", "Head of Artificial Intelligence and Data Strategy"),
    pgettext_noop("role", "Director of Digital Services"),
    pgettext_noop("role", "Head of Digital Identity and Trust Services"),
    pgettext_noop("role", "Head of the Startup Ecosystem Programme"),
    pgettext_noop("role", "Director of Cyber Defence Operations"),
    pgettext_noop("role", "Head of Threat Intelligence"),
    pgettext_noop("role", "Chair, Digital Economy Commission"),
    pgettext_noop("role", "Investment Promotion Manager"),
    pgettext_noop("role", "Chief Information Officer of a Moroccan bank"),
    pgettext_noop("role", "Director, Casablanca Technopark"),
    pgettext_noop("role", "Vice-President, Cloud and Data Commission"),
    pgettext_noop("role", "Director, Offshoring and Export"),
    # the demo mission's hosts
    pgettext_noop("role", "Regional Director, Cyber Operations"),
    pgettext_noop("role", "Director, Smart Port Programme"),
    pgettext_noop("role", "VP International Partnerships"),
    pgettext_noop("role", "Director, New Markets"),
    pgettext_noop("role", "SOC Director"),
    pgettext_noop("role", "Head of Public Sector"),
    pgettext_noop("role", "Director, Public Sector EMEA"),
    pgettext_noop("role", "Head of Government Solutions"),
    pgettext_noop("role", "VP Threat Research"),
    pgettext_noop("role", "VP Global Partnerships"),
    pgettext_noop("role", "Regional Director, Middle East and Africa"),
    pgettext_noop("role", "Head of Site Selection"),
    pgettext_noop("role", "Head of Cities"),
    pgettext_noop("role", "Director, International Sales"),
    pgettext_noop("role", "Director, AI & Skills Lab"),
    pgettext_noop("role", "Deputy Director, Digital Government"),
)
"""English titles the catalog translates (context ``role``)."""

FEMININE_TITLES: tuple[str, ...] = (
    pgettext_noop("role (feminine)", "Chief Executive Officer"),
    pgettext_noop("role (feminine)", "CEO"),
    pgettext_noop("role (feminine)", "Chief Technology Officer"),
    pgettext_noop("role (feminine)", "Chief Commercial Officer"),
    pgettext_noop("role (feminine)", "Chief Digital Officer"),
    pgettext_noop("role (feminine)", "Chief Innovation Officer"),
    pgettext_noop("role (feminine)", "Business Development Manager"),
    pgettext_noop("role (feminine)", "Head of Business Development"),
    pgettext_noop("role (feminine)", "Head of Partnerships"),
    pgettext_noop("role (feminine)", "Sales Director"),
    pgettext_noop("role (feminine)", "Product Manager"),
    pgettext_noop("role (feminine)", "Export Manager"),
    pgettext_noop("role (feminine)", "President"),
    pgettext_noop("role (feminine)", "Vice-President"),
    pgettext_noop("role (feminine)", "Executive Director"),
    pgettext_noop("role (feminine)", "Managing Director"),
    pgettext_noop("role (feminine)", "Director"),
    pgettext_noop("role (feminine)", "Deputy Director"),
    pgettext_noop("role (feminine)", "Programme Manager"),
    pgettext_noop("role (feminine)", "Investment Officer"),
    pgettext_noop("role (feminine)", "Investment Analyst"),
    pgettext_noop("role (feminine)", "Head of Digital Projects"),
    pgettext_noop("role (feminine)", "Head of Industry Partnerships"),
    pgettext_noop("role (feminine)", "Dean"),
    pgettext_noop("role (feminine)", "Professor"),
    pgettext_noop("role (feminine)", "General Partner"),
    pgettext_noop("role (feminine)", "Secretary General"),
    pgettext_noop("role (feminine)", "head of delegation"),
    pgettext_noop("role (feminine)", "deputy head of delegation"),
    pgettext_noop("role (feminine)", "Board member"),
    pgettext_noop("role (feminine)", "Director of Digital Administration"),
    pgettext_noop("role (feminine)", "Head of Artificial Intelligence and Data Strategy"),
    pgettext_noop("role (feminine)", "Director of Digital Services"),
    pgettext_noop("role (feminine)", "Head of Digital Identity and Trust Services"),
    pgettext_noop("role (feminine)", "Head of the Startup Ecosystem Programme"),
    pgettext_noop("role (feminine)", "Director of Cyber Defence Operations"),
    pgettext_noop("role (feminine)", "Head of Threat Intelligence"),
    pgettext_noop("role (feminine)", "Chair, Digital Economy Commission"),
    pgettext_noop("role (feminine)", "Investment Promotion Manager"),
    pgettext_noop("role (feminine)", "Chief Information Officer of a Moroccan bank"),
    pgettext_noop("role (feminine)", "Director, Casablanca Technopark"),
    pgettext_noop("role (feminine)", "Vice-President, Cloud and Data Commission"),
    pgettext_noop("role (feminine)", "Director, Offshoring and Export"),
    pgettext_noop("role (feminine)", "Regional Director, Cyber Operations"),
    pgettext_noop("role (feminine)", "Director, Smart Port Programme"),
    pgettext_noop("role (feminine)", "VP International Partnerships"),
    pgettext_noop("role (feminine)", "Director, New Markets"),
    pgettext_noop("role (feminine)", "SOC Director"),
    pgettext_noop("role (feminine)", "Head of Public Sector"),
    pgettext_noop("role (feminine)", "Director, Public Sector EMEA"),
    pgettext_noop("role (feminine)", "Head of Government Solutions"),
    pgettext_noop("role (feminine)", "VP Threat Research"),
    pgettext_noop("role (feminine)", "VP Global Partnerships"),
    pgettext_noop("role (feminine)", "Regional Director, Middle East and Africa"),
    pgettext_noop("role (feminine)", "Head of Site Selection"),
    pgettext_noop("role (feminine)", "Head of Cities"),
    pgettext_noop("role (feminine)", "Director, International Sales"),
    pgettext_noop("role (feminine)", "Director, AI & Skills Lab"),
    pgettext_noop("role (feminine)", "Deputy Director, Digital Government"),
)
"""The same titles in the context ``role (feminine)``: their French and Arabic forms for a
woman ("Directrice", "مديرة"); the English msgid is the masculine one's."""

FEMININE = "role (feminine)"
"""The catalog context of a title's feminine form."""

_KNOWN = {title.casefold(): title for title in TITLES}
_SEPARATOR = re.compile(r"\s*([,;])\s*")


def _parts(role: str) -> list[str] | None:
    """``role`` as known titles and the separators between them (title, mark, title …),
    or ``None`` when some part is not a known title."""
    if role.casefold() in _KNOWN:
        return [_KNOWN[role.casefold()]]
    pieces = _SEPARATOR.split(role)
    titles = pieces[0::2]
    if len(titles) < 2 or any(title.casefold() not in _KNOWN for title in titles):
        return None
    return [_KNOWN[p.casefold()] if i % 2 == 0 else p for i, p in enumerate(pieces)]


def is_known(role: str) -> bool:
    """True when :func:`role_label` translates ``role`` (wholly or part by part)."""
    return _parts(role.strip()) is not None


def _title(t: Translator, title: str, feminine: bool) -> str:
    """One known title: its feminine form when asked for and the catalog has one, else the
    usual one (a feminine entry not translated yet reads back as the English msgid)."""
    if feminine:
        translated = t.pgettext(FEMININE, title)
        if translated != title:
            return translated
    return t.pgettext("role", title)


def role_label(role: str, lang: str, *, feminine: bool = False) -> str:
    """``role`` in ``lang``: the catalog's title, or its known parts joined by the
    language's comma and semicolon; as entered when not all of it is known. ``feminine``
    reads each title's feminine form where the catalog has one."""
    role = role.strip()
    parts = _parts(role) if role and lang != "en" else None
    if parts is None:
        return role
    t = translator(lang)
    marks = {",": "\u060c ", ";": "\u061b "} if lang == "ar" else {",": ", ", ";": "; "}
    return "".join(
        _title(t, part, feminine) if i % 2 == 0 else marks[part] for i, part in enumerate(parts)
    )


def person_role(person: Person, lang: str) -> str:
    """``person``'s role in ``lang``, agreeing with their ``gender`` (see :func:`role_label`)."""
    return role_label(person.role, lang, feminine=person.gender is Gender.FEMALE)
