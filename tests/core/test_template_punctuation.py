"""The templates' language-dependent punctuation: ``comma()`` between a list's items and
``colon()`` after a label, read from the template's language."""

from __future__ import annotations

import pytest

from liqa.core.templating import environment, environment_for

LINE = "Map{{ colon() }} {{ ['Amina', 'Bruno']|join(comma()) }}"


@pytest.mark.parametrize(
    ("lang", "expected"),
    [("ar", "Map: Amina، Bruno"), ("fr", "Map : Amina, Bruno"), ("en", "Map: Amina, Bruno")],
)
def test_comma_and_colon_follow_the_template_language(lang: str, expected: str) -> None:
    assert environment_for(lang).from_string(LINE).render() == expected


def test_the_web_pages_language_is_read_when_no_lang_is_given() -> None:
    """A web page has ``current_language()`` rather than ``lang`` when it is not given."""
    env = environment()
    template = env.from_string("{{ colon() }}|{{ comma() }}")
    assert template.render(current_language=lambda: "fr") == " :|, "
    assert template.render(current_language=lambda: "ar") == ":|، "
    assert template.render() == ":|, "
