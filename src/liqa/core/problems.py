"""Problems found in user input, reported all at once with where and how to fix them.

Messages and hints are :class:`Message`: English text that keeps its gettext template and
parameters, so the CLI prints it as it is and the web app shows it in the reader's
language (``problem.message_in(gettext)``).
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import Any

from liqa.core.i18n import translation
from liqa.core.local_time import LocalDate, LocalTime

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

    def __reduce__(self) -> tuple[Any, ...]:
        """Copied and pickled by its template and parameters (``str``'s own way calls
        ``__new__`` with the finished text, whose braces are then read as fields)."""
        return (type(self).rebuilt, (self.template, self.params))

    @classmethod
    def rebuilt(cls, template: str, params: dict[str, Any]) -> Message:
        """A message stored earlier (:func:`message_json`), made again from its template: a
        catalog message id already, extracted where the message was first made."""
        return cls(template, **params)

    def in_language(self, gettext: Gettext, lang: str | None = None) -> str:
        """This text in the language of ``gettext`` (English when it has no translation);
        names among its fields in their ``lang`` form (:class:`Name`) when given."""
        params = {key: translated(value, gettext, lang) for key, value in self.params.items()}
        try:
            return self.template_in(gettext, lang).format(**params)
        except (KeyError, IndexError, ValueError):  # a broken translation: keep the English
            return self.template_in(_english).format(**params)

    def template_in(self, gettext: Gettext, lang: str | None = None) -> str:
        """The template in the language of ``gettext`` (itself when it has no translation)."""
        del lang
        return gettext(self.template)


class PluralMessage(Message):
    """A :class:`Message` whose words depend on a number ``n``, in the catalog's plural form
    for it (French has two, Arabic six): ``PluralMessage("{n} other", "{n} others", n=3)`` is
    ``"3 others"``. ``scripts/i18n.py`` extracts the two templates as one plural message."""

    plural: str

    def __new__(cls, singular: str, plural: str, /, *, n: int, **params: Any) -> PluralMessage:
        made = str.__new__(cls, (singular if n == 1 else plural).format(n=n, **params))
        made.template, made.plural, made.params = singular, plural, {"n": n, **params}
        return made

    def __reduce__(self) -> tuple[Any, ...]:
        """Copied and pickled by its templates and parameters."""
        return (type(self).rebuilt_plural, (self.template, self.plural, self.params))

    @classmethod
    def rebuilt_plural(cls, singular: str, plural: str, params: dict[str, Any]) -> PluralMessage:
        """A plural message stored earlier (:func:`message_json`), made again."""
        return cls(singular, plural, **params)

    def template_in(self, gettext: Gettext, lang: str | None = None) -> str:
        """The catalog's form for ``n`` in the language of ``gettext`` (a translator's
        ``gettext``, whose ``ngettext`` is asked), else of ``lang`` (the same catalog, as
        Django's ``gettext`` reads it), else English."""
        n = int(self.params["n"])
        ngettext = getattr(getattr(gettext, "__self__", None), "ngettext", None)
        if not callable(ngettext) and lang:
            ngettext = translation(lang).ngettext
        if not callable(ngettext):
            return self.template if n == 1 else self.plural
        return str(ngettext(self.template, self.plural, n))


class Name(str):
    """A name written differently for readers of some languages: ``Name("Karim Benali",
    ar="كريم بنعلي")`` is the ``str`` ``"Karim Benali"`` and knows its Arabic form, which a
    :class:`Message` naming it uses when shown to an Arabic reader."""

    forms: dict[str, str]

    def __new__(cls, text: str, /, **forms: str) -> Name:
        made = super().__new__(cls, text)
        made.forms = {lang: form for lang, form in forms.items() if form}
        return made

    def __reduce__(self) -> tuple[Any, ...]:
        """Copied and pickled with its forms."""
        return (type(self), (str(self),), {"forms": self.forms})

    def in_script(self, lang: str | None) -> str:
        """The form for readers of ``lang`` (this text when it has none)."""
        return self.forms.get(lang or "", str(self))


class Names(str):
    """Several texts (names, phrases) read as one, ``sep`` between them, each translated or
    put in the reader's script on its own when shown."""

    items: tuple[str, ...]
    sep: str

    def __new__(cls, items: Sequence[str], sep: str = ", ") -> Names:
        made = super().__new__(cls, sep.join(items))
        made.items = tuple(items)
        made.sep = sep
        return made

    def __reduce__(self) -> tuple[Any, ...]:
        """Copied and pickled by its items (``str``'s own way would join the letters)."""
        return (type(self), (self.items, self.sep))


def translated(value: Any, gettext: Gettext, lang: str | None = None) -> Any:
    """``value`` translated when it is a :class:`Message` (its names in their ``lang``
    form), a :class:`Name` in its ``lang`` form, a :class:`LocalTime` or :class:`LocalDate` in
    ``lang``'s format, else unchanged."""
    if isinstance(value, (LocalTime, LocalDate)):
        return value.in_language(lang)
    if isinstance(value, Message):
        return value.in_language(gettext, lang)
    if isinstance(value, Name):
        return value.in_script(lang)
    if isinstance(value, Names):
        sep = "، " if lang == "ar" and value.sep == ", " else value.sep  # the Arabic comma
        return sep.join(str(translated(item, gettext, lang)) for item in value.items)
    return value


def joined(items: Sequence[str], conjunction: str = "and") -> str:
    """``items`` as one phrase, ``"a, b and c"`` (``conjunction``: ``"and"`` or ``"or"``),
    translatable: the last link is a :class:`Message`; names keep their forms."""
    if len(items) < 2:
        return items[0] if items else ""
    head, last = Names(items[:-1]), items[-1]
    if conjunction == "or":
        return Message("{head} or {last}", head=head, last=last)
    return Message("{head} and {last}", head=head, last=last)


def message_json(value: str) -> dict[str, Any] | None:
    """A :class:`Message`'s template and parameters as JSON data (``None`` for plain text),
    to store it and translate it when it is read (:func:`message_from_json`); names keep
    their forms (:class:`Name`, :class:`Names`)."""
    if not isinstance(value, Message):
        return None
    data = {"template": value.template, "params": {k: _json(v) for k, v in value.params.items()}}
    if isinstance(value, PluralMessage):
        data["plural"] = value.plural
    return data


def _json(value: Any) -> Any:
    if isinstance(value, (LocalTime, LocalDate)):
        return value.to_json()
    if isinstance(value, Message):
        return message_json(value)
    if isinstance(value, Name):
        return {"name": str(value), "forms": value.forms}
    if isinstance(value, Names):
        return {"names": [_json(item) for item in value.items], "sep": value.sep}
    return value


def message_from_json(text: str, data: Any) -> str:
    """The text stored as ``text``, as a :class:`Message` again when ``data`` (from
    :func:`message_json`) is valid and gives the same English; else ``text`` as it is."""
    try:
        message = _message(data)
    except (TypeError, KeyError, ValueError, IndexError, AttributeError):
        return text
    return message if message == text else text


def _message(data: Any) -> Message:
    params = {key: _param(v) for key, v in data["params"].items()}
    if "plural" in data:
        return PluralMessage.rebuilt_plural(str(data["template"]), str(data["plural"]), params)
    return Message.rebuilt(str(data["template"]), params)


def _param(data: Any) -> Any:
    if not isinstance(data, dict):
        return data
    if "name" in data:
        return Name(str(data["name"]), **{str(k): str(v) for k, v in data["forms"].items()})
    if "names" in data:
        return Names([_param(item) for item in data["names"]], str(data["sep"]))
    if "time" in data:
        return LocalTime.from_json(data)
    if "date" in data:
        return LocalDate.from_json(data)
    return _message(data)


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
