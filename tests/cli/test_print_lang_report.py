"""``liqa plan --print-lang fr|ar`` prints the whole report in that language, not only the
itinerary: the plan's figures and objective terms, the brokerage lines (event, meetings
placed, busiest participant), and with ``--previous`` the re-plan's header, whether the
mission file changed, the changes per person and where the outputs went. Words come from
the catalog, numbers from Babel (``1,2 s``, ``100,0 %`` in French), objective terms and
methods by their words; in Arabic every Latin name, id, path and number is isolated
(U+2066 … U+2069). English stays as it was (tests/cli/test_plan_previous.py and others
read it).

Real runs of the command on the example missions. The catalog read is the shipped one,
with this module's French and Arabic entries added where the shipped one lacks them (the
report's messages were new when these tests were written); the tests check that the
printed lines are the catalog's words, not these entries' wording.
"""

from __future__ import annotations

import re
import shutil
from collections.abc import Iterator
from pathlib import Path

import pytest
from babel.messages.mofile import write_mo
from babel.messages.pofile import read_po
from typer.testing import CliRunner

from liqa.cli import app
from liqa.core import i18n, templating

ROOT = Path(__file__).parents[2]
BROKERAGE = ROOT / "examples" / "brokerage-day" / "mission.yaml"
MISSION = ROOT / "examples" / "morocco-us-digital-2024" / "mission.yaml"
LTR, END = "\u2066", "\u2069"
DROPPED = "r-001"
"""The meeting request the changed mission leaves out (its two parties' agendas change)."""

ENTRIES: dict[tuple[str | None, str], tuple[str, str]] = {
    ("solver method", "CP-SAT solver"): ("solveur CP-SAT", "أداة الحل \u2066CP-SAT\u2069"),
    ("solver method", "greedy"): ("méthode gloutonne", "الطريقة الجشعة"),
    ("solver method", "large neighbourhood search"): (
        "recherche à grand voisinage",
        "البحث في الجوار الواسع",
    ),
    ("solver method", "iterated local search"): (
        "recherche locale itérée",
        "البحث المحلي المتكرر",
    ),
    ("solver method", "repair of the previous version"): (
        "réparation de la version précédente",
        "إصلاح النسخة السابقة",
    ),
    (None, "%(seconds)s s"): ("%(seconds)s s", "%(seconds)s ث"),
    (None, "Objective terms: %(terms)s"): (
        "Termes de l'objectif : %(terms)s",
        "مكونات دالة الهدف: %(terms)s",
    ),
    (None, "Meetings placed: %(placed)s; not placed: %(unplaced)s"): (
        "Rendez-vous placés : %(placed)s ; non placés : %(unplaced)s",
        "اللقاءات المبرمجة: %(placed)s؛ غير المبرمجة: %(unplaced)s",
    ),
    (None, "value %(value)s"): ("valeur %(value)s", "القيمة %(value)s"),
    (None, "bound %(bound)s"): ("borne %(bound)s", "الحد %(bound)s"),
    (None, "gap %(gap)s"): ("écart %(gap)s", "الفجوة %(gap)s"),
    (None, "stopped early"): ("recherche arrêtée avant la fin", "أُوقف البحث قبل نهايته"),
    (None, "Plan: %(figures)s"): ("Plan : %(figures)s", "الخطة: %(figures)s"),
    (None, "breaks bound %(bound)s"): (
        "borne des temps morts %(bound)s",
        "حد فترات الانتظار %(bound)s",
    ),
    (None, "Event: %(title)s"): ("Événement : %(title)s", "الفعالية: %(title)s"),
    (None, "Schedule: %(figures)s"): ("Programme : %(figures)s", "البرنامج: %(figures)s"),
    (None, "Busiest participant: %(name)s (%(count)s)"): (
        "Participant le plus sollicité : %(name)s (%(count)s)",
        "المشارك الأكثر لقاءات: %(name)s (%(count)s)",
    ),
    (None, "Re-plan of version %(version)s: %(figures)s"): (
        "Nouvelle planification de la version %(version)s : %(figures)s",
        "إعادة تخطيط النسخة %(version)s: %(figures)s",
    ),
    (None, "Outputs written; open %(index)s"): (
        "Documents écrits ; ouvrez %(index)s",
        "كُتبت المخرجات؛ افتح %(index)s",
    ),
    (None, "Plan saved for re-planning: %(plan)s"): (
        "Plan enregistré pour une nouvelle planification : %(plan)s",
        "حُفظت الخطة لإعادة التخطيط: %(plan)s",
    ),
    (
        None,
        "No schedule found within %(seconds)s s; nothing was written and %(plan)s is unchanged",
    ): (
        "Aucun programme trouvé en %(seconds)s s ; rien n'a été écrit et %(plan)s est inchangé",
        "لم يُعثر على أي برنامج خلال %(seconds)s ث؛ لم يُكتب أي شيء ولم يتغير %(plan)s",
    ),
    (None, "hint: run again with a longer --time-limit, e.g. --time-limit 60"): (
        "conseil : relancez avec un --time-limit plus long, par exemple --time-limit 60",
        "تلميح: أعد التشغيل بمهلة \u2066--time-limit\u2069 أطول، مثلًا \u2066--time-limit 60\u2069",
    ),
    (None, "No longer in the mission, dropped from the plan: %(keys)s"): (
        "Ne figurent plus dans la mission, retirés du plan : %(keys)s",
        "لم تعد ضمن البعثة، وحُذفت من الخطة: %(keys)s",
    ),
    (None, "Changes since version %(version)s:"): (
        "Changements depuis la version %(version)s :",
        "التغييرات منذ النسخة %(version)s:",
    ),
    (None, "Calendars with every event cancelled (nothing left in the plan): %(files)s"): (
        "Calendriers dont chaque événement est annulé (plus rien dans le plan) : %(files)s",
        "تقويمات أُلغيت كل أحداثها (لم يبق منها شيء في الخطة): %(files)s",
    ),
}
"""The report's messages in French and Arabic, (context, msgid) → (fr, ar)."""

