"""Profiles: needs, offers, activity, refusals and segments read from a party's form."""

from dataclasses import replace

from liqa.core.matching.profiles import Party, build_profile, organization_party, person_party
from liqa.core.model import Organization, OrgKind, Person, Side


def test_build_profile_reads_every_role_and_segment() -> None:
    party = Party(
        "h",
        "h",
        Side.HOST,
        "TreasuryOne",
        seeks={"en": "Banks as partners. We do not work with start-ups."},
        offers={"en": "Digital payments for large corporates"},
        description={"en": "A cloud company of 300 employees."},
        kind=OrgKind.COMPANY,
    )
    profile = build_profile(party)
    assert (profile.seeks, profile.offers, profile.activity) == (
        frozenset(),
        frozenset({"fintech"}),
        frozenset({"cloud"}),
    )
    assert profile.identity == frozenset({"large-enterprises"})
    assert profile.serves == frozenset({"large-enterprises"})
    assert profile.looks_for == frozenset({"financial-institutions"})
    assert profile.refuses == frozenset({"startups"})
    assert profile.themes == frozenset({"fintech", "cloud"})


def test_build_profile_mentioned_keeps_refused_themes_for_the_baseline() -> None:
    party = Party(
        "m",
        "m",
        Side.DELEGATION,
        "Ministère",
        seeks={"fr": "Formation. Nous ne cherchons pas de conseil en transformation digitale."},
        kind=OrgKind.GOVERNMENT,
    )
    profile = build_profile(party)
    assert profile.excludes == frozenset({"digital-transformation"})
    assert profile.themes == frozenset({"skills-training"})
    assert profile.mentioned == frozenset({"skills-training", "digital-transformation"})


def test_build_profile_beneficiary_of_a_need_is_not_a_sought_partner() -> None:
    party = Party(
        "e",
        "e",
        Side.DELEGATION,
        "Ministère",
        seeks={"fr": "Des plateformes en ligne pour les entreprises, et des banques partenaires"},
    )
    assert build_profile(party).looks_for == frozenset({"financial-institutions"})


def _startup(seeks: str, description: str) -> Party:
    return Party(
        "s", "s", Side.DELEGATION, "S", seeks={"ar": seeks}, description={"ar": description}
    )


def test_a_start_up_looking_for_investors_seeks_financing() -> None:
    profile = build_profile(_startup("نحتاج إلى مستثمرين", "شركة ناشئة في الدار البيضاء."))
    assert "investors" in profile.looks_for
    assert "startup-financing" in profile.seeks


def test_an_agency_looking_for_investors_does_not_seek_start_up_financing() -> None:
    agency = Party(
        "a",
        "a",
        Side.DELEGATION,
        "Agency",
        seeks={"en": "Investors for our industrial zones."},
        kind=OrgKind.AGENCY,
    )
    assert build_profile(agency).seeks == frozenset()


def test_an_organizations_french_name_is_its_name_read_in_french() -> None:
    """Matching suggestions named Moroccan institutions in English to French readers."""
    org = Organization(
        "DGSSI",
        "General Directorate for Information Systems Security",
        Side.DELEGATION,
        OrgKind.GOVERNMENT,
        name_ar="المديرية العامة لأمن نظم المعلومات",
        name_fr="Direction générale de la sécurité des systèmes d'information",
        short_name="DGSSI",
    )
    party = organization_party(org)
    assert party.display_name("fr") == (
        "Direction générale de la sécurité des systèmes d'information (DGSSI)"
    )
    assert (
        party.display_name("en") == "General Directorate for Information Systems Security (DGSSI)"
    )
    assert party.display_name("ar") == "المديرية العامة لأمن نظم المعلومات"
    person = Person("p", "Karim Benali", "DGSSI")
    assert person_party(person, org).display_name("fr") == "Karim Benali, DGSSI"
    long = replace(org, short_name="")
    assert person_party(person, long).display_name("fr") == (
        "Karim Benali, Direction générale de la sécurité des systèmes d'information"
    )
    english_only = replace(org, name_fr="")
    assert organization_party(english_only).display_name("fr") == (
        "General Directorate for Information Systems Security (DGSSI)"
    )


def test_a_name_that_already_ends_with_its_short_name_does_not_repeat_it() -> None:
    """`liqa recommend --lang fr` titled the demo's DGSSI "…(DGSSI) (DGSSI)": its French
    name in the mission file already ends with the short name."""
    org = Organization(
        "DGSSI",
        "General Directorate for Information Systems Security",
        Side.DELEGATION,
        OrgKind.GOVERNMENT,
        name_fr="Direction Générale de la Sécurité des Systèmes d'Information (DGSSI)",
        short_name="DGSSI",
    )
    party = organization_party(org)
    assert party.display_name("fr") == (
        "Direction Générale de la Sécurité des Systèmes d'Information (DGSSI)"
    )
    assert (
        party.display_name("en") == "General Directorate for Information Systems Security (DGSSI)"
    )
