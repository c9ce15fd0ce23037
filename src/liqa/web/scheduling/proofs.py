"""What a run proved and what a version's grid says of it, in the reader's words.

The read side of the runs' figures (:func:`proof_words` for the run page and the report,
:func:`version_proof` for the version's grid): figures isolated left to right in Arabic
(U+2066 ... U+2069) so that signs and digits stay in one piece in right-to-left text.
"""

from __future__ import annotations

import math
from collections.abc import Mapping
from dataclasses import dataclass
from datetime import timedelta

from django.utils.translation import gettext, gettext_lazy, ngettext

from liqa.core import model as core
from liqa.core.i18n import translator
from liqa.core.outputs.labels import ARROWS, comma, isolate, semicolon
from liqa.core.problems import InputError
from liqa.core.scheduling.terms import WHOLE, Stage, proof, term_words
from liqa.web.events.records import event_record
from liqa.web.events.snapshots import Snapshots, data_stamp
from liqa.web.scheduling.models import Run, RunState, ScheduleVersion
from liqa.web.scheduling.records import schedule_record

DURATIONS = {
    "travel_minutes": gettext_lazy("travel, trips back to the hotel included"),
    "idle_minutes": gettext_lazy("waiting between visits (travel not counted)"),
}
"""The itinerary's terms in minutes, shown as durations ("23 hours 16 minutes") under
words that say what they count: the run's travel counts every trip of each subgroup's day,
back to the hotel too, where the report's "Travel to the meetings" leaves those out."""

VALUE_NOTE = gettext_lazy(
    "Value in points: each visit counts what it is worth to the members who make it."
)


def term_in_words(code: str, lang: str) -> str:
    """An objective term in the reader's words (a code without words isolated in Arabic)."""
    if code in DURATIONS:
        return str(DURATIONS[code])
    return isolate(gettext(term_words(code)), lang)


def _digits(*figures: float | None) -> int:
    """The decimals to show every one of ``figures`` with: none when all are whole, else
    one, so that a value and its bound read alike ("356.3, at most 392.2")."""
    whole = all(f is None or float(f).is_integer() for f in figures)
    return 0 if whole else 1


def figure(code: str, value: float, lang: str, digits: int | None = None) -> str:
    """One term's figure in ``lang``: a duration for the minutes, else a number rounded to
    ``digits`` decimals (by default :func:`_digits`), isolated left to right in Arabic."""
    t = translator(lang)
    if code in DURATIONS:
        return isolate(t.format_duration(timedelta(minutes=round(value))), lang)
    return isolate(t.format_number(value, _digits(value) if digits is None else digits), lang)


def objective_words(terms: Mapping[str, float], lang: str) -> str:
    """A run's objective terms in the reader's words, "value of the visits 356.3 · travel,
    trips back to the hotel included 23 hours 16 minutes · …" ("" for none)."""
    return " · ".join(f"{term_in_words(k, lang)} {figure(k, v, lang)}" for k, v in terms.items())


def _stage_words(stage: Stage, lang: str) -> str:
    """One proven stage in words: "breaks 12, at least 5 (proved), gap 58 %"."""
    t = translator(lang)
    # a term that counts whole things reads as an integer, whatever its bound's fraction
    digits = 0 if stage.term in WHOLE else _digits(stage.value, stage.bound)
    fields = {
        "term": term_in_words(stage.term, lang),
        "value": figure(stage.term, stage.value, lang, digits),
    }
    if stage.best:
        if stage.maximised:
            return gettext("%(term)s %(value)s: the most possible (proved)") % fields
        return gettext("%(term)s %(value)s: the fewest possible (proved)") % fields
    bound = stage.bound if stage.bound is not None else 0
    # rounded outwards, so that the figure shown is proved too ("at most 392.2" of 392.197)
    scale = 10**digits
    bound = (math.ceil if stage.maximised else math.floor)(round(bound * scale, 6)) / scale
    fields["bound"] = figure(stage.term, bound, lang, digits)
    if stage.maximised:
        words = gettext("%(term)s %(value)s, at most %(bound)s (proved)") % fields
    else:
        words = gettext("%(term)s %(value)s, at least %(bound)s (proved)") % fields
    if stage.gap is not None:
        gap = gettext("gap %(gap)s") % {"gap": isolate(t.format_percent(stage.gap, 1), lang)}
        words += comma(lang) + gap
    return words


