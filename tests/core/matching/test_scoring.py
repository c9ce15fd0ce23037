"""Each scoring rule on tiny hand-built parties, with the value computed by hand.

Profiles are written in different languages where the TF-IDF signal must stay out of the
way (it only compares texts in one language). ``w(df) = 1 + ln(n / df)`` is a theme's
specificity among ``n`` parties.
"""

import math

import pytest

from liqa.core.matching.profiles import Party
from liqa.core.matching.reasons import ReasonCode, contributions
from liqa.core.matching.recommend import build_matcher
from liqa.core.matching.signals import Signals, signals
from liqa.core.model import OrgKind, Side

D, H = Side.DELEGATION, Side.HOST


def party(
    pid: str,
    side: Side,
    *,
    seeks: dict[str, str] | None = None,
    offers: dict[str, str] | None = None,
    description: dict[str, str] | None = None,
    kind: OrgKind | None = None,
    name: str = "",
) -> Party:
    return Party(
        pid,
        pid,
        side,
        name or pid,
        seeks or {},
        offers or {},
        description or {},
        kind=kind,
    )


def scored(parties: list[Party], reader: str, candidate: str) -> tuple[float, Signals, int]:
    matcher = build_matcher(parties)
    i, j = matcher.index(reader), matcher.index(candidate)
    sig = signals(matcher.model, slice(i, i + 1))
    return float(sig.total(matcher.settings)[0, j]), sig, j


def w(n: int, df: int) -> float:
    return 1 + math.log(n / df)


def test_fit_weighs_each_sought_theme_by_its_specificity() -> None:
    a = party("a", D, seeks={"en": "Cybersecurity and training"})
    b = party("b", H, offers={"fr": "Formation"})
    c = party("c", H, offers={"fr": "Cybersécurité"})
    d = party("d", H, offers={"fr": "Formation continue"})
    cyber, training = w(4, 2), w(4, 3)
    _, sig_b, jb = scored([a, b, c, d], "a", "b")
    _, sig_c, jc = scored([a, b, c, d], "a", "c")
    assert sig_c.fit_forward[0, jc] == pytest.approx(cyber / (cyber + training), rel=1e-5)
    assert sig_b.fit_forward[0, jb] == pytest.approx(training / (cyber + training), rel=1e-5)


def test_fit_counts_both_directions_and_shared_themes() -> None:
    a = party("a", D, seeks={"fr": "Formation en cybersécurité"})
    b = party("b", H, offers={"en": "Cybersecurity"})
    score, sig, j = scored([a, b], "a", "b")
    cyber, training = w(2, 2), w(2, 1)
    fit = cyber / (cyber + training)
    shared = cyber / math.hypot(cyber, training)
    assert sig.fit_forward[0, j] == pytest.approx(fit, rel=1e-5)
    assert sig.fit_backward[0, j] == 0.0
    assert score == pytest.approx(1.0 * fit + 0.5 * shared, rel=1e-5)


def test_activity_and_related_offer_count_part_of_a_need() -> None:
    a = party("a", D, seeks={"en": "Cybersecurity"})
    b = party("b", H, description={"fr": "Une entreprise de cybersécurité."})
    c = party("c", H, offers={"fr": "Identité numérique"})
    _, sig_b, jb = scored([a, b, c], "a", "b")
    _, sig_c, jc = scored([a, b, c], "a", "c")
    assert sig_b.fit_forward[0, jb] == pytest.approx(0.5)
    assert sig_c.fit_forward[0, jc] == pytest.approx(0.3)


def test_two_parties_that_only_seek_a_theme_share_nothing() -> None:
    a = party("a", D, seeks={"fr": "Nous cherchons du cloud"})
    b = party("b", H, seeks={"en": "We seek cloud services"})
    score, sig, j = scored([a, b], "a", "b")
    assert sig.shared[0, j] == 0.0
    assert score == 0.0


def test_offer_aimed_at_consumers_keeps_30_percent_for_a_ministry() -> None:
    ministry = party("m", D, seeks={"en": "Cybersecurity"}, kind=OrgKind.GOVERNMENT)
    consumer = party("c", H, offers={"fr": "Cybersécurité pour les familles"})
    public = party("p", H, offers={"fr": "Cybersécurité pour les administrations"})
    to_consumers, sig, j = scored([ministry, consumer, public], "m", "c")
    to_ministries, _, _ = scored([ministry, consumer, public], "m", "p")
    assert sig.segment_forward[0, j] == 1.0
    assert to_consumers == pytest.approx(1.0 * 0.3 + 0.5 * 1.0 * 0.3, rel=1e-5)
    assert to_ministries == pytest.approx(1.0 + 0.5, rel=1e-5)


def test_looking_for_banks_counts_for_a_bank_sharing_a_theme() -> None:
    host = party(
        "h", H, seeks={"en": "Banks as distribution partners"}, offers={"en": "Mobile payments"}
    )
    bank = party(
        "b",
        D,
        seeks={"fr": "Paiement mobile"},
        description={"fr": "Banque marocaine."},
        kind=OrgKind.COMPANY,
    )
    score, sig, j = scored([host, bank], "h", "b")
    assert sig.kind_forward[0, j] == 1.0
    assert score == pytest.approx(1.0 * 1.0 + 0.5 * 1.0 + 0.5 * 1.0, rel=1e-5)


