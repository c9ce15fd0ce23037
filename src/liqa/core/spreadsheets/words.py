"""Cell words organizers write for enumerations, in English, French and Arabic.

Keys are folded (see :func:`liqa.core.spreadsheets.cells.fold`): lower case, no accents,
punctuation as spaces. Canonical values (``delegation``, ``accepted``...) are always accepted.
"""

from __future__ import annotations

from liqa.core.model import (
    FollowUp,
    Gender,
    MeetingFormat,
    OrgKind,
    OutcomeKind,
    RequestStatus,
    Side,
)
from liqa.core.spreadsheets.cells import fold


def _words[T](table: dict[T, tuple[str, ...]]) -> dict[str, T]:
    out: dict[str, T] = {}
    for value, words in table.items():
        for word in (*words, str(value)):
            out[fold(word)] = value
    return out


SIDES = _words(
    {
        Side.DELEGATION: (
            "delegate",
            "visiting",
            "visitor",
            "delegation",
            "delegue",
            "وفد",
            "الوفد",
        ),
        Side.HOST: ("hote", "host", "accueil", "hosting", "مضيف", "المضيف", "مستضيف"),
        Side.BOTH: ("les deux", "both sides", "كلاهما", "الاثنان"),
    }
)

KINDS = _words(
    {
        OrgKind.COMPANY: (
            "entreprise",
            "societe",
            "private",
            "prive",
            "firm",
            "business",
            "شركة",
            "مقاولة",
        ),
        OrgKind.GOVERNMENT: (
            "gouvernement",
            "administration",
            "ministry",
            "ministere",
            "public",
            "gouvernemental",
            "حكومة",
            "حكومي",
            "وزارة",
            "إدارة",
        ),
        OrgKind.AGENCY: ("agence", "وكالة"),
        OrgKind.ASSOCIATION: (
            "federation",
            "chamber",
            "chambre",
            "federation professionnelle",
            "جمعية",
            "غرفة",
            "جامعة مهنية",
        ),
        OrgKind.ACADEMIC: (
            "university",
            "universite",
            "academique",
            "research",
            "recherche",
            "school",
            "ecole",
            "جامعة",
            "أكاديمي",
            "معهد",
        ),
        OrgKind.OTHER: ("autre", "أخرى", "آخر"),
    }
)

GENDERS = _words(
    {
        Gender.FEMALE: (
            "f",
            "woman",
            "feminine",
            "mrs",
            "ms",
            "femme",
            "feminin",
            "mme",
            "madame",
            "امرأة",
            "أنثى",
            "مؤنث",
            "السيدة",
        ),
        Gender.MALE: (
            "m",
            "man",
            "masculine",
            "mr",
            "homme",
            "masculin",
            "monsieur",
            "رجل",
            "ذكر",
            "مذكر",
            "السيد",
        ),
    }
)
"""A person's gender, for their title's French and Arabic forms (``Mme``/``M.`` too)."""

STATUSES = _words(
    {
        RequestStatus.PROPOSED: (
            "propose",
            "proposee",
            "pending",
            "new",
            "en attente",
            "nouveau",
            "nouvelle",
            "مقترح",
            "قيد الانتظار",
        ),
        RequestStatus.ACCEPTED: (
            "accepte",
            "acceptee",
            "confirmed",
            "confirme",
            "confirmee",
            "مقبول",
            "مؤكد",
        ),
        RequestStatus.DECLINED: (
            "refused",
            "rejected",
            "refuse",
            "refusee",
            "decline",
            "declinee",
            "rejete",
            "مرفوض",
        ),
        RequestStatus.CANCELLED: ("canceled", "annule", "annulee", "ملغى", "ملغي"),
        RequestStatus.EXPIRED: ("expire", "expiree", "منتهي"),
    }
)

FORMATS = _words(
    {
        MeetingFormat.ONE_TO_ONE: (
            "1:1",
            "one to one",
            "b2b",
            "tete a tete",
            "face to face",
            "bilateral",
            "bilaterale",
            "ثنائي",
            "لقاء ثنائي",
        ),
        MeetingFormat.SITE_VISIT: ("visit", "site visit", "visite", "visite de site", "زيارة"),
        MeetingFormat.PROGRAMME_ITEM: ("programme", "program item", "programme item", "برنامج"),
        MeetingFormat.ONLINE: (
            "en ligne",
            "visio",
            "video",
            "virtual",
            "remote",
            "عن بعد",
            "افتراضي",
        ),
    }
)

PRIORITIES = _words(
    {
        1: (
            "1",
            "would like",
            "would_like",
            "low",
            "souhaite",
            "souhaitable",
            "faible",
            "basse",
            "مرغوب",
        ),
        2: ("2", "important", "medium", "moyenne", "moyen", "مهم"),
        3: (
            "3",
            "must meet",
            "must_meet",
            "high",
            "indispensable",
            "essentiel",
            "obligatoire",
            "haute",
            "elevee",
            "ضروري",
            "أساسي",
        ),
    }
)

LANGUAGE_NAMES = _words(
    {
        "ar": ("ar", "arabic", "arabe", "العربية", "عربي", "عربية"),
        "fr": ("fr", "french", "francais", "الفرنسية", "فرنسي", "فرنسية"),
        "en": ("en", "english", "anglais", "الإنجليزية", "الانجليزية", "انجليزي", "إنجليزية"),
        "es": ("es", "spanish", "espagnol", "الإسبانية"),
        "de": ("de", "german", "allemand", "الألمانية"),
    }
)

OUTCOME_KINDS = _words(
    {
        OutcomeKind.HELD: (
            "took place",
            "done",
            "met",
            "tenu",
            "tenue",
            "a eu lieu",
            "realise",
            "realisee",
            "انعقد",
            "عقد",
            "منعقد",
            "تم",
            # a visit, a زيارة, is feminine: the organizer writes that it was held so
            "انعقدت",
            "عقدت",
            "منعقدة",
            "تمت",
        ),
        OutcomeKind.NO_SHOW: (
            "no-show",
            "absent",
            "absente",
            "absence",
            "did not come",
            "تغيب",
            "غياب",
            "لم يحضر",
            "تغيبت",
            "لم تحضر",
            "غائب",
            "غائبة",
        ),
        OutcomeKind.CANCELLED: (
            "canceled",
            "annule",
            "annulee",
            "ألغي",
            "ملغى",
            "ملغي",
            "ألغيت",
            "ملغاة",
            "ملغية",
        ),
    }
)
"""What happened at a meeting (an outcome's status), in the words the agendas and the
report print too (held/tenu/انعقد, no-show/absence/تغيّب, cancelled/annulé/أُلغي)."""

FOLLOW_UPS = _words(
    {
        FollowUp.NONE: ("no", "nothing", "aucune", "aucun", "rien", "لا شيء", "لا"),
        FollowUp.CALL: ("phone call", "appel", "appel telephonique", "اتصال", "مكالمة"),
        FollowUp.VISIT: ("site visit", "visite", "زيارة"),
        FollowUp.PROPOSAL: ("offer", "quote", "proposition", "devis", "offre", "عرض"),
        FollowUp.MOU: (
            "memorandum of understanding",
            "protocole d accord",
            "memorandum d entente",
            "مذكرة تفاهم",
        ),
        FollowUp.PARTNERSHIP: ("partenariat", "شراكة"),
        FollowUp.INVESTMENT_LEAD: (
            "investment",
            "investment lead",
            "piste d investissement",
            "investissement",
            "فرصة استثمار",
        ),
    }
)
"""The follow-up agreed at a meeting, in the words the report prints too."""
