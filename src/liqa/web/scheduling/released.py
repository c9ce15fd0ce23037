"""The published meetings a re-plan keeping them in place had to move, as the run page and
the new version's page say them: each meeting by its parties' names, where it was on the
event's clock, and the meetings that now hold its place, in the reader's language
(``Run.released`` keeps ids and instants, never words)."""

from __future__ import annotations

from datetime import datetime
from typing import Any

from django.utils.translation import gettext

from liqa.core import model as core
from liqa.core.i18n import translator
from liqa.core.outputs.labels import comma, isolate, item_titles, zone_short
from liqa.core.outputs.timeline import zone_at
from liqa.web.events.records import event_record
from liqa.web.scheduling.models import Run, ScheduleVersion


def released_rows(run: Run | None, lang: str) -> list[dict[str, Any]]:
    """One row per meeting ``run`` released (none without a run): ``id``, ``title`` (its
    parties) and ``words`` (where it was; what now holds its place)."""
    if run is None or not run.released:
        return []
    event = event_record(run.event)
    keys = {r["meeting"] for r in run.released} | {b for r in run.released for b in r["blockers"]}
    titles = item_titles(event, keys, lang)
    rows = []
    for record in run.released:
        when = _when(event, datetime.fromisoformat(record["start"]), lang)
        blockers = translator(lang).format_list(
            isolate(titles[b], lang) for b in record["blockers"]
        )
        rows.append(
            {
                "id": record["meeting"],
                "title": titles[record["meeting"]],
                "words": _words(when, record.get("table"), blockers),
            }
        )
    return rows


def version_released(version: ScheduleVersion, lang: str) -> list[dict[str, Any]]:
    """:func:`released_rows` of the run that made ``version`` (none when no run did)."""
    run = Run.objects.filter(result=version).select_related("event").order_by("-pk").first()
    return released_rows(run, lang)


def _when(event: core.Event, start: datetime, lang: str) -> str:
    """``start`` on the brokerage hall's clock: its day and time, and its zone when the
    event crosses zones."""
    venues = {v.id: v for v in event.venues}
    hall = venues.get(event.brokerage.venue) if event.brokerage is not None else None
    local = start.astimezone(zone_at(event, start, hall))
    words = translator(lang)
    parts = [words.format_date(local, "medium"), words.format_time(local)]
    if event.spans_zones:
        parts.append(zone_short(local, lang))
    return comma(lang).join(parts)


def _words(when: str, table: int | None, blockers: str) -> str:
    """Where the meeting was (``when``, its ``table``) and what now holds its place."""
    values = {"time": when, "table": table, "meetings": blockers}
    if table is not None and blockers:
        text = gettext("It was at %(time)s, table %(table)s; its place now goes to %(meetings)s.")
    elif blockers:
        text = gettext("It was at %(time)s; its place now goes to %(meetings)s.")
    elif table is not None:
        text = gettext("It was at %(time)s, table %(table)s.")
    else:
        text = gettext("It was at %(time)s.")
    return text % values