ENGLISH = (
    "Event:",
    "Schedule:",
    "Plan:",
    "Objective terms",
    "Meetings placed",
    "not placed",
    "Busiest participant",
    "breaks bound",
    "bound ",
    "gap ",
    "value ",
    "stopped early",
    "cpsat",
    "(greedy)",
    "scheduled_priority",
    "table_changes",
    "breaks =",
    "feasible",
    "Re-plan of version",
    "Changes since version",
    "The mission file",
    "has not changed",
    "has changed",
    "none: every meeting",
    "moved:",
    "dropped:",
    "added:",
    ", was ",
    " from ",
    "No longer in the mission",
    "Outputs written",
    "Plan saved",
    "Itinerary:",
)
"""English words of the report, none of which a French or Arabic report may print."""


def _clear_caches() -> None:
    i18n.translation.cache_clear()
    i18n.translator.cache_clear()
    templating.environment_for.cache_clear()


@pytest.fixture(scope="module")
def catalog(tmp_path_factory: pytest.TempPathFactory) -> Iterator[None]:
    """The shipped catalogs, with :data:`ENTRIES` where they lack a translation, compiled
    and read in place of the shipped ones for this module."""
    folder = tmp_path_factory.mktemp("locale")
    for shipped in i18n.LOCALE_DIR.iterdir():
        if shipped.is_dir():
            shutil.copytree(shipped, folder / shipped.name)
    for index, lang in enumerate(("fr", "ar")):
        path = folder / lang / "LC_MESSAGES" / f"{i18n.DOMAIN}.po"
        with path.open("rb") as po:
            messages = read_po(po, locale=lang)
        for (context, msgid), texts in ENTRIES.items():
            known = messages.get(msgid, context=context)
            if known is None or not known.string or known.fuzzy:
                messages.add(msgid, texts[index], context=context, flags=("python-format",))
        with path.with_suffix(".mo").open("wb") as mo:
            write_mo(mo, messages)
    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(i18n, "LOCALE_DIR", folder)
        _clear_caches()
        yield
    _clear_caches()


def _run(*args: str) -> str:
    result = CliRunner().invoke(app, list(args))
    assert result.exit_code == 0, result.output
    assert "Traceback" not in result.output
    return result.output


