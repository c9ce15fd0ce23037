"""Problems found in user input, reported all at once with where and how to fix them.

Messages and hints are :class:`Message`: English text that keeps its gettext template and
parameters, so the CLI prints it as it is and the web app shows it in the reader's
language (``problem.message_in(gettext)``).
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import Any

Gettext = Callable[[str], str]
"""A function translating a catalog message id (``translator(lang).gettext``, Django's)."""


class Message(str):
    """English text made from a gettext template; translatable later in any language.

    ``Message("row {row}: unknown {name!r}", row=3, name="x")`` is the ``str``
    ``"row 3: unknown 'x'"`` and remembers its template and parameters. Parameters that
    are :class:`Message` themselves are translated too. The template is a catalog message id
    (``scripts/i18n.py`` extracts ``Message("...")`` calls), written with ``str.format`` fields.
    """

    template: str
    params: dict[str, Any]

    def __new__(cls, template: str, /, **params: Any) -> Message:
        made = super().__new__(cls, template.format(**params))
        made.template = template
        made.params = params
        return made

    @classmethod
    def rebuilt(cls, template: str, params: dict[str, Any]) -> Message:
        """A message stored earlier (:func:`message_json`), made again from its template: a
        catalog message id already, extracted where the message was first made."""
        return cls(template, **params)

    def in_language(self, gettext: Gettext) -> str:
        """This text in the language of ``gettext`` (English when it has no translation)."""
        params = {key: translated(value, gettext) for key, value in self.params.items()}
        try:
            return gettext(self.template).format(**params)
        except (KeyError, IndexError, ValueError):  # a broken translation: keep the English
            return self.template.format(**params)


def translated(value: Any, gettext: Gettext) -> Any:
    """``value`` translated when it is a :class:`Message`, else unchanged."""
    return value.in_language(gettext) if isinstance(value, Message) else value


def joined(items: Sequence[str], conjunction: str = "and") -> str:
    """``items`` as one phrase, ``"a, b and c"`` (``conjunction``: ``"and"`` or ``"or"``),
    translatable: the last link is a :class:`Message`."""
    if len(items) < 2:
        return "".join(items)
    head, last = ", ".join(items[:-1]), items[-1]
    if conjunction == "or":
        return Message("{head} or {last}", head=head, last=last)
    return Message("{head} and {last}", head=head, last=last)


def message_json(value: str) -> dict[str, Any] | None:
    """A :class:`Message`'s template and parameters as JSON data (``None`` for plain text),
    to store it and translate it when it is read (:func:`message_from_json`)."""
    if not isinstance(value, Message):
        return None
    params = {
        key: (message_json(v) or v) if isinstance(v, str) else v for key, v in value.params.items()
    }
    return {"template": value.template, "params": params}


def message_from_json(text: str, data: Any) -> str:
    """The text stored as ``text``, as a :class:`Message` again when ``data`` (from
    :func:`message_json`) is valid and gives the same English; else ``text`` as it is."""
    try:
        message = _message(data)
    except (TypeError, KeyError, ValueError, IndexError, AttributeError):
        return text
    return message if message == text else text


def _message(data: Any) -> Message:
    params = {key: _message(v) if isinstance(v, dict) else v for key, v in data["params"].items()}
    return Message.rebuilt(str(data["template"]), params)


def _english(message: str) -> str:
    return message


@dataclass(frozen=True)
class Problem:
    """One problem in a mission file or spreadsheet.

    ``path`` is the field path inside a mission file (``people[3].availability[0].end``)
    or the column name in a spreadsheet; ``line`` is 1-based (mission files) and ``row``
    is the spreadsheet row number as the organizer sees it (header = row 1).
    """

    file: str
    message: str
    hint: str = ""
    line: int | None = None
    path: str = ""
    sheet: str | None = None
    row: int | None = None
    column: str | None = None
    code: str = ""
    """A stable machine-readable code, e.g. ``unknown_reference``, ``duplicate_id``."""

    def location(self, gettext: Gettext = _english) -> str:
        """``file:line`` or ``file [sheet] row N, column C`` for messages."""
        where = self.file
        if self.sheet:
            where += f" [{self.sheet}]"
        if self.row is not None:
            where += " " + gettext("row {row}").format(row=self.row)
            if self.column:
                where += gettext(", column {column!r}").format(column=self.column)
        elif self.line is not None:
            where += f":{self.line}"
        return where

    def message_in(self, gettext: Gettext) -> str:
        """The message in the language of ``gettext``."""
        return str(translated(self.message, gettext))

    def hint_in(self, gettext: Gettext) -> str:
        """The hint in the language of ``gettext``."""
        return str(translated(self.hint, gettext))

    def __str__(self) -> str:
        text = f"{self.location()}: "
        if self.path:
            text += f"{self.path}: "
        text += self.message
        if self.hint:
            text += f" (hint: {self.hint})"
        return text


class InputError(Exception):
    """Raised with every problem found when input cannot be turned into a model."""

    def __init__(self, problems: list[Problem]) -> None:
        self.problems = problems
        super().__init__("\n".join(str(p) for p in problems))
