"""Recommendations: order, reasons in three languages, diversity, the demo mission."""

from pathlib import Path

from typer.testing import CliRunner

from liqa.cli import app
from liqa.core.matching.profiles import Party, event_parties
from liqa.core.matching.reasons import ReasonCode, render
from liqa.core.matching.recommend import build_matcher, recommend
from liqa.core.matching.rules import event_rules
from liqa.core.matching.scoring import MatchSettings
from liqa.core.missionfile import load_event
from liqa.core.model import Side

DEMO = Path(__file__).parents[3] / "examples" / "morocco-us-digital-2024" / "mission.yaml"

DGSSI = Party(
    "DGSSI",
    "DGSSI",
    Side.DELEGATION,
    "DGSSI",
    seeks={"fr": "Formation en cybersécurité et réponse aux incidents"},
)
CYBER = Party("h-cyber", "h-cyber", Side.HOST, "CyberCo", offers={"en": "Cybersecurity training"})
CLOUD = Party("h-cloud", "h-cloud", Side.HOST, "CloudCo", offers={"en": "Sovereign cloud"})
TRAIN = Party("h-train", "h-train", Side.HOST, "TrainCo", offers={"en": "Coding bootcamps"})
OTHER = Party("MTN", "MTN", Side.DELEGATION, "Ministry", seeks={"ar": "الأمن السيبراني"})


def test_recommend_cross_language_offer_first_and_same_side_left_out() -> None:
    matcher = build_matcher([DGSSI, CYBER, CLOUD, TRAIN, OTHER])
    assert [r.candidate for r in recommend(matcher, "DGSSI")] == ["h-cyber", "h-train"]


def test_recommend_reasons_in_each_language() -> None:
    matcher = build_matcher([DGSSI, CYBER, CLOUD, TRAIN, OTHER])
    best = recommend(matcher, "DGSSI")[0]
    # the second reason, new with the semantic signal, quotes both profiles as written
    assert [r.code for r in best.reasons] == [
        ReasonCode.OFFERS_WHAT_YOU_SEEK,
        ReasonCode.CLOSE_IN_MEANING,
    ]
    assert best.reasons[1].quotes == (
        "Cybersecurity training",
        "Formation en cybersécurité et réponse aux incidents",
    )
    assert render(best.reasons[0], "ar", matcher.thesaurus) == (
        "يقدّم ما تبحث عنه: الأمن السيبراني، التكوين وتنمية الكفاءات"
    )
    assert render(best.reasons[0], "fr", matcher.thesaurus) == (
        "Propose ce que vous recherchez : cybersécurité, compétences et formation"
    )
    assert [render(r, "en", matcher.thesaurus) for r in best.reasons] == [
        "Offers what you seek: cybersecurity, skills and training",
        "Close in meaning: ‘Cybersecurity training’ — "
        "‘Formation en cybersécurité et réponse aux incidents’",
    ]


def test_recommend_diversity_one_person_per_company_while_others_remain() -> None:
    people = [
        Party(f"p-{i}", "BIGCO", Side.HOST, f"P{i}", offers={"en": "Cybersecurity training"})
        for i in range(5)
    ]
    small = Party("p-small", "SMALLCO", Side.HOST, "S", offers={"en": "Incident response"})
    matcher = build_matcher([DGSSI, *people, small], settings=MatchSettings(top=3))
    assert [r.candidate for r in recommend(matcher, "DGSSI")] == ["p-0", "p-small", "p-1"]


def test_liqa_recommend_demo_mission_lists_cybersecurity_hosts_first_in_arabic() -> None:
    result = CliRunner().invoke(
        app,
        ["recommend", str(DEMO), "--for", "DGSSI", "--lang", "ar", "--top", "3"],
        env={"COLUMNS": "200"},
    )
    assert result.exit_code == 0, result.output
    lines = [line for line in result.output.splitlines() if "الأمن السيبراني" in line]
    assert len(lines) >= 3
    assert "أفضل الشركاء المقترحين" in result.output


def test_liqa_recommend_table_headings_come_from_the_catalog_in_french() -> None:
    result = CliRunner().invoke(
        app,
        ["recommend", str(DEMO), "--for", "DGSSI", "--lang", "fr", "--top", "2"],
        env={"COLUMNS": "200"},
    )
    assert result.exit_code == 0, result.output
    heading = next(line for line in result.output.splitlines() if "Partenaire" in line)
    assert "Score" in heading
    assert "Raisons" in heading
    assert "Meilleures rencontres pour" in result.output
    assert "Counterpart" not in result.output


def test_liqa_recommend_unknown_party_exits_2_with_a_suggestion() -> None:
    result = CliRunner().invoke(app, ["recommend", str(DEMO), "--for", "DGSS"])
    assert result.exit_code == 2
    assert "no organization or person with id 'DGSS'; did you mean DGSSI" in result.output


def test_recommend_demo_mission_top_three_offer_dgssi_cybersecurity() -> None:
    event = load_event(DEMO)
    matcher = build_matcher(event_parties(event), event_rules(event))
    offered = [
        {t for r in rec.reasons if r.code is ReasonCode.OFFERS_WHAT_YOU_SEEK for t in r.themes}
        for rec in recommend(matcher, "DGSSI", 3)
    ]
    assert ["cybersecurity" in themes for themes in offered] == [True, True, True]
