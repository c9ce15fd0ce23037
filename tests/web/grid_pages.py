"""What the grid page's views of one day show, read from the page's HTML: the rows of one
of its tables, each cell with its spans, the meetings in it and its text; and the
brokerage events the table plan is tested on."""

from __future__ import annotations

import dataclasses
from dataclasses import dataclass, field
from datetime import timedelta
from html.parser import HTMLParser

from liqa.core import model as core
from tests.web.factories import DAY, at, make_core_event


@dataclass
class Cell:
    """A ``th`` or ``td`` of a table's body."""

    tag: str
    classes: tuple[str, ...]
    colspan: int
    rowspan: int
    keys: list[str] = field(default_factory=list)
    """The ``data-key`` of each meeting in it."""
    links: list[str] = field(default_factory=list)
    text: str = ""


@dataclass
class Row:
    """A body row: its attributes and cells (the first is the row's header)."""

    attributes: dict[str, str]
    cells: list[Cell] = field(default_factory=list)

    @property
    def name(self) -> str:
        """The row header's text."""
        return " ".join(self.cells[0].text.split())


class _Rows(HTMLParser):
    def __init__(self, table_class: str) -> None:
        super().__init__()
        self.table_class = table_class
        self.inside = False
        self.body = False
        self.rows: list[Row] = []
        self.cell: Cell | None = None

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        found = {k: v or "" for k, v in attrs}
        if tag == "table" and self.table_class in found.get("class", "").split():
            self.inside = True
        if not self.inside:
            return
        if tag == "tbody":
            self.body = True
        elif self.body and tag == "tr":
            self.rows.append(Row(found))
        elif self.body and tag in ("th", "td"):
            self.cell = Cell(
                tag,
                tuple(found.get("class", "").split()),
                int(found.get("colspan", "1")),
                int(found.get("rowspan", "1")),
            )
            self.rows[-1].cells.append(self.cell)
        if self.cell is not None and "data-key" in found and tag != "tr":
            self.cell.keys.append(found["data-key"])
        if self.cell is not None and tag == "a":
            self.cell.links.append(found.get("href", ""))

    def handle_endtag(self, tag: str) -> None:
        if tag == "table" and self.inside:
            self.inside = self.body = False
        elif tag in ("th", "td"):
            self.cell = None

    def handle_data(self, data: str) -> None:
        if self.cell is not None:
            self.cell.text += data


def rows(page: str, table_class: str) -> list[Row]:
    """The body rows of the page's table of class ``table_class`` (none: no such table)."""
    parser = _Rows(table_class)
    parser.feed(page)
    return parser.rows


def placed(plan: list[Row]) -> dict[str, tuple[str, int]]:
    """Each meeting's row (by its header) and column (0: the first after the header),
    a cell spanning rows above counted in the rows it spans."""
    found: dict[str, tuple[str, int]] = {}
    taken: dict[tuple[int, int], bool] = {}  # (row, column) filled from a row above
    for number, row in enumerate(plan):
        column = 0
        for cell in row.cells[1:]:
            while taken.get((number, column)):
                column += 1
            for key in cell.keys:
                found[key] = (row.name, column)
            for below in range(1, cell.rowspan):
                for across in range(cell.colspan):
                    taken[(number + below, column + across)] = True
            column += cell.colspan
    return found


def two_day_fair(slug: str = "tunis-fair-2030") -> core.Event:
    """The test brokerage event over two days: on the first a morning and a late-morning
    session with a coffee break between them, on the second one morning session."""
    base = make_core_event(slug)
    day2 = timedelta(days=1)
    assert base.brokerage is not None
    sessions = (
        core.Session("d1-early", at(9), at(10)),
        core.Session("d1-late", at(11), at(12)),
        core.Session("d2", at(9) + day2, at(10) + day2),
    )
    coffee = core.ProgrammeItem(
        "prog-coffee",
        core.ProgrammeKind.MEAL,
        {"en": "Coffee break", "fr": "Pause café", "ar": "استراحة قهوة"},
        at(10, 15),
        at(10, 45),
        venue="v-hall",
    )
    return dataclasses.replace(
        base,
        legs=(core.Leg("tunis", "Tunis", "Africa/Tunis", DAY, DAY + day2),),
        brokerage=dataclasses.replace(base.brokerage, sessions=sessions),
        programme=(coffee,),
    )
