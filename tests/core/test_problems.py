"""Messages about bad input: English as written, and in the reader's language from the catalog."""

from __future__ import annotations

import ast
import copy
import json
import pickle
import re
from dataclasses import replace
from pathlib import Path
from typing import Any

import pytest
from babel.messages.pofile import read_po

from liqa.core.i18n import LOCALE_DIR, translator
from liqa.core.missionfile import load_event
from liqa.core.missionfile.loading import validate_text
from liqa.core.missionfile.schema import HINTS
from liqa.core.problems import Message, Name, Names, Problem, translated
from liqa.core.scheduling.brokerage.from_event import event_problem
from liqa.core.spreadsheets.readers import ReadError, open_sheets

SRC = Path(__file__).resolve().parents[2] / "src" / "liqa"
FIELD = re.compile(r"\{[^{}]*\}")


def test_a_message_is_its_english_text_and_remembers_its_template() -> None:
    message = Message("unknown session {session!r}", session="aube")
    assert message == "unknown session 'aube'"
    assert (message.template, message.params) == (
        "unknown session {session!r}",
        {"session": "aube"},
    )


def test_a_message_reads_in_french_and_arabic_and_nested_messages_too() -> None:
    hint = Message("did you mean '{choice}'?", choice="Africa/Casablanca")
    assert translated(hint, translator("fr").gettext) == "vouliez-vous dire 'Africa/Casablanca' ?"
    assert translated(hint, translator("ar").gettext) == "هل تقصد 'Africa/Casablanca'؟"
    outer = Message(
        "{suggestion}add it to the organizations table, or fix the spelling",
        suggestion=Message("did you mean {name!r}? ", name="CGEM"),
    )
    assert translated(outer, translator("fr").gettext).startswith(
        "vouliez-vous dire 'CGEM' ? ajoutez"
    )


def test_plain_text_and_unknown_templates_stay_as_they_are() -> None:
    fr = translator("fr").gettext
    assert translated("no template", fr) == "no template"
    assert translated(Message("not in the catalog {x}", x=1), fr) == "not in the catalog 1"


def test_a_translation_with_a_wrong_field_falls_back_to_english() -> None:
    message = Message("unknown session {session!r}", session="aube")
    assert message.in_language(lambda _: "session inconnue : {sesion}") == "unknown session 'aube'"


def test_a_problem_location_and_texts_in_arabic() -> None:
    problem = Problem(
        "people.csv",
        Message("unknown venue {venue!r}", venue="v-9"),
        Message("write the venue's id"),
        row=4,
        column="venue",
    )
    ar = translator("ar").gettext
    assert problem.location() == "people.csv row 4, column 'venue'"
    assert problem.location(ar) == "people.csv الصف 4، العمود 'venue'"
    assert problem.message_in(ar) == "مكان غير معروف: 'v-9'"
    assert problem.hint_in(ar) == "اكتب معرّف المكان"


def test_mission_file_and_spreadsheet_problems_come_translatable(tmp_path: Path) -> None:
    _, problems = validate_text("liqa: 1\nevent: {id: x, kind: fair}\n", "m.yaml")
    assert problems
    assert all(isinstance(p.message, Message) for p in problems)
    pdf = tmp_path / "t.pdf"
    pdf.write_text("x")
    with pytest.raises(ReadError) as caught, open_sheets(pdf):
        pass
    assert caught.value.problem.message_in(translator("fr").gettext) == "impossible de lire .pdf"


def _templates() -> list[tuple[str, int, str | None]]:
    """(file, line, template) of every Message(...) call; the template None where the first
    argument is not a literal text (so that it could not be extracted)."""
    found: list[tuple[str, int, str | None]] = []
    for path in sorted(SRC.rglob("*.py")):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.Call) and getattr(node.func, "id", "") == "Message":
                first = node.args[0] if node.args else None
                literal = first.value if isinstance(first, ast.Constant) else None
                text = literal if isinstance(literal, str) else None
                found.append((str(path.relative_to(SRC)), node.lineno, text))
    return found


@pytest.mark.parametrize("lang", ["ar", "fr"])
def test_every_message_in_the_sources_is_translated_with_the_same_fields(lang: str) -> None:
    with (LOCALE_DIR / lang / "LC_MESSAGES" / "django.po").open("rb") as po:
        catalog = {m.id: m.string for m in read_po(po) if m.id}
    templates = _templates()
    assert len(templates) > 150
    wrong = [
        (where, line, text)
        for where, line, text in templates
        if text is None  # a literal template, so that it can be extracted
        or not catalog.get(text)
        or sorted(FIELD.findall(str(catalog[text]))) != sorted(FIELD.findall(text))
    ]
    assert wrong == []


def test_every_schema_description_is_a_translatable_hint() -> None:
    schema = json.loads((SRC / "core" / "missionfile" / "mission.schema.json").read_text())
    found: set[str] = set()

    def walk(node: object) -> None:
        if isinstance(node, dict):
            if isinstance(node.get("description"), str):
                found.add(node["description"])
            for value in node.values():
                walk(value)
        elif isinstance(node, list):
            for value in node:
                walk(value)

    walk(schema)
    assert found == set(HINTS)
    _, problems = validate_text('liqa: 1\nevent: {id: "x y", kind: fair}\n', "m.yaml")
    hints = [p.hint_in(translator("fr").gettext) for p in problems if p.path == "event.id"]
    assert hints == [
        "les identifiants utilisent des lettres, des chiffres, '-', '_' et '.', et commencent "
        "par une lettre ou un chiffre"
    ]


def test_a_brokerage_problem_names_organizations_in_french_when_they_have_a_french_name() -> None:
    """The brokerage grid and its messages named organizations in English to French readers
    (``Name`` knew only their Arabic form)."""
    event = load_event(SRC.parents[1] / "examples" / "brokerage-day" / "mission.yaml")
    problem = event_problem(event)
    org_id = next(o.id for o in event.organizations if o.id in problem.labels)
    english = next(o.name for o in event.organizations if o.id == org_id)
    named = replace(
        event,
        organizations=tuple(
            replace(o, name_fr="Nom en français") if o.id == org_id else o
            for o in event.organizations
        ),
    )
    label = event_problem(named).labels[org_id]
    assert translated(label, translator("fr").gettext, "fr") == "Nom en français"
    assert translated(label, translator("en").gettext, "en") == english
    assert translated(problem.labels[org_id], translator("fr").gettext, "fr") == english


@pytest.mark.parametrize("how", [copy.copy, copy.deepcopy, lambda v: pickle.loads(pickle.dumps(v))])
def test_messages_and_names_copy_and_pickle_as_themselves(how: Any) -> None:
    """A message whose text holds braces (a fuzzed file's '{}}') copies without reading them
    as fields, and names keep their text and forms (str's own copy called ``__new__`` with
    the finished text: ValueError 'Single '}' encountered', and 'a, b, ,, ...' for Names)."""
    name = Name("Karim Benali", ar="كريم بنعلي")
    message = Message("row {row}: unknown {value!r} near {who}", row=3, value="{}}", who=name)
    names = Names(["ab", "cd"])
    for value in (message, name, names):
        made = how(value)
        assert made == value
        assert type(made) is type(value)
    assert how(message).in_language(lambda text: text, "ar") == (
        "row 3: unknown '{}}' near كريم بنعلي"
    )
    assert how(names).items == ("ab", "cd")
    assert how(name).forms == {"ar": "كريم بنعلي"}