@pytest.fixture(scope="module")
def printed(catalog: None, tmp_path_factory: pytest.TempPathFactory) -> dict[str, str]:
    """What ``liqa plan`` printed: the brokerage day planned (``plan fr``, ``plan ar``,
    ``plan en``), then, without request :data:`DROPPED`, re-planned from the English plan
    (``replan fr``, ``replan ar``: greedy, the previous timetable repaired); the mission's
    itinerary planned in French (``mission fr``)."""
    root = tmp_path_factory.mktemp("brokerage")
    day = root / "day.yaml"
    day.write_bytes(BROKERAGE.read_bytes())
    limit = ("--time-limit", "2", "--lang", "en")
    out: dict[str, str] = {}
    out["plan en"] = _run("plan", str(day), *limit, "--out", str(root / "v1"))
    for lang in ("fr", "ar"):
        out[f"plan {lang}"] = _run("plan", str(day), *limit, "--print-lang", lang)
    text = day.read_text(encoding="utf-8")
    line = next(row for row in text.splitlines(keepends=True) if f"id: {DROPPED}," in row)
    changed = root / "changed.yaml"
    changed.write_text(text.replace(line, ""), encoding="utf-8")
    previous = str(root / "v1" / "plan.json")
    for lang in ("fr", "ar"):
        out[f"replan {lang}"] = _run(
            "plan",
            str(changed),
            "--previous",
            previous,
            "--out",
            str(root / f"v2-{lang}"),
            "--method",
            "greedy",
            *limit,
            "--print-lang",
            lang,
        )
    out["mission fr"] = _run("plan", str(MISSION), "--time-limit", "1", "--print-lang", "fr")
    return out


def _lead(msgid: str, lang: str) -> str:
    """The catalog's words for ``msgid`` in ``lang`` up to its first field."""
    return i18n.translator(lang).gettext(msgid).split("%(")[0]


def _heads(lang: str, *msgids: str) -> list[str]:
    words = [_lead(msgid, lang) for msgid in msgids]
    for msgid, said in zip(msgids, words, strict=True):
        assert said != msgid.split("%(")[0], f"no {lang} words for {msgid!r}"
    return words


PLAN_HEADS = (
    "Event: %(title)s",
    "Schedule: %(figures)s",
    "Objective terms: %(terms)s",
    "Meetings placed: %(placed)s; not placed: %(unplaced)s",
    "Busiest participant: %(name)s (%(count)s)",
)
REPLAN_HEADS = (
    "Re-plan of version %(version)s: %(figures)s",
    "Objective terms: %(terms)s",
    "Meetings placed: %(placed)s; not placed: %(unplaced)s",
    "No longer in the mission, dropped from the plan: %(keys)s",
    "Changes since version %(version)s:",
    "Outputs written; open %(index)s",
    "Plan saved for re-planning: %(plan)s",
)


def _english_left(output: str) -> list[str]:
    return [words for words in ENGLISH if words in output]


def test_the_english_report_reads_as_before(printed: dict[str, str]) -> None:
    lines = printed["plan en"].strip().splitlines()
    assert lines[0] == "Event: Casablanca Digital Days B2B 2025"
    assert re.fullmatch(
        r"Schedule: (optimal|feasible) \(cpsat\), \d+\.\d s, breaks bound \d+, gap \d+\.\d%",
        lines[1],
    )
    assert re.fullmatch(r"Objective terms: scheduled_priority = \d+, breaks = \d+, .*", lines[2])
    assert lines[3] == "Meetings placed: 410; not placed: 0"
    assert re.fullmatch(r"Busiest participant: [A-Z][a-z]+ [A-Z][a-z]+ \(\d+\)", lines[4])
    assert LTR not in printed["plan en"]


def test_french_plan_report_has_french_heads_figures_and_terms(printed: dict[str, str]) -> None:
    output = printed["plan fr"]
    lines = output.strip().splitlines()
    for line, lead in zip(lines, _heads("fr", *PLAN_HEADS), strict=False):
        assert line.startswith(lead), (line, lead)
    assert lines[0].endswith("Casablanca Digital Days — rencontres B2B 2025")  # French title
    assert re.search(r"\d,\d s", lines[1])  # seconds with a decimal comma
    assert re.search(r"\d,\d[\u00a0\u202f]%", lines[1])  # the gap as French writes it
    terms = i18n.translator("fr")
    for code in ("priority scheduled", "breaks", "table changes"):
        assert f"{terms.gettext(code)} = " in lines[2]
    assert _english_left(output) == []


