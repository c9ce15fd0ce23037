"""The web app's Jinja2 environment: the core's one environment, with Django's gettext.

Django's Jinja2 backend calls :func:`environment`; pages get ``url``, ``static``,
the active language and its direction as globals, plus the core's locale-aware filters.
"""

from __future__ import annotations

from collections.abc import Mapping
from datetime import datetime
from typing import Any, Literal

from django.http import HttpRequest
from django.template.backends.utils import csrf_input
from django.templatetags.static import static
from django.urls import reverse
from django.utils import translation
from jinja2 import Environment, pass_context
from jinja2.runtime import Context

from liqa.core import templating
from liqa.core.model import pick
from liqa.core.outputs import labels
from liqa.core.problems import Problem, translated


def url(name: str, *args: Any, **kwargs: Any) -> str:
    """``reverse()`` for templates: ``url('events:public', event.slug)``."""
    return reverse(name, args=args or None, kwargs=kwargs or None)


def current_language() -> str:
    """The active language code (``ar``, ``fr`` or ``en``)."""
    return translation.get_language() or "en"


def current_direction() -> str:
    """``rtl`` for Arabic, else ``ltr``."""
    return "rtl" if translation.get_language_bidi() else "ltr"


def localized(text: Mapping[str, str] | None) -> str:
    """Organizer-entered text in the active language, with the core's fallbacks."""
    return pick(text or {}, current_language())


def in_language(text: Any) -> Any:
    """A core message (:class:`~liqa.core.problems.Message`) in the active language, the
    names it gives in the reader's script."""
    return translated(text, translation.gettext, current_language())


@pass_context
def zone(context: Context, value: datetime, width: Literal["long", "short"] = "long") -> str:
    """The instant's zone named for the reader (:func:`labels.zone_name`); the short name
    beside a time as :func:`labels.zone_short` prints it, isolated (U+2066…U+2069) where it
    runs against the language (``CST`` in Arabic), so that it keeps its place among the
    digits and punctuation around it. The language is the template's ``lang``, else the
    active one, as for the core's other filters."""
    lang = str(context["lang"]) if "lang" in context else current_language()
    if width == "short":
        return labels.zone_short(value, lang)
    return labels.zone_name(value, lang, width)


def location(problem: Problem) -> str:
    """Where a problem is (file, sheet, row, column), in the active language."""
    return problem.location(translation.gettext)


class CsrfField:
    """A page's CSRF form field, made on first use and the same in each of its forms.

    Django's own ``csrf_input`` masks the token anew each time a form prints it (a
    random mask per call); one masked token per response protects just as well."""

    def __init__(self, request: HttpRequest) -> None:
        self._request = request
        self._html: str | None = None

    def __html__(self) -> str:
        """The hidden input (HTML), made once."""
        if self._html is None:
            self._html = csrf_input(self._request)
        return self._html

    __str__ = __html__


def csrf_once(request: HttpRequest) -> dict[str, Any]:
    """Context processor: ``csrf_input`` as a :class:`CsrfField` (replaces Django's)."""
    return {"csrf_input": CsrfField(request)}


def environment(**options: Any) -> Environment:
    """The environment Django's Jinja2 backend renders pages with."""
    env = templating.environment(**options)
    env.install_gettext_callables(  # type: ignore[attr-defined]
        translation.gettext,
        translation.ngettext,
        newstyle=True,
        pgettext=translation.pgettext,
        npgettext=translation.npgettext,
    )
    env.globals.update(
        url=url,
        static=static,
        current_language=current_language,
        current_direction=current_direction,
    )
    env.filters["localized"] = localized
    env.filters["in_language"] = in_language
    env.filters["location"] = location
    env.filters["zone"] = zone
    return env
