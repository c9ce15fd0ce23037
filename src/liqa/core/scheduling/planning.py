"""Plan any event: dispatch to the brokerage scheduler or the itinerary planner by its kind.

One settings object for both, one outcome record with the domain :class:`Schedule`, the
solver's status, each objective term by name, the bound and gap, and a plain-text report
(no Rich) that the CLI prints and tests compare, in the settings' language
(:class:`ReportWords`: words through the catalog, numbers by Babel, Latin names, ids and
numbers isolated in Arabic; English as it always read, objective terms and methods by
their codes).
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from datetime import datetime
from string import Formatter
from typing import Any, Literal

from liqa.core.i18n import Translator, pgettext_noop, translator
from liqa.core.model import Event, EventKind, Schedule, pick
from liqa.core.outputs.labels import colon, comma, isolate, item_titles, person_name
from liqa.core.problems import Message, Names, translated
from liqa.core.scheduling.progress import OnProgress, relative_gap
from liqa.core.scheduling.reasons import detail_names, reason_words, with_names
from liqa.core.scheduling.terms import STATUS_WORDS, TERM_WORDS

Method = Literal["optimal", "greedy"]


@dataclass(frozen=True)
class PlanSettings:
    """How to plan: time limit (seconds), solver workers, seed, method, solver log, and
    an optional listener for live progress (see :mod:`liqa.core.scheduling.progress`)."""

    time_limit: float = 10.0
    workers: int = 2
    seed: int = 0
    method: Method = "optimal"
    log: bool = False
    on_progress: OnProgress | None = field(default=None, compare=False, repr=False)
    """Called with each :class:`~liqa.core.scheduling.progress.Progress`; False stops the
    search, which then returns the best schedule found so far (``stopped`` is set)."""
    lang: str = "en"
    """Language of the report, its itinerary included (ar, fr or en)."""


@dataclass(frozen=True)
class Released:
    """A published meeting a re-plan keeping published meetings in place had to move: its
    id, where it was (``start``, ``table``) and the meetings that now hold that place (none:
    a rule over many meetings, such as fairness, ruled it out)."""

    meeting: str
    start: datetime
    table: int | None = None
    blockers: tuple[str, ...] = ()


@dataclass(frozen=True)
class PlanOutcome:
    """A planned event: the schedule, how good it is, and a readable report.

    ``gap`` is relative (0.05 = the best possible is at most 5 % better), for both kinds.
    """

    schedule: Schedule
    status: str
    objective: Mapping[str, float] = field(default_factory=dict)
    bound: float | None = None
    gap: float | None = None
    seconds: float = 0.0
    report: str = ""
    stopped: bool = False
    """True when the listener stopped the search early (the best schedule found so far)."""
    bound_term: str | None = None
    """The objective term ``bound`` and ``gap`` are for: ``breaks`` or ``weighted`` at a
    brokerage event (see :attr:`.brokerage.problem.Result.bound_term`), ``value`` (the
    visits' value, not the value with fairness) for an itinerary; None without a bound.
    :func:`.terms.proof` says what they prove, term by term."""
    released: tuple[Released, ...] = ()
    """Published meetings a re-plan keeping them in place could not keep there (brokerage
    ``replan_event(keep_published=True)``): those it released to keep the others, then
    those the change itself ruled out of their place; the report's lines say the same in
    words."""


METHOD_WORDS: dict[str, str] = {
    "cpsat": pgettext_noop("solver method", "CP-SAT solver"),
    "greedy": pgettext_noop("solver method", "greedy"),
    "lns": pgettext_noop("solver method", "large neighbourhood search"),
    "ils": pgettext_noop("solver method", "iterated local search"),
    "replan": pgettext_noop("solver method", "repair of the previous version"),
}
"""The schedulers' methods (a result's ``method`` code) in words, for readers of French and
Arabic (the English report keeps the codes)."""


@dataclass(frozen=True)
class ReportWords:
    """The words and figures of a plan's report in ``lang``.

    Words come from the catalog; numbers, seconds and percentages are Babel's for the
    language; in Arabic, Latin names, ids and numbers are isolated (U+2066 … U+2069) so that
    a terminal that orders right-to-left text keeps each in one piece. English reads as the
    report always did (Python's number formats, objective terms and methods by their codes,
    nothing isolated): scripts and tests read it.
    """

    lang: str = "en"

    @property
    def t(self) -> Translator:
        """The language's translator."""
        return translator(self.lang)

    @property
    def english(self) -> bool:
        """True for the English report (codes and Python's number formats)."""
        return self.lang == "en"

    def iso(self, text: str) -> str:
        """``text`` isolated where it runs against the language's direction."""
        return text if self.english else isolate(text, self.lang)

    def gettext(self, message: str, /, **params: str) -> str:
        """``message`` from the catalog, its ``%(name)s`` fields filled with ``params``."""
        return self.t.gettext(message) % params

    def number(self, value: float) -> str:
        """A figure: ``751``, ``0.5`` (French ``0,5``)."""
        return f"{value:g}" if self.english else self.iso(self.t.format_number(value))

    def count(self, value: int) -> str:
        """A whole number: ``410`` (French ``1 204``)."""
        return str(value) if self.english else self.iso(self.t.format_number(value))

    def seconds(self, value: float) -> str:
        """A duration in seconds to a tenth: ``1.2 s`` (French ``1,2 s``)."""
        figure = f"{value:.1f}" if self.english else self.iso(self.t.format_number(value, 1))
        return self.gettext("%(seconds)s s", seconds=figure)

    def percent(self, value: float) -> str:
        """A ratio as a percentage to a tenth: ``7.7%`` (French ``7,7 %``)."""
        return f"{value:.1%}" if self.english else self.iso(self.t.format_percent(value, 1))

    def status(self, code: str) -> str:
        """A solver status (optimal, feasible, infeasible, unknown) in words (its code in
        English, which is the same word)."""
        if not self.english and code in STATUS_WORDS:
            return self.t.gettext(STATUS_WORDS[code])
        return self.iso(code)

    def method(self, code: str) -> str:
        """A scheduler's method in words (its code in English)."""
        if self.english or code not in METHOD_WORDS:
            return self.iso(code)
        return self.t.pgettext("solver method", METHOD_WORDS[code])

    def term(self, code: str) -> str:
        """An objective term in words (its code in English)."""
        if self.english or code not in TERM_WORDS:
            return self.iso(code)
        return self.t.gettext(TERM_WORDS[code])

    def figures(self, parts: Iterable[str]) -> str:
        """``parts`` as one list: ``a, b, c`` (the Arabic comma in Arabic)."""
        return comma(self.lang).join(parts)

    def terms(self, terms: Mapping[str, float]) -> str:
        """The line of objective terms: ``Objective terms: breaks = 0, …``."""
        listed = self.figures(f"{self.term(k)} = {self.number(v)}" for k, v in terms.items())
        return self.gettext("Objective terms: %(terms)s", terms=listed)

    def placed(self, schedule: Schedule) -> str:
        """How many meetings were placed and how many not."""
        return self.gettext(
            "Meetings placed: %(placed)s; not placed: %(unplaced)s",
            placed=self.count(len(schedule.assignments)),
            unplaced=self.count(len(schedule.unplaced)),
        )

    def message(self, text: str) -> str:
        """``text`` in the language: a :class:`~liqa.core.problems.Message` through the
        catalog, its fields translated (times, names in the language's script) and
        isolated in Arabic; other text isolated."""
        if self.english:
            return str(text)
        return self._words(text)

    def _words(self, value: Any) -> str:
        if isinstance(value, Message):
            # fields written as they are (no conversion, no format) get the words; others
            # (``{name!r}``) the value translated, as Message.in_language gives it
            shown = {
                name
                for _, name, spec, conversion in Formatter().parse(value.template)
                if name and not spec and conversion is None
            }
            params = {
                key: self._words(v) if key in shown else translated(v, self.t.gettext, self.lang)
                for key, v in value.params.items()
            }
            try:
                return value.template_in(self.t.gettext, self.lang).format(**params)
            except (KeyError, IndexError, ValueError):  # a broken translation: the English
                return value.template_in(str).format(**params)
        if isinstance(value, Names):
            sep = comma(self.lang) if value.sep == ", " else value.sep
            return sep.join(self._words(item) for item in value.items)
        return self.iso(str(translated(value, self.t.gettext, self.lang)))