def test_arabic_plan_report_has_arabic_heads_and_isolated_latin(printed: dict[str, str]) -> None:
    output = printed["plan ar"]
    lines = output.strip().splitlines()
    for line, lead in zip(lines, _heads("ar", *PLAN_HEADS), strict=False):
        assert line.startswith(lead), (line, lead)
    assert "أيام الدار البيضاء الرقمية" in lines[0]
    assert f"{LTR}410{END}" in lines[3]  # numbers read left to right
    assert re.search("[\u0600-\u06ff]", lines[4].split(":", 1)[1])  # the name in Arabic
    assert _english_left(output) == []
    assert _latin_outside_isolates(output) == []


def _latin_outside_isolates(output: str) -> list[str]:
    """Latin words of ``output`` outside left-to-right isolates (untranslated words)."""
    outside = re.sub(f"{LTR}[^{END}]*{END}", " ", output)
    return re.findall(r"[A-Za-z][A-Za-z_-]+", outside)


def test_french_replan_report_has_french_heads_and_changes(printed: dict[str, str]) -> None:
    output = printed["replan fr"]
    for lead in _heads("fr", *REPLAN_HEADS):
        assert re.search(f"^{re.escape(lead)}", output, re.M), lead
    fr = i18n.translator("fr").gettext
    mission = fr("The mission file has changed since version {version} was planned from {file}")
    assert mission.format(version="1", file="day.yaml") in output
    dropped = fr("dropped: {title} ({key}), was {old}").split("{")[0]
    assert re.search(rf"^  {re.escape(dropped)}.* \({DROPPED}\), ", output, re.M)
    assert re.search(r"^[A-Z].* \(p-[a-z-]+\) :$", output, re.M)  # a person, French colon
    assert _english_left(output) == []


def test_arabic_replan_report_has_arabic_heads_and_isolated_latin(
    printed: dict[str, str],
) -> None:
    output = printed["replan ar"]
    for lead in _heads("ar", *REPLAN_HEADS):
        assert re.search(f"^{re.escape(lead)}", output, re.M), lead
    assert f"({LTR}{DROPPED}{END})" in output
    assert f"{LTR}day.yaml{END}" in output
    assert _english_left(output) == []
    assert _latin_outside_isolates(output) == []


def test_french_itinerary_plan_heads_and_terms(printed: dict[str, str]) -> None:
    lines = printed["mission fr"].strip().splitlines()
    plan, terms = _heads("fr", "Plan: %(figures)s", "Objective terms: %(terms)s")
    assert lines[0].startswith(plan)
    method = i18n.translator("fr").pgettext("solver method", "iterated local search")
    assert lines[0].startswith(f"{plan}{method}, ")
    assert lines[1].startswith(terms)
    assert i18n.translator("fr").gettext("value of the visits") + " = " in lines[1]
    assert "travel_minutes" not in lines[1]
    assert _english_left("\n".join(lines[:2])) == []


def _unplaced_report(lang: str) -> list[str]:
    """The report of a small brokerage event whose meeting r3 cannot be placed."""
    from liqa.core.scheduling.planning import PlanSettings, plan_event
    from tests.core.scheduling.brokerage.test_from_event import accepted, at, event

    ev = event(
        accepted("r1", "p-amal", "p-chen", priority=3),
        accepted("r3", "p-bruno", "p-chen", priority=1, fixed_start=at(9, 40)),
    )
    settings = PlanSettings(time_limit=20, workers=1, lang=lang)
    return [line for line in plan_event(ev, settings).report.splitlines() if "r3" in line]


def test_a_meeting_not_placed_is_explained_in_french(catalog: None) -> None:
    (line,) = _unplaced_report("fr")
    fr = i18n.translator("fr").gettext
    reason = fr("no slot where all can attend")
    assert reason != "no slot where all can attend"
    detail = "Bruno et Chen n'ont aucun créneau commun où tous peuvent venir"
    assert line == f"  - Bruno – Chen (r3) : {reason} — {detail}"


def test_a_meeting_not_placed_is_explained_in_arabic_latin_isolated(catalog: None) -> None:
    (line,) = _unplaced_report("ar")
    reason = i18n.translator("ar").gettext("no slot where all can attend")
    assert line.startswith(f"  - {LTR}Bruno – Chen{END} ({LTR}r3{END}): {reason} — ")
    assert f"{LTR}Bruno{END}" in line.split(" — ", 1)[1]
    assert _latin_outside_isolates(line) == []
