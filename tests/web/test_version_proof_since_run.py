"""A draft's figures after moves made by hand, beside the run's: the grid's "now" line says
"table changes 0 → 1" for a figure a move changed (from the run's figure to the draft's)
and the value alone for one it did not, in French and in Arabic, where the figures are
isolated left to right and the arrow points the way the line reads (right to left, from
the run's figure). The proof above it still states what the run proved, unchanged."""

from __future__ import annotations

import html
import re
from collections.abc import Callable

from django.contrib.auth.models import User
from django.test import Client

from liqa.web.events.models import Event
from liqa.web.scheduling import services
from liqa.web.scheduling.models import RunState
from tests.web.factories import at

LRI, PDI = "\u2066", "\u2069"
SLOTS = (at(9), at(9, 20), at(9, 40))
"""The starts of the test event's three slots (Tunis time)."""


def _shown(page: str, element: str) -> str | None:
    """The text of the paragraph with id ``element`` (tags dropped), None when absent."""
    found = re.search(rf'id="{element}"[^>]*>(.*?)</p>', page, re.S)
    if found is None:
        return None
    return html.unescape(re.sub(r"<[^>]+>", "", found.group(1))).strip()


def _figures(line: str | None, lead: str, separator: str) -> list[str]:
    """The figures of a "now" line that starts with ``lead``, one by one."""
    assert line is not None
    assert line.startswith(lead), line
    return line.removeprefix(lead).split(separator)


def test_a_figure_a_move_changed_reads_from_the_runs_to_the_drafts_in_fr_and_ar(
    organizer: User, event: Event, client_for: Callable[[User | None], Client]
) -> None:
    run = services.start_run(event, organizer, time_limit=2.0)
    run.refresh_from_db()
    assert run.state == RunState.DONE
    version = run.result
    assert version is not None
    # Amina meets Bruno (r-1) then Chen (r-2) at one table: no table to change
    assert run.objective["table_changes"] == 0, run.objective
    priority, breaks = int(run.objective["scheduled_priority"]), int(run.objective["breaks"])
    client = client_for(organizer)
    grid = f"/organize/{event.slug}/versions/{version.number}/"
    proved = {
        lang: _shown(client.get(grid, HTTP_ACCEPT_LANGUAGE=lang).content.decode(), "version-proof")
        for lang in ("fr", "ar")
    }

    # r-2 moved to another table in its own slot: Amina changes table, nothing else changes
    r1, r2 = version.assignments.get(key="r-1"), version.assignments.get(key="r-2")
    table = 5 if r1.table != 5 else 4
    form = {"key": "r-2", "slot": str(SLOTS.index(r2.start)), "table": str(table)}
    moved = client.post(f"{grid}move/", form)
    assert moved.status_code == 302, moved.content.decode()

    french = client.get(grid, HTTP_ACCEPT_LANGUAGE="fr").content.decode()
    assert _figures(
        _shown(french, "version-now"),
        "Cette version maintenant, après ces déplacements : ",
        ", ",
    ) == [f"priorité planifiée {priority}", f"temps morts {breaks}", "changements de table 0 → 1"]
    arabic = client.get(grid, HTTP_ACCEPT_LANGUAGE="ar").content.decode()
    assert _figures(
        _shown(arabic, "version-now"), "هذه النسخة الآن، بعد عمليات النقل هذه: ", "\u060c "
    ) == [
        f"الأولوية المبرمجة {LRI}{priority}{PDI}",
        f"فترات الانتظار {LRI}{breaks}{PDI}",
        f"تغييرات الطاولة {LRI}0{PDI} ← {LRI}1{PDI}",
    ]
    # the proof is still the run's: the same words, now "before 1 move made by hand"
    for lang, page in (("fr", french), ("ar", arabic)):
        before, words = (proved[lang] or "").split(")", 1)
        after = _shown(page, "version-proof") or ""
        assert after.startswith(before), (after, proved[lang])
        assert after.endswith(words), (after, proved[lang])
        assert after != proved[lang]