def proof_words(run: Run, lang: str) -> str:
    """What a run's figures prove, in the reader's words: for each objective term the
    solver proves something about (the core's :func:`~liqa.core.scheduling.terms.proof`),
    its value and the bound or "the most possible", in the solver's order ("scheduled
    priority 751: the most possible (proved); then breaks 12, at least 5 (proved), gap
    58 %"); for an itinerary, whether the bound is on the visits' value or on the value
    with fairness. Says so when nothing is proved (yet)."""
    status = run.message if run.state == RunState.DONE else ""
    stages = proof(run.objective, run.bound_term or None, run.bound, run.gap, status)
    if not stages and run.bound is not None and not run.bound_term:
        # a run recorded before runs named the term their bound is for: its figures as such
        t = translator(lang)
        figures = gettext("bound %(bound)s") % {"bound": isolate(t.format_number(run.bound), lang)}
        if run.gap is not None:
            gap = gettext("gap %(gap)s") % {"gap": isolate(t.format_percent(run.gap, 1), lang)}
            figures += comma(lang) + gap
        return figures
    if not stages:
        return gettext("No bound proved.") if run.finished else gettext("No bound proved yet.")
    said = [_stage_words(stage, lang) for stage in stages]
    said[1:] = [gettext("then %(stage)s") % {"stage": words} for words in said[1:]]
    words = semicolon(lang).join(said)
    if run.bound_term == "value" and "objective" in run.objective and run.finished:
        # an itinerary's search bounds the value with fairness; its result, the visits'
        words += " " + gettext("(While it ran, the bound was of the value with fairness.)")
    if run.bound_term in ("value", "objective"):
        words += " " + str(VALUE_NOTE)
    return words


def version_run(version: ScheduleVersion) -> Run | None:
    """The run that made ``version`` (None for a version made otherwise: imported)."""
    return Run.objects.filter(result=version, state=RunState.DONE).first()


def hand_moves(version: ScheduleVersion) -> int:
    """How many times a meeting of ``version`` was moved by hand (to another slot or table)
    since the version was made: the version's own count (``ScheduleVersion.hand_moves``,
    which ``moves.move`` adds to with each move), read from the database now, so that a
    move made through another instance of the version is seen. Pins move nothing and are
    not counted; a version that replaced another of the same number counts its own."""
    stored = ScheduleVersion.objects.filter(pk=version.pk).values_list("hand_moves", flat=True)
    return stored.first() or 0


def _as_loaded(version: ScheduleVersion) -> int:
    """``version``'s count of moves made by hand as its instance holds it."""
    return version.hand_moves


TERMS = Snapshots(64)
"""The terms of versions moved by hand (:func:`terms_now`), by version, run, the moves
made by hand so far and the event's :func:`~liqa.web.events.snapshots.data_stamp`:
measuring them builds the event's whole brokerage problem."""


def terms_now(version: ScheduleVersion, run: Run, *, fresh: bool = True) -> dict[str, float]:
    """The objective terms of a brokerage version's meetings where they are now, as the
    core measures them for the event as it is (priority scheduled, breaks, table changes,
    and the changes from the version ``run`` re-planned, if any); empty for a mission, or
    when the event no longer makes a brokerage problem (its sessions removed).

    Kept in :data:`TERMS` while the event's data stamp holds and no meeting of the version
    (or of the version re-planned) is moved by hand again: the stamp covers the event's
    rows, not a version's meetings, whose every move by hand the version counts. The
    counts are read from the database (:func:`hand_moves`); ``fresh=False`` takes them from
    ``version`` and ``run.base`` as loaded, for a caller that loaded both in this request
    (:func:`version_proof`)."""
    moves = hand_moves if fresh else _as_loaded
    stamp = data_stamp(version.event)
    key: tuple[object, ...] | None = None
    if stamp is not None:
        base = run.base
        base_moves = (base.pk, moves(base)) if base is not None else None
        key = ("terms", version.pk, run.pk, moves(version), base_moves, *stamp)
    return TERMS.get(
        key,
        lambda: _measured(version, run),
        still=lambda: data_stamp(version.event) == stamp,
    )