def test_looking_for_banks_counts_nothing_without_a_shared_theme() -> None:
    host = party("h", H, seeks={"en": "Banks as partners"}, offers={"en": "Mobile payments"})
    bank = party(
        "b", D, seeks={"fr": "Cloud"}, description={"fr": "Banque marocaine."}, kind=OrgKind.COMPANY
    )
    score, sig, j = scored([host, bank], "h", "b")
    assert sig.kind_forward[0, j] == 0.0
    assert score == 0.0


def test_competitors_are_demoted_below_zero() -> None:
    a = party(
        "a",
        D,
        offers={"fr": "Services de cybersécurité"},
        seeks={"fr": "Levée de fonds d'amorçage"},
        kind=OrgKind.COMPANY,
    )
    b = party(
        "b", H, offers={"en": "Cybersecurity services"}, seeks={"en": "Seed funding"}, kind=None
    )
    score, sig, j = scored([a, b], "a", "b")
    assert sig.competition[0, j] == pytest.approx(1.0)
    assert sig.shared[0, j] == pytest.approx(0.5)
    assert score == pytest.approx(0.5 * 0.5 - 1.0, rel=1e-5)


def test_competitors_with_a_need_of_each_other_are_not_demoted() -> None:
    a = party("a", D, offers={"fr": "Cybersécurité"}, seeks={"fr": "Cybersécurité"})
    b = party("b", H, offers={"en": "Cybersecurity"})
    _, sig, j = scored([a, b], "a", "b")
    assert sig.competition[0, j] == 0.0


@pytest.mark.parametrize(
    ("kind", "description"),
    [(OrgKind.GOVERNMENT, {}), (OrgKind.COMPANY, {"en": "A venture capital firm."})],
)
def test_a_public_body_or_an_investor_is_no_competitor(
    kind: OrgKind, description: dict[str, str]
) -> None:
    a = party("a", D, offers={"fr": "Cybersécurité"}, kind=kind, description=description)
    b = party("b", H, offers={"en": "Cybersecurity"}, kind=OrgKind.COMPANY)
    _, sig, j = scored([a, b], "a", "b")
    assert sig.competition[0, j] == 0.0


def test_a_supplier_to_the_others_sector_is_no_competitor() -> None:
    """Both "do" fintech, but one sells it to banks and the other is a bank: a supplier."""
    bank = party(
        "bank",
        D,
        description={"fr": "Banque universelle marocaine."},
        offers={"fr": "Paiement mobile et banque digitale"},
        kind=OrgKind.COMPANY,
    )
    vendor = party("vendor", H, offers={"en": "Mobile payments for banks"}, kind=OrgKind.COMPANY)
    rival = party("rival", H, offers={"en": "Mobile payments and digital banking"})
    _, sig, j = scored([bank, vendor, rival], "bank", "vendor")
    assert sig.competition[0, j] == 0.0
    _, sig, j = scored([bank, vendor, rival], "bank", "rival")
    assert sig.competition[0, j] > 0.5


def test_an_excluded_theme_removes_its_share_of_what_the_candidate_does() -> None:
    a = party(
        "a",
        D,
        seeks={"fr": "Formation. Nous ne cherchons pas de conseil en transformation digitale."},
    )
    b = party("b", H, offers={"en": "Training and digital transformation strategy"})
    score, sig, j = scored([a, b], "a", "b")
    training, transformation = w(2, 2), w(2, 1)
    share = transformation / (training + transformation)
    shared = training / math.hypot(training, transformation)
    assert sig.excluded_forward[0, j] == pytest.approx(share, rel=1e-5)
    assert score == pytest.approx((1.0 + 0.5 * shared) * (1 - 0.9 * share), rel=1e-5)


def test_a_refused_segment_excludes_the_whole_pair() -> None:
    fund = party(
        "f",
        H,
        offers={"en": "Growth capital"},
        seeks={"en": "Established companies. We do not invest in start-ups."},
    )
    startup = party(
        "s",
        D,
        seeks={"fr": "Capital-risque"},
        description={"fr": "Startup de 12 personnes."},
        kind=OrgKind.COMPANY,
    )
    score, sig, j = scored([fund, startup], "f", "s")
    assert sig.excluded_forward[0, j] == 1.0
    assert score == pytest.approx((1.0 + 0.5) * 0.1, rel=1e-5)


def test_refusing_a_theme_one_also_seeks_is_not_acted_on() -> None:
    school = party(
        "s", D, seeks={"ar": "التكوين في الأمن السيبراني. لا نبحث عن الأمن السيبراني المدار."}
    )
    matcher = build_matcher([school])
    assert matcher.model.profiles[0].excludes == frozenset()


def test_contributions_add_up_to_the_score_with_penalties_negative() -> None:
    ministry = party("m", D, seeks={"en": "Cybersecurity"}, kind=OrgKind.GOVERNMENT)
    consumer = party("c", H, offers={"fr": "Cybersécurité pour les familles"})
    matcher = build_matcher([ministry, consumer])
    sig = signals(matcher.model, slice(0, 1))
    parts = contributions(matcher.model, 0, 1, sig.pair(0, 1))
    assert [(r.code, round(r.value, 4)) for r in parts] == [
        (ReasonCode.OFFERS_WHAT_YOU_SEEK, 1.0),
        (ReasonCode.SHARED_THEMES, 0.5),
        (ReasonCode.OTHER_SEGMENT, -1.05),
    ]
    assert sum(r.value for r in parts) == pytest.approx(float(sig.total(matcher.settings)[0, 1]))
