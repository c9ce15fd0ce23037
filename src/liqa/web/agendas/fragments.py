"""The participant page's agenda by day, rendered once per agenda and kept per process.

Rendering every entry of a long agenda is most of the page's CPU cost, yet the HTML only
changes with the agenda itself, the language, the entries that have ended (they get an
outcome form, open for the one that just ended) and the recorded outcomes. The agenda's own
key in :data:`~liqa.web.agendas.domain.OUTPUTS` covers the agenda, the language and the
outcomes (the event's data stamp changes with every outcome written), so the kept HTML is
keyed by that, the indexes of the ended entries and the one that just ended: it can never be
stale. The one per-request part, the CSRF field of the outcome forms, is kept as a marker
and put in on every request.
"""

from __future__ import annotations

import secrets
from collections.abc import Callable, Hashable, Mapping
from datetime import datetime, timedelta
from typing import Any

from django.http import HttpRequest
from django.template.backends.utils import csrf_input
from django.template.loader import render_to_string
from django.utils.safestring import SafeString, mark_safe

from liqa.core.outputs.agenda import Agenda
from liqa.web.events.snapshots import Snapshots

DAYS = Snapshots(4096)
"""Rendered agendas by day, by the agenda's key, the ended entries and the one just ended."""
MARKER = f"<!--csrf-{secrets.token_hex(8)}-->"
"""Stands for the CSRF field in kept HTML (unguessable: agenda text cannot forge it)."""


RECENT = timedelta(hours=3)
"""A meeting that ended this recently keeps its outcome form open (the others' are closed)."""


def ended(agenda: Agenda, now: datetime) -> tuple[int, ...]:
    """Indexes (in agenda order) of the meetings and visits that ended before ``now``."""
    entries = (e for day in agenda.days for e in day.entries)
    return tuple(i for i, e in enumerate(entries) if e.kind != "programme" and e.end < now)


def just_ended(agenda: Agenda, now: datetime) -> str | None:
    """The meeting or visit that ended last, if less than :data:`RECENT` ago: its outcome
    form is open (the others' are closed, one tab stop each on a long agenda)."""
    past = [e for day in agenda.days for e in day.entries if e.kind != "programme" and e.end < now]
    last = max(past, key=lambda e: e.end, default=None)
    return last.id if last is not None and now - last.end < RECENT else None


def days_html(
    request: HttpRequest,
    agenda: Agenda,
    key: Hashable | None,
    now: datetime,
    context: Mapping[str, Any],
    outcomes: Callable[[], Mapping[str, Any]],
) -> SafeString:
    """The ``agendas/_days.html`` section for ``agenda``, kept under ``key`` (the agenda's
    key in ``OUTPUTS``; ``None``: rendered every time) and the ended entries.

    ``context`` holds the page's other values the section reads (``event``, ``lang``,
    ``dir``); ``outcomes`` reads the recorded outcomes, only when an entry has ended.
    """
    done = ended(agenda, now)
    html = kept_days(agenda, key, now, context, outcomes)
    if done:
        html = html.replace(MARKER, csrf_input(request))
    return mark_safe(html)  # rendered by the autoescaping template above


def kept_days(
    agenda: Agenda,
    key: Hashable | None,
    now: datetime,
    context: Mapping[str, Any],
    outcomes: Callable[[], Mapping[str, Any]],
) -> str:
    """The section of :func:`days_html` as kept, with :data:`MARKER` for the CSRF field
    (built and kept on the first call, e.g. when warming before serving)."""
    done = ended(agenda, now)
    recent = just_ended(agenda, now)

    def render() -> str:
        values = {
            **context,
            "agenda": agenda,
            "now": now,
            "outcomes": outcomes() if done else {},
            "recent": recent,
            "csrf_input": mark_safe(MARKER),  # our own constant
        }
        return render_to_string("agendas/_days.html", values)

    return DAYS.get(None if key is None else (key, done, recent), render)