def _measured(version: ScheduleVersion, run: Run) -> dict[str, float]:
    """:func:`terms_now`, measured: the event's brokerage problem built and the version's
    meetings placed in it."""
    from liqa.core.scheduling.brokerage.from_event import event_problem, previous_problem
    from liqa.core.scheduling.brokerage.results import objective_terms

    event = event_record(version.event)
    if event.kind is not core.EventKind.BROKERAGE or event.brokerage is None:
        return {}
    try:
        problem = event_problem(event)
        _, timetable = previous_problem(event, schedule_record(version))
        before = None
        if run.base is not None and "changes" in run.objective:
            _, before = previous_problem(event, schedule_record(run.base))
    except InputError:
        return {}
    return {k: float(v) for k, v in objective_terms(problem, timetable, before).items()}


@dataclass(frozen=True)
class VersionProof:
    """What the version's grid says of its quality: the run that made it and what that run
    proved (:func:`proof_words`), and, when meetings were moved by hand since, how many
    moves and the version's figures now beside the run's (the proof is of the run's
    timetable, not of this one any more)."""

    run: Run
    heading: str
    """"Proof of quality (run #12)", or "… (run #12, before 3 moves made by hand)"."""
    words: str
    moves: int
    now: str
    """The version's objective terms now, in words, each from the run's figure where the
    moves changed it ("table changes 399 → 402"; "" without moves)."""


def version_proof(version: ScheduleVersion, lang: str) -> VersionProof | None:
    """The proof line of ``version`` in ``lang`` (None for a version no run made).

    ``version`` as the page loaded it for this request: its count of moves made by hand is
    read from it, not again from the database (``moves.move`` refreshes the instance it
    moves through); the run, and the version it re-planned, are read here."""
    run = version_run(version)
    if run is None:
        return None
    number = isolate(str(run.pk), lang)
    moves_made = version.hand_moves
    if not moves_made:
        heading = gettext("Proof of quality (run #%(run)s)") % {"run": number}
        return VersionProof(run, heading, proof_words(run, lang), 0, "")
    heading = ngettext(
        "Proof of quality (run #%(run)s, before %(num)s move made by hand)",
        "Proof of quality (run #%(run)s, before %(num)s moves made by hand)",
        moves_made,
    ) % {"run": number, "num": isolate(translator(lang).format_number(moves_made), lang)}
    terms = terms_now(version, run, fresh=False)
    now = ""
    if terms:
        listed = comma(lang).join(
            _figure_since_run(k, run.objective.get(k), v, lang) for k, v in terms.items()
        )
        now = gettext("This version now, after these moves: %(terms)s") % {"terms": listed}
    return VersionProof(run, heading, proof_words(run, lang), moves_made, now)


def _figure_since_run(code: str, ran: object, now: float, lang: str) -> str:
    """One objective term of a version moved by hand, "table changes 399 → 402" from the
    run's figure to the version's now, or "breaks 12" where it reads the same (or the run
    has no figure for it). Each figure is isolated left to right in Arabic and the arrow
    points the way the line reads: "← " from the run's figure on the right."""
    number_in = translator(lang).format_number
    after = isolate(number_in(now), lang)
    if not isinstance(ran, int | float) or number_in(ran) == number_in(now):
        return f"{term_in_words(code, lang)} {after}"
    before = isolate(number_in(ran), lang)
    arrow = ARROWS[translator(lang).direction]
    return f"{term_in_words(code, lang)} {before} {arrow} {after}"