def plan_event(event: Event, settings: PlanSettings | None = None) -> PlanOutcome:
    """Schedule a brokerage event or plan a trade mission's itinerary."""
    settings = settings or PlanSettings()
    if event.kind is EventKind.BROKERAGE:
        return _plan_brokerage(event, settings)
    return _plan_itinerary(event, settings)


def _plan_itinerary(event: Event, settings: PlanSettings) -> PlanOutcome:
    from liqa.core.scheduling.itinerary import Settings
    from liqa.core.scheduling.itinerary.plan import plan_itinerary
    from liqa.core.scheduling.itinerary.render import render_itinerary

    schedule, result = plan_itinerary(
        event,
        Settings(
            time_limit=settings.time_limit,
            seed=settings.seed,
            log=settings.log,
            on_progress=settings.on_progress,
        ),
    )
    terms = dict(result.terms)
    w = ReportWords(settings.lang)
    figures = [w.method(result.method), w.gettext("value %(value)s", value=w.number(result.score))]
    if result.gap is not None and result.bound is not None:
        figures += [
            w.gettext("bound %(bound)s", bound=w.number(result.bound)),
            w.gettext("gap %(gap)s", gap=w.percent(result.gap)),
        ]
    figures.append(w.seconds(result.seconds))
    if result.stopped:
        figures.append(w.t.gettext("stopped early"))
    lines = [
        w.gettext("Plan: %(figures)s", figures=w.figures(figures)),
        w.terms(terms),
        "",
        render_itinerary(event, schedule, settings.lang),
    ]
    return PlanOutcome(
        schedule=schedule,
        status="feasible" if not result.missing_required else "infeasible",
        objective=terms,
        bound=result.bound,
        gap=result.gap,
        seconds=result.seconds,
        report="\n".join(lines),
        stopped=result.stopped,
        bound_term=None if result.bound is None else "value",
    )


