"""The project's one template system: a Jinja2 environment with gettext installed.

The core renders agendas, grids and reports with :func:`environment_for`. The Django web
app points its Jinja2 backend at :func:`environment` (``"environment":
"liqa.core.templating.environment"``) and installs Django's own gettext callables on it,
which read the same ``django`` catalog; nothing here imports Django.
"""

from __future__ import annotations

import unicodedata
from datetime import date, datetime, timedelta
from functools import cache
from pathlib import Path
from typing import Any, Literal

from jinja2 import Environment, FileSystemLoader, pass_context, select_autoescape
from jinja2.runtime import Context
from markupsafe import Markup, escape

from liqa.core import isolates
from liqa.core.i18n import translation, translator

TEMPLATE_DIR: Path = Path(__file__).resolve().parent / "outputs" / "templates"
"""Templates of the printed and exported outputs (agendas, grids, report, communiqué)."""

EXTENSIONS = ("jinja2.ext.i18n",)


def _lang(context: Context) -> str:
    """The template's language: ``lang``, else the web app's ``current_language()``."""
    if "lang" in context:
        return str(context["lang"])
    current = context.get("current_language")
    return str(current()) if callable(current) else "en"


@pass_context
def _date(context: Context, value: date | datetime, form: str = "long") -> str:
    return translator(_lang(context)).format_date(value, form)


@pass_context
def _time(context: Context, value: datetime, form: str = "short") -> str:
    return translator(_lang(context)).format_time(value, form)


@pass_context
def _datetime(context: Context, value: datetime, form: str = "medium") -> str:
    return translator(_lang(context)).format_datetime(value, form)


@pass_context
def _zone(context: Context, value: datetime, width: Literal["long", "short"] = "long") -> str:
    return translator(_lang(context)).format_zone(value, width)


@pass_context
def _number(context: Context, value: float, digits: int | None = None) -> str:
    return translator(_lang(context)).format_number(value, digits)


@pass_context
def _percent(context: Context, value: float) -> str:
    return translator(_lang(context)).format_percent(value)


@pass_context
def _duration(context: Context, value: timedelta | int) -> str:
    if isinstance(value, int):
        value = timedelta(minutes=value)
    return translator(_lang(context)).format_duration(value)


def text_direction(text: str) -> str:
    """``rtl`` or ``ltr`` from the first strongly directional character (``ltr`` if none)."""
    for char in text:
        kind = unicodedata.bidirectional(char)
        if kind in ("R", "AL"):
            return "rtl"
        if kind == "L":
            return "ltr"
    return "ltr"


@pass_context
def _bidi(context: Context, text: object) -> Markup | str:
    """Isolate ``text`` when it runs against the page's direction (a Latin name in Arabic).

    Pages get a ``<bdi>`` element; print variants (``for_pdf``) get the Unicode isolate
    characters instead, which read the same and cost the PDF renderer no extra box.
    """
    value = str(text)
    page = "rtl" if context.get("dir") == "rtl" else "ltr"
    direction = text_direction(value)
    if direction == page:
        return value
    if context.get("for_pdf"):
        return Markup("{}{}\u2069").format(ISOLATES[direction], value)
    return Markup('<bdi class="{}">{}</bdi>').format(direction, value)


ISOLATES = {"ltr": "\u2066", "rtl": "\u2067"}
"""Left-to-right and right-to-left isolate characters (closed by U+2069)."""


@pass_context
def _list(context: Context, items: list[str]) -> str:
    """``a, b and c`` in the language; items given as markup (``map("bidi_runs")``) keep
    it, the rest of the list escaped around them."""
    shown = list(items)
    if not any(isinstance(item, Markup) for item in shown):
        return translator(_lang(context)).format_list(shown)
    marks = [f"\x00{n}\x00" for n in range(len(shown))]
    text = str(escape(translator(_lang(context)).format_list(marks)))
    for mark, item in zip(marks, shown, strict=True):
        text = text.replace(mark, str(escape(item)))
    return Markup(text)


@pass_context
def _comma(context: Context) -> str:
    """The separator between the items of a list: Arabic's comma in Arabic, else ", "."""
    return "، " if _lang(context) == "ar" else ", "


@pass_context
def _colon(context: Context) -> str:
    """The colon after a label (no space after it): French puts a space before it."""
    return " :" if _lang(context) == "fr" else ":"


GLOBALS: dict[str, Any] = {"comma": _comma, "colon": _colon}
"""Language-dependent punctuation, called as ``{{ comma() }}`` and ``{{ colon() }}``; each
reads the ``lang`` template variable like the filters."""


FILTERS: dict[str, Any] = {
    "date": _date,
    "time": _time,
    "datetime": _datetime,
    "zone": _zone,
    "number": _number,
    "percent": _percent,
    "duration": _duration,
    "list": _list,
    "bidi": _bidi,
    **isolates.FILTERS,
}
"""Locale-aware filters; each reads the ``lang`` template variable (default ``en``)."""


def environment(**options: Any) -> Environment:
    """A Jinja2 environment with the i18n extension and liqa's locale filters.

    Accepts the options of :class:`jinja2.Environment` (Django's Jinja2 backend passes its
    own ``loader`` and ``autoescape``). No translations are installed: the caller installs
    them (:func:`environment_for` installs liqa's catalog, the web app Django's gettext).
    """
    options.setdefault("loader", FileSystemLoader(str(TEMPLATE_DIR)))
    options.setdefault("autoescape", select_autoescape(("html", "xml", "svg"), default=True))
    extensions = list(options.pop("extensions", ()))
    for extension in EXTENSIONS:
        if extension not in extensions:
            extensions.append(extension)
    env = Environment(extensions=extensions, trim_blocks=True, lstrip_blocks=True, **options)
    env.filters.update(FILTERS)
    env.globals.update(GLOBALS)
    return env


@cache
def environment_for(lang: str) -> Environment:
    """The (cached) environment that renders liqa's templates in ``lang``."""
    env = environment()
    env.install_gettext_translations(translation(lang), newstyle=True)  # type: ignore[attr-defined]
    env.globals.update(lang=lang, dir=translator(lang).direction)
    return env


def render(template: str, lang: str, **context: Any) -> str:
    """Render ``template`` (a name under :data:`TEMPLATE_DIR`) in ``lang``."""
    t = translator(lang)
    return (
        environment_for(lang)
        .get_template(template)
        .render(lang=lang, dir=t.direction, rtl=t.rtl, **context)
    )
