"""Runs against the page's direction isolated one by one (``liqa.core.isolates``): the
``bidi_runs`` filter (pages: ``<bdi>``, print: isolate characters), ``isolated`` (plain
text: a ``<title>``) and the ``list`` filter keeping its items' markup."""

from __future__ import annotations

from jinja2 import Environment
from markupsafe import Markup

from liqa.core import templating
from liqa.core.isolates import isolated_text, runs

LRI, RLI, PDI = "\u2066", "\u2067", "\u2069"


def render(source: str, lang: str = "ar", **context: object) -> str:
    env: Environment = templating.environment()
    env.install_null_translations(newstyle=True)  # type: ignore[attr-defined]
    direction = "rtl" if lang == "ar" else "ltr"
    return env.from_string(source).render(lang=lang, dir=direction, **context)


def test_an_acronym_in_an_arabic_title_is_isolated_without_its_brackets() -> None:
    role = "(مديرة مركز العمليات الأمنية (SOC))"
    assert runs(role, "rtl") == [
        ("(مديرة مركز العمليات الأمنية (", None),
        ("SOC", "ltr"),
        ("))", None),
    ]
    assert render("{{ role|bidi_runs }}", role=role) == (
        '(مديرة مركز العمليات الأمنية (<bdi class="ltr">SOC</bdi>))'
    )
    # the print variant: the isolate characters, no element
    assert render("{{ role|bidi_runs }}", role=role, for_pdf=True) == (
        f"(مديرة مركز العمليات الأمنية ({LRI}SOC{PDI}))"
    )


def test_a_change_of_the_published_page_isolates_its_name_and_its_zone() -> None:
    change = "Gulf Coast Port Authority — Smart Port Division، الأربعاء، 14 فبراير، 09:01 CST"
    assert isolated_text(change, "rtl") == (
        f"{LRI}Gulf Coast Port Authority — Smart Port Division{PDI}، الأربعاء، 14 فبراير، "
        f"09:01 {LRI}CST{PDI}"
    )


def test_a_latin_text_is_isolated_whole_digits_and_brackets_included() -> None:
    assert isolated_text("Tunis B2B 2030", "rtl") == f"{LRI}Tunis B2B 2030{PDI}"
    assert isolated_text("(USTDA)", "rtl") == f"{LRI}(USTDA){PDI}"
    assert render("{{ name|bidi_runs }}", name="Sequoia Grove AI") == (
        '<bdi class="ltr">Sequoia Grove AI</bdi>'
    )


def test_a_version_keeps_its_number_in_its_isolate() -> None:
    assert isolated_text("المخرجات · v1", "rtl") == f"المخرجات · {LRI}v1{PDI}"
    assert isolated_text("مع B2B 2030.", "rtl") == f"مع {LRI}B2B{PDI} 2030."


def test_what_reads_with_the_page_is_left_as_it_is() -> None:
    for text in ("Houston Municipal Office of Digital Services (USTDA)", "v1", "12:30", ""):
        assert isolated_text(text, "ltr") == text
        assert render("{{ text|bidi_runs }}", "en", text=text) == text
    assert isolated_text("هيوستن ووادي السيليكون", "rtl") == "هيوستن ووادي السيليكون"
    already = f"من {LRI}US Commercial Service, Casablanca{PDI} و{LRI}USTDA{PDI}"
    assert isolated_text(already, "rtl") == already


def test_an_arabic_run_in_a_left_to_right_page_is_isolated_right_to_left() -> None:
    assert isolated_text("Visit: وكالة التنمية الرقمية", "ltr") == (
        f"Visit: {RLI}وكالة التنمية الرقمية{PDI}"
    )
    assert render("{{ name|bidi_runs }}", "en", name="سارة العمراني") == (
        '<bdi class="rtl">سارة العمراني</bdi>'
    )


def test_markup_is_escaped_in_and_around_the_isolates() -> None:
    name = "وكالة <b>AT&T</b>"
    assert render("{{ name|bidi_runs }}", name=name) == (
        'وكالة &lt;<bdi class="ltr">b&gt;AT&amp;T&lt;/b</bdi>&gt;'
    )
    assert render("{{ name|bidi_runs }}", name=name, for_pdf=True) == (
        f"وكالة &lt;{LRI}b&gt;AT&amp;T&lt;/b{PDI}&gt;"
    )


def test_a_title_is_isolated_with_characters_and_escaped_once() -> None:
    source = "<title>{% filter isolated %}{{ title }}{% endfilter %} · لقاء</title>"
    assert render(source, title="v1") == f"<title>{LRI}v1{PDI} · لقاء</title>"
    assert render(source, title="AT&T · تونس") == (
        f"<title>{LRI}AT&amp;T{PDI} · تونس · لقاء</title>"
    )
    assert render(source, "en", title="AT&T") == "<title>AT&amp;T · لقاء</title>"
    assert render("{{ 'AT&T'|isolated }}") == f"{LRI}AT&amp;T{PDI}"
    assert render(source, title="</title><b>x") == (
        f"<title>{LRI}&lt;/title&gt;&lt;b&gt;x{PDI} · لقاء</title>"
    )


def test_the_list_filter_keeps_its_items_markup_and_escapes_the_rest() -> None:
    names = ["Magnolia Payments", "وكالة التنمية الرقمية", "AT&T"]
    assert render("{{ names|map('bidi_runs')|list }}", names=names) == (
        '<bdi class="ltr">Magnolia Payments</bdi> ووكالة التنمية الرقمية و'
        '<bdi class="ltr">AT&amp;T</bdi>'
    )
    english = render("{{ names|map('bidi_runs')|list }}", "en", names=names[::2])
    assert english == "Magnolia Payments and AT&amp;T"
    assert render("{{ names|list }}", "en", names=names[::2]) == english
    assert render("{{ [marked]|list }}", "en", marked=Markup("<b>a</b>")) == "<b>a</b>"