def _plan_brokerage(event: Event, settings: PlanSettings) -> PlanOutcome:
    from liqa.core.scheduling.brokerage import Settings
    from liqa.core.scheduling.brokerage.from_event import plan_brokerage

    schedule, result = plan_brokerage(
        event,
        Settings(
            time_limit=settings.time_limit,
            workers=settings.workers,
            seed=settings.seed,
            log=settings.log,
            method="greedy" if settings.method == "greedy" else "cpsat",
            on_progress=settings.on_progress,
        ),
    )
    objective = {name: float(value) for name, value in result.objective.items()}
    # The solver's gap is absolute (breaks, or the weighted cost, minus the bound).
    solved = objective.get("weighted", objective.get("breaks"))
    gap = relative_gap(solved, result.bound) if result.gap is not None else None
    w = ReportWords(settings.lang)
    figures = [f"{w.status(result.status.value)} ({w.method(result.method)})"]
    figures.append(w.seconds(result.seconds))
    if result.stopped:
        figures.append(w.t.gettext("stopped early"))
    if result.bound is not None:
        figures.append(w.gettext("breaks bound %(bound)s", bound=w.number(result.bound)))
    if gap is not None:
        figures.append(w.gettext("gap %(gap)s", gap=w.percent(gap)))
    title = pick(event.title, settings.lang) or event.id
    lines = [
        w.gettext("Event: %(title)s", title=w.iso(title)),
        w.gettext("Schedule: %(figures)s", figures=w.figures(figures)),
        w.terms(objective),
        w.placed(schedule),
    ]
    lines += unplaced_lines(event, schedule, w)
    people = {p.id: p for p in event.people}
    busiest = sorted(people, key=lambda pid: -len(schedule.for_person(pid)))[:1]
    for pid in busiest:
        name = people[pid].name if w.english else person_name(people[pid], w.lang)
        lines.append(
            w.gettext(
                "Busiest participant: %(name)s (%(count)s)",
                name=w.iso(name),
                count=w.count(len(schedule.for_person(pid))),
            )
        )
    return PlanOutcome(
        schedule=schedule,
        status=result.status.value,
        objective=objective,
        bound=result.bound,
        gap=gap,
        seconds=result.seconds,
        report="\n".join(lines),
        stopped=result.stopped,
        bound_term=result.bound_term,
    )


def unplaced_lines(event: Event, schedule: Schedule, w: ReportWords) -> list[str]:
    """One line per meeting not placed: its parties, its key, the reason and its detail."""
    titles = item_titles(event, (u.id for u in schedule.unplaced), None if w.english else w.lang)
    names = detail_names(event)  # a detail kept with ids says people's names
    lines = []
    for unplaced in schedule.unplaced:
        reason = w.message(reason_words(unplaced.reason))
        text = f"  - {w.iso(titles[unplaced.id])} ({w.iso(unplaced.id)}){colon(w.lang)} {reason}"
        if unplaced.detail:
            text += f" — {w.message(with_names(unplaced.detail, names))}"
        lines.append(text)
    return lines
