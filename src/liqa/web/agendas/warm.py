"""Build the participants' kept agendas, calendars and API answers before serving.

The agendas, ``.ics`` files and schedule answers are kept per process
(:data:`~liqa.web.agendas.domain.OUTPUTS`, :data:`~liqa.web.agendas.fragments.DAYS`,
:data:`~liqa.web.api.views.PARTICIPANT_SCHEDULES`), so each gunicorn worker used to build
every participant's records again on its first reads: at a 280-participant event, the
first minutes of a fresh server cost several times the CPU of the following ones, and
requests queued behind them. ``liqa serve --production`` calls :func:`warm` in gunicorn's
master process before it forks the workers, which inherit what was built (shared memory,
copy-on-write) and start as a server that has been serving.

Nothing is kept that a read would not keep: the records are the same functions' under the
same keys (the event's data stamp, the versions, the subject, the language), so a write
made after warming changes the key and the next read builds afresh, as before.

It also imports what a worker's first PDF needs (:func:`warm_printing`): a first
report.pdf paid about 1.5 of its 5 CPU-s importing WeasyPrint and matplotlib and looking
up the charts' fonts. And it builds each event's report page of its latest published
version in every language (:func:`_warm_report`: its figures, and its charts drawn and
trimmed, about 1 CPU-s a language for the demo), kept as the page keeps it
(``report_views.REPORTS``, under the event's data stamp): a worker's first report page
was most of that.
"""

from __future__ import annotations

import time
from dataclasses import dataclass
from datetime import datetime

from django.conf import settings
from django.utils import timezone, translation

from liqa.web.accounts.models import Membership, Role
from liqa.web.agendas import domain, fragments, meaning
from liqa.web.events.models import Event
from liqa.web.events.snapshots import State, event_state
from liqa.web.scheduling.models import ScheduleVersion
from liqa.web.templating import current_direction


@dataclass(frozen=True)
class Warmed:
    """What :func:`warm` built."""

    events: int
    participants: int
    seconds: float
    complete: bool
    """False when the time budget ran out before every event was done (or another process
    was embedding an event's profiles)."""
    embedded: int = 0
    """Profile texts the model embedded for the recommendations (:func:`meaning.prepare`)."""
    pruned: int | None = None
    """Stored vectors no profile refers to any more, removed after the embedding
    (:func:`meaning.prune`); None when not pruned (no time left, or another process held
    the lock)."""


def warm(seconds: float, languages: tuple[str, ...] | None = None) -> Warmed:
    """Build and keep, within about ``seconds``, every participant's agenda page section,
    ``.ics`` file (in each of ``languages``, default: the site's) and schedule API answer,
    for events with a published schedule, the most recently created first; then, for every
    event, its profiles' embeddings and recommendations' matcher
    (:func:`meaning.prepare_within`), so that no first requests page waits for them. The
    time is asked between a few texts of an event's embedding too: what is left when it
    runs out (or what another process is embedding) is embedded by the first requests page
    of that event that a worker serves, in the background, and stored for every process.
    With time left, the vectors no profile refers to any more are then removed."""
    from liqa.web.api.views import participant_schedule  # the API imports this package

    codes = languages or tuple(code for code, _name in settings.LANGUAGES)
    started = time.monotonic()
    warm_printing()
    deadline = started + seconds
    ids = ScheduleVersion.objects.filter(published_at__isnull=False).values("event_id")
    events = participants = 0
    for row in Event.objects.filter(pk__in=ids).order_by("-pk"):
        state = event_state(row)
        if not state.published:
            continue
        people = (
            Membership.objects.filter(event=row, role=Role.PARTICIPANT)
            .exclude(person="")
            .values_list("person", flat=True)
            .distinct()
            .order_by("person")
        )
        schedule, key = domain.kept_schedule(row, state)
        now = timezone.now()
        for person in people:
            if time.monotonic() > deadline:
                return Warmed(events, participants, time.monotonic() - started, False)
            if schedule is not None:
                participant_schedule(schedule, key, person)
            for lang in codes:
                _warm_reads(row, state, person, lang, now)
            participants += 1
        for lang in codes:
            if time.monotonic() > deadline:
                return Warmed(events, participants, time.monotonic() - started, False)
            _warm_report(row, lang)
        events += 1
    embedded, complete = 0, True

    def late() -> bool:
        return time.monotonic() > deadline

    for row in Event.objects.order_by("-pk"):  # requests come before any schedule
        if late():
            return Warmed(events, participants, time.monotonic() - started, False, embedded)
        count, ready = meaning.prepare_within(row, late)
        embedded += count
        complete = complete and ready
    pruned = None if late() else meaning.prune()
    return Warmed(events, participants, time.monotonic() - started, complete, embedded, pruned)


def warm_printing() -> None:
    """Import WeasyPrint and the report's charts (matplotlib), and draw one small chart
    (matplotlib's font lookups, kept per process), so that the workers forked after this
    inherit them. WeasyPrint's fonts are not loaded here: Pango's and fontconfig's state is
    each worker's own (loaded with its first PDF, about 0.4 CPU-s)."""
    import weasyprint  # noqa: F401  (imported for the workers)

    from liqa.core.outputs import charts

    charts.text_as_paths(charts.bar_chart(["liqa", "لقاء"], [1, 2], "liqa"))


def _warm_report(row: Event, lang: str) -> None:
    """The report page of the event's latest published version in ``lang``, as the
    organizer's report page builds and keeps it (``scheduling.report_views.report_page``)."""
    from liqa.web.scheduling.report_views import report_page
    from liqa.web.scheduling.services import latest_published

    version = latest_published(row)
    if version is not None:
        with translation.override(lang):
            report_page(row, version, lang)


def _warm_reads(row: Event, state: State, person: str, lang: str, now: datetime) -> None:
    """The page section and the ``.ics`` file of ``person`` in ``lang``, as the views
    build them (``agendas.views.me`` and ``ics``)."""
    with translation.override(lang):
        agenda, key = domain.kept_agenda(row, person, lang, state)
        if agenda is not None:
            context = {"event": row, "lang": lang, "dir": current_direction()}
            fragments.kept_days(
                agenda, key, now, context, lambda: {o.assignment: o for o in row.outcomes.all()}
            )
        domain.calendar_bytes(row, person, lang, state)
