"""Parties to match and their profiles: what each seeks, offers and is about, as themes.

A :class:`Party` is whoever can be recommended: an organization (trade missions) or a
person carrying their organization's profile (brokerage events). A :class:`Profile` is what
the engine reads: theme sets derived from the free text by the tagger plus the themes the
organizer entered, and the text itself per language for TF-IDF.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field, replace

from liqa.core.matching.normalize import detect_language, is_arabic
from liqa.core.matching.tagging import Tagger, default_tagger
from liqa.core.model import Event, Organization, Person, Side


@dataclass(frozen=True)
class Party:
    """Someone to recommend or to recommend to."""

    id: str
    organization: str
    side: Side
    name: str
    seeks: Mapping[str, str] = field(default_factory=dict)
    offers: Mapping[str, str] = field(default_factory=dict)
    description: Mapping[str, str] = field(default_factory=dict)
    themes: tuple[str, ...] = ()
    """Themes entered by the organizer (ids of the thesaurus)."""
    name_ar: str = ""

    def display_name(self, lang: str) -> str:
        """The name to show a reader of ``lang``."""
        return self.name_ar if lang == "ar" and self.name_ar else self.name


@dataclass(frozen=True)
class Profile:
    """What the engine knows of a party, derived once."""

    party: Party
    seeks: frozenset[str]
    offers: frozenset[str]
    themes: frozenset[str]
    """Every theme of the party: entered, described, sought or offered."""
    texts: Mapping[str, str]
    """All free text of the party per (detected) language."""


def organization_party(org: Organization) -> Party:
    """An organization as a party."""
    name = org.name if not org.short_name else f"{org.name} ({org.short_name})"
    return Party(
        org.id,
        org.id,
        org.side,
        name,
        org.seeks,
        org.offers,
        org.description,
        org.themes,
        org.name_ar,
    )


def person_party(person: Person, org: Organization) -> Party:
    """A person as a party: their own themes on top of their organization's profile."""
    themes = tuple(dict.fromkeys((*person.themes, *org.themes)))
    name = f"{person.name}, {org.label}"
    name_ar = f"{person.name_ar}، {org.name_ar or org.label}" if person.name_ar else ""
    return Party(
        person.id, org.id, org.side, name, org.seeks, org.offers, org.description, themes, name_ar
    )


def event_parties(event: Event, level: str = "organization") -> list[Party]:
    """Every organization (``level="organization"``) or person (``"person"``) of an event."""
    if level == "organization":
        return [organization_party(org) for org in event.organizations]
    orgs = {org.id: org for org in event.organizations}
    return [person_party(p, orgs[p.organization]) for p in event.people if p.organization in orgs]


def build_profile(party: Party, tagger: Tagger | None = None) -> Profile:
    """Tag a party's text with themes and collect its text per language."""
    tagger = tagger or default_tagger()
    seeks = frozenset(tagger.tag_localized(party.seeks))
    offers = frozenset(tagger.tag_localized(party.offers))
    described = frozenset(tagger.tag_localized(party.description))
    entered = frozenset(t for t in party.themes if t in tagger.thesaurus)
    texts: dict[str, list[str]] = {}
    for text in (party.seeks, party.offers, party.description):
        for lang, value in text.items():
            actual = "ar" if is_arabic(value) else detect_language(value, lang)
            texts.setdefault(actual, []).append(value)
    return Profile(
        party,
        seeks,
        offers,
        entered | described | seeks | offers,
        {lang: "\n".join(values) for lang, values in texts.items()},
    )


def build_profiles(parties: Iterable[Party], tagger: Tagger | None = None) -> list[Profile]:
    """Profiles of many parties with one tagger (people sharing a profile text are tagged once)."""
    tagger = tagger or default_tagger()
    shared: dict[tuple[object, ...], Profile] = {}
    out: list[Profile] = []
    for party in parties:
        texts = (party.seeks, party.offers, party.description)
        key = (*(tuple(sorted(text.items())) for text in texts), party.themes)
        known = shared.get(key)
        if known is None:
            known = shared[key] = build_profile(party, tagger)
            out.append(known)
        else:
            out.append(replace(known, party=party))
    return out
