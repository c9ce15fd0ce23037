"""``entry_title``: the public words of an agenda entry's title, as ``build_agenda`` prints."""

from __future__ import annotations

import pytest

from liqa.core.outputs.agenda import build_agenda, entry_title
from liqa.core.outputs.settings import OutputSettings
from liqa.core.outputs.timeline import subject, timeline
from tests.core.outputs.mission import make_event, make_schedule


@pytest.mark.parametrize("lang", ["en", "fr", "ar"])
@pytest.mark.parametrize("who", ["p-benali", "h-nasa", "h-cyber", "MTNRA"])
def test_entry_title_is_what_the_agenda_prints(lang: str, who: str) -> None:
    event, schedule = make_event(), make_schedule()
    agenda = build_agenda(event, schedule, who, lang, OutputSettings())
    printed = {
        e.id: (e.kind, e.title, e.print_title or e.title) for d in agenda.days for e in d.entries
    }
    subj = subject(event, who)
    items = {i.id: i for i in timeline(event, schedule) if subj.involved_in(i)}
    assert printed, "the agenda has entries"
    for key, (kind, title, print_title) in printed.items():
        assert entry_title(event, items[key], subj, lang) == (kind, title)
        assert entry_title(event, items[key], subj, lang, isolated=True) == (kind, print_title)
