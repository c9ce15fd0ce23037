"""The tables organizers keep, their columns, and header synonyms in en/fr/ar.

A header matches a column when its folded form (lower case, no accents, punctuation as
spaces; see :func:`liqa.core.spreadsheets.cells.fold`) equals one of the column's
synonyms. Localized columns (``offers``, ``seeks``, ``description``) take a language
suffix: ``offers_fr``, ``Offres (fr)``, ``Description arabe``, ``الوصف بالعربية``; without
one the text is English, as in the mission file.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from liqa.core.spreadsheets.cells import fold


@dataclass(frozen=True)
class Column:
    """One column: its canonical header (written on export) and accepted synonyms."""

    key: str
    synonyms: tuple[str, ...] = ()
    localized: bool = False

    @property
    def folded(self) -> frozenset[str]:
        """Every accepted header, folded."""
        return frozenset(fold(word) for word in (self.key, *self.synonyms))


@dataclass(frozen=True)
class Table:
    """A table (sheet or CSV file) with its names and columns."""

    name: str
    names: tuple[str, ...]
    """Sheet or file names that mean this table (besides ``name``)."""
    columns: tuple[Column, ...]
    required: tuple[str, ...]

    def column(self, key: str) -> Column:
        """The column with this canonical key."""
        return next(c for c in self.columns if c.key == key)


_ID = Column("id", ("identifier", "ref", "reference", "code", "identifiant", "المعرف", "الرمز"))
_THEMES = Column("themes", ("topics", "focus", "interests", "themes", "sujets", "المحاور"))
_FICTIONAL = Column("fictional", ("fictitious", "fictif", "fictive", "خيالي", "وهمي"))
_NAME_AR = Column(
    "name_ar",
    (
        "arabic name",
        "name in arabic",
        "nom arabe",
        "nom en arabe",
        "الاسم بالعربية",
        "الاسم العربي",
    ),
)
_NAME_FR = Column(
    "name_fr",
    (
        "french name",
        "name in french",
        "nom français",
        "nom en français",
        "nom officiel en français",
        "الاسم بالفرنسية",
        "الاسم الفرنسي",
    ),
)

ORGANIZATIONS = Table(
    name="organizations",
    names=(
        "organisations",
        "organization",
        "organisation",
        "orgs",
        "companies",
        "entreprises",
        "societes",
        "organismes",
        "structures",
        "الهيئات",
        "المؤسسات",
        "الشركات",
        "المنظمات",
    ),
    columns=(
        _ID,
        Column(
            "name",
            (
                "organization",
                "organisation",
                "organization name",
                "company",
                "company name",
                "nom",
                "raison sociale",
                "organisme",
                "entreprise",
                "societe",
                "nom de l organisation",
                "structure",
                "الاسم",
                "الهيئة",
                "المؤسسة",
                "الشركة",
                "اسم الهيئة",
                "اسم المؤسسة",
                "الجهة",
            ),
        ),
        _NAME_AR,
        _NAME_FR,
        Column(
            "short_name",
            (
                "short name",
                "acronym",
                "abbreviation",
                "sigle",
                "acronyme",
                "nom court",
                "الاختصار",
                "الاسم المختصر",
            ),
        ),
        Column("side", ("delegation or host", "cote", "camp", "الجانب", "الطرف")),
        Column(
            "kind",
            (
                "type",
                "organization type",
                "category",
                "type d organisation",
                "categorie",
                "النوع",
                "الصنف",
                "نوع الهيئة",
            ),
        ),
        Column("sector", ("industry", "secteur", "secteur d activite", "القطاع")),
        Column("country", ("pays", "البلد", "الدولة")),
        _THEMES,
        Column(
            "offers",
            ("offer", "what we offer", "offre", "offres", "العرض", "ما نقدمه"),
            localized=True,
        ),
        Column(
            "seeks",
            (
                "looking for",
                "needs",
                "seeking",
                "recherche",
                "besoins",
                "nous recherchons",
                "الطلب",
                "ما نبحث عنه",
                "الاحتياجات",
            ),
            localized=True,
        ),
        Column(
            "description",
            ("about", "profile", "presentation", "profil", "الوصف", "نبذة", "التعريف"),
            localized=True,
        ),
        Column("venue", ("venue id", "lieu", "المكان", "مقر اللقاء")),
        Column(
            "website",
            ("web", "url", "site", "site web", "site internet", "الموقع الإلكتروني", "الموقع"),
        ),
        _FICTIONAL,
    ),
    required=("name",),
)

PEOPLE = Table(
    name="people",
    names=(
        "participants",
        "persons",
        "person",
        "delegates",
        "attendees",
        "contacts",
        "personnes",
        "delegues",
        "inscrits",
        "المشاركون",
        "المشاركين",
        "الأشخاص",
        "أعضاء الوفد",
    ),
    columns=(
        _ID,
        Column(
            "name",
            (
                "full name",
                "participant",
                "nom",
                "nom complet",
                "nom et prenom",
                "prenom et nom",
                "الاسم",
                "الاسم الكامل",
            ),
        ),
        Column("first_name", ("first name", "given name", "prenom", "الاسم الشخصي")),
        Column(
            "last_name",
            (
                "last name",
                "surname",
                "family name",
                "nom de famille",
                "الاسم العائلي",
                "اللقب",
                "النسب",
            ),
        ),
        _NAME_AR,
        Column(
            "organization",
            (
                "organisation",
                "organization id",
                "company",
                "employer",
                "organisme",
                "entreprise",
                "societe",
                "structure",
                "الهيئة",
                "المؤسسة",
                "الشركة",
                "الجهة",
            ),
        ),
        Column(
            "role",
            (
                "position",
                "title",
                "job title",
                "function",
                "fonction",
                "poste",
                "titre",
                "qualite",
                "المنصب",
                "الصفة",
                "الوظيفة",
            ),
        ),
        Column(
            "gender",
            ("sex", "genre", "sexe", "salutation", "civilite", "الجنس", "الصفة المدنية"),
        ),
        Column("languages", ("language", "spoken languages", "langues", "langue", "اللغات")),
        Column(
            "email",
            (
                "e mail",
                "mail",
                "email address",
                "courriel",
                "adresse e mail",
                "adresse electronique",
                "البريد الإلكتروني",
                "البريد",
            ),
        ),
        Column("phone", ("telephone", "mobile", "tel", "portable", "gsm", "الهاتف", "رقم الهاتف")),
        _THEMES,
        Column(
            "availability",
            (
                "available",
                "availabilities",
                "disponibilite",
                "disponibilites",
                "التوفر",
                "أوقات التوفر",
            ),
        ),
        Column(
            "available_on",
            ("available date", "date", "jour", "date de disponibilite", "التاريخ", "اليوم"),
        ),
        Column(
            "available_from",
            (
                "from",
                "available from",
                "start",
                "arrival",
                "de",
                "disponible a partir de",
                "debut",
                "arrivee",
                "من",
            ),
        ),
        Column(
            "available_until",
            (
                "until",
                "to",
                "available until",
                "end",
                "departure",
                "disponible jusqu a",
                "fin",
                "depart",
                "a",
                "إلى",
                "الى",
            ),
        ),
        Column(
            "table", ("table number", "booth", "stand", "numero de table", "الطاولة", "رقم الطاولة")
        ),
        _FICTIONAL,
    ),
    required=("name", "organization"),
)

REQUESTS = Table(
    name="requests",
    names=(
        "meeting requests",
        "meetings",
        "demandes",
        "demandes de rendez vous",
        "rendez vous",
        "rdv",
        "الطلبات",
        "طلبات اللقاء",
        "اللقاءات",
    ),
    columns=(
        _ID,
        Column(
            "from",
            (
                "requester",
                "requested by",
                "requesting",
                "de",
                "demandeur",
                "emetteur",
                "من",
                "مقدم الطلب",
                "الطالب",
            ),
        ),
        Column(
            "to",
            (
                "target",
                "with",
                "meet",
                "requested",
                "a",
                "avec",
                "cible",
                "destinataire",
                "إلى",
                "الى",
                "مع",
                "الطرف المطلوب",
            ),
        ),
        Column("priority", ("priorite", "importance", "الأولوية")),
        Column("status", ("statut", "etat", "الحالة")),
        Column(
            "format",
            ("meeting type", "type", "type de rendez vous", "modalite", "الصيغة", "نوع اللقاء"),
        ),
        Column(
            "message",
            (
                "note",
                "notes",
                "comment",
                "comments",
                "commentaire",
                "commentaires",
                "objet",
                "الرسالة",
                "ملاحظات",
            ),
        ),
        Column(
            "duration_minutes",
            ("duration", "minutes", "duration min", "duree", "duree min", "المدة"),
        ),
        Column("session", ("seance", "الجلسة")),
        Column(
            "fixed_start",
            (
                "start",
                "scheduled at",
                "date and time",
                "debut",
                "date et heure",
                "الموعد",
                "وقت البدء",
            ),
        ),
        Column("fixed_date", ("date", "day", "jour", "التاريخ", "اليوم")),
        Column("fixed_time", ("time", "heure", "الساعة", "الوقت")),
        Column(
            "attendees",
            (
                "extra attendees",
                "also attending",
                "participants",
                "participants supplementaires",
                "الحضور",
            ),
        ),
        Column("after", ("depends on", "after requests", "apres", "بعد")),
        Column(
            "created_at",
            (
                "created",
                "submitted",
                "submitted at",
                "date de creation",
                "soumis le",
                "تاريخ الإنشاء",
                "تاريخ الطلب",
            ),
        ),
    ),
    required=("from", "to"),
)

VENUES = Table(
    name="venues",
    names=(
        "venue",
        "places",
        "locations",
        "lieux",
        "lieux de rencontre",
        "salles",
        "الأماكن",
        "أماكن اللقاء",
        "المقرات",
    ),
    columns=(
        _ID,
        Column(
            "name",
            (
                "venue",
                "venue name",
                "place",
                "location",
                "nom",
                "lieu",
                "nom du lieu",
                "salle",
                "الاسم",
                "المكان",
                "اسم المكان",
                "القاعة",
            ),
        ),
        _NAME_AR,
        _NAME_FR,
        Column("city", ("town", "ville", "localite", "المدينة")),
        Column("address", ("street address", "adresse", "adresse postale", "العنوان")),
        Column(
            "timezone",
            ("time zone", "tz", "zone", "fuseau horaire", "fuseau", "المنطقة الزمنية", "التوقيت"),
        ),
        Column("latitude", ("lat", "خط العرض")),
        Column("longitude", ("lon", "lng", "long", "خط الطول")),
        _FICTIONAL,
    ),
    required=("name", "city"),
)

OUTCOMES = Table(
    name="outcomes",
    names=(
        "outcome",
        "meeting outcomes",
        "results",
        "follow ups",
        "resultats",
        "resultats des rendez vous",
        "suivi des rendez vous",
        "suivi des rdv",
        "النتائج",
        "نتائج اللقاءات",
        "متابعة اللقاءات",
    ),
    columns=(
        Column(
            "meeting",
            (
                "id",
                "meeting id",
                "assignment",
                "request",
                "request id",
                "rendez vous",
                "reunion",
                "rdv",
                "اللقاء",
                "الاجتماع",
                "رقم اللقاء",
            ),
        ),
        Column(
            "parties",
            ("between", "who", "meeting with", "parties du rendez vous", "entre", "الأطراف"),
        ),
        Column(
            "status",
            (
                "outcome",
                "result",
                "kind",
                "statut",
                "etat",
                "resultat",
                "issue",
                "الحالة",
                "النتيجة",
            ),
        ),
        Column(
            "follow_up",
            ("follow up", "followup", "next step", "suite", "suite donnee", "المتابعة"),
        ),
        Column(
            "owner",
            (
                "follow up by",
                "followed up by",
                "responsible",
                "in charge",
                "responsable",
                "suivi par",
                "المسؤول",
                "المكلف بالمتابعة",
            ),
        ),
        Column(
            "notes",
            (
                "note",
                "comment",
                "comments",
                "commentaire",
                "commentaires",
                "remarques",
                "ملاحظات",
                "ملاحظة",
            ),
        ),
        Column(
            "recorded_at",
            (
                "recorded",
                "recorded on",
                "date",
                "enregistre le",
                "date d enregistrement",
                "تاريخ التسجيل",
            ),
        ),
    ),
    required=("meeting", "status"),
)
"""What came of each meeting (a request, a visit or a programme item, by id), one row per
meeting; ``parties`` names who met, for reading, and is not read back."""

TABLES: tuple[Table, ...] = (ORGANIZATIONS, PEOPLE, OUTCOMES, REQUESTS, VENUES)
"""Outcomes before requests: a file named for the outcomes of meetings ("résultats des
RDV") also names the requests' word, and :func:`table_for_name` takes the first table."""

_LANG_WORDS = {
    **dict.fromkeys(["en", "english", "anglais", "بالانجليزية", "بالإنجليزية", "انجليزي"], "en"),
    **dict.fromkeys(["fr", "french", "francais", "بالفرنسية", "فرنسي"], "fr"),
    **dict.fromkeys(["ar", "arabic", "arabe", "بالعربية", "عربي"], "ar"),
}


def table_for_name(name: str) -> Table | None:
    """The table a sheet or file name stands for (``Participants``, ``الطلبات``, ...)."""
    folded = fold(name)
    for table in TABLES:
        if folded in {fold(n) for n in (table.name, *table.names)}:
            return table
    for table in TABLES:  # a file named e.g. "mission-participants-2024"
        for n in (table.name, *table.names):
            if re.search(rf"(^| ){re.escape(fold(n))}( |$)", folded):
                return table
    return None


def match_header(table: Table, header: str) -> tuple[str, str | None] | None:
    """``(column key, language)`` for a header, language only for localized columns."""
    folded = fold(header)
    for column in table.columns:
        if folded in column.folded:
            return column.key, ("en" if column.localized else None)
    words = folded.rsplit(" ", 1)
    if len(words) == 2:
        stem, suffix = words
        lang = _LANG_WORDS.get(suffix)
        if lang is not None:
            for column in table.columns:
                if column.localized and stem in column.folded:
                    return column.key, lang
    return None
