"""Reading the public B2B instances (.dzn) into brokerage problems."""

from __future__ import annotations

from pathlib import Path

import pytest

from liqa.core.problems import InputError
from liqa.core.scheduling.brokerage import Meeting, Participant, SlotInfo
from liqa.core.scheduling.brokerage.dzn import parse_dzn, read_dzn

TINY = """nBusiness = 3;
nMeetings = 3;
nTables = 2;
nTotalSlots = 4;
nMorningSlots = 2;
requested = [|1, 2,1,
|1, 3,3,
|2, 3,2,
|];
forbidden = [{0},{0,4},{0}];
fixed = [0,0,3];
precedences = [{},{1},{}];
"""


def test_parse_dzn_numbers_from_one_and_slots_from_zero() -> None:
    p = parse_dzn(TINY, "tiny.dzn", fairness=2)
    assert p.slots == (
        SlotInfo("morning", "day"),
        SlotInfo("morning", "day"),
        SlotInfo("afternoon", "day"),
        SlotInfo("afternoon", "day"),
    )
    assert p.participants == (
        Participant("1"),
        Participant("2", unavailable=frozenset({3})),
        Participant("3"),
    )
    assert p.meetings == (
        Meeting("1", ("1", "2"), session="morning"),
        Meeting("2", ("1", "3"), after=("1",)),
        Meeting("3", ("2", "3"), session="afternoon", fixed_slot=2),
    )
    assert (p.tables, p.max_break_spread, p.require_all, p.name) == (2, 2, True, "tiny")


def test_parse_dzn_missing_field_names_it() -> None:
    with pytest.raises(InputError) as err:
        parse_dzn(TINY.replace("nTables = 2;", ""), "x.dzn")
    assert [str(p) for p in err.value.problems] == [
        "x.dzn: field nTables is missing "
        "(hint: expected the B2B .dzn format of the JAIR 2022 study)"
    ]


def test_parse_dzn_bad_participant_names_the_row() -> None:
    with pytest.raises(InputError) as err:
        parse_dzn(TINY.replace("|2, 3,2,", "|2, 9,2,"), "x.dzn")
    assert err.value.problems[0].message == "requested row 3: participant 9 is not in 1..3"


def test_read_dzn_missing_file_is_an_input_error(tmp_path: Path) -> None:
    with pytest.raises(InputError) as err:
        read_dzn(tmp_path / "nope.dzn")
    assert err.value.problems[0].message.startswith("cannot read the file")
