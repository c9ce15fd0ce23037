"""Parties to match and their profiles: what each seeks, offers, is about and refuses.

A :class:`Party` is whoever can be recommended: an organization (trade missions) or a
person carrying their organization's profile (brokerage events). A :class:`Profile` is what
the engine reads: theme sets from the free text read passage by passage
(:mod:`~liqa.core.matching.reading`: a need, an offer, the activity, a refusal), the themes
the organizer entered, the segments the party is, serves, looks for or refuses
(:mod:`~liqa.core.matching.segments`), and the text itself per language for TF-IDF.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field, replace

from liqa.core.matching.normalize import detect_language, is_arabic
from liqa.core.matching.reading import (
    Role,
    beneficiaries,
    clauses,
    read_fields,
    without_beneficiaries,
    without_complements,
)
from liqa.core.matching.segments import default_segment_tagger, identity, segments_in
from liqa.core.matching.tagging import Tagger, default_tagger
from liqa.core.model import Event, Organization, OrgKind, Person, Side


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
    kind: OrgKind | None = None
    """The organization's kind (government, company, …) when known."""
    name_fr: str = ""
    """The name read in French, when the organization has an official French name."""

    def display_name(self, lang: str) -> str:
        """The name to show a reader of ``lang``."""
        if lang == "ar" and self.name_ar:
            return self.name_ar
        if lang == "fr" and self.name_fr:
            return self.name_fr
        return self.name


@dataclass(frozen=True)
class Profile:
    """What the engine knows of a party, derived once."""

    party: Party
    seeks: frozenset[str]
    offers: frozenset[str]
    themes: frozenset[str]
    """Every theme the party is positive about: entered, activity, sought or offered."""
    texts: Mapping[str, str]
    """All free text of the party per (detected) language."""
    activity: frozenset[str] = frozenset()
    """Themes of what it says it does or is, without calling it an offer or a need."""
    excludes: frozenset[str] = frozenset()
    """Themes it says it does not want (« nous ne cherchons pas de … »), unless it also seeks
    them: the refusal is then finer than the themes (« pas de SOC managé », yet cyber
    training) and cannot be acted on."""
    mentioned: frozenset[str] = frozenset()
    """Every theme named anywhere, refusals included (what a theme counter sees)."""
    identity: frozenset[str] = frozenset()
    """Segments the party is (government, start-ups, banks …)."""
    serves: frozenset[str] = frozenset()
    """Segments its offer is aimed at (named after "for", « pour », « لفائدة » … in an offer)."""
    looks_for: frozenset[str] = frozenset()
    """Segments it looks for (named where it says what it seeks)."""
    refuses: frozenset[str] = frozenset()
    """Segments it says it does not work with."""

    @property
    def does(self) -> frozenset[str]:
        """Themes it offers or works in."""
        return self.offers | self.activity


def with_short_name(name: str, short: str) -> str:
    """``name (short)``, unless there is no short name or ``name`` already ends with it
    in brackets (« … des Systèmes d'Information (DGSSI) »)."""
    if not short or name.rstrip().endswith(f"({short})"):
        return name
    return f"{name} ({short})"


def organization_party(org: Organization) -> Party:
    """An organization as a party."""
    name = with_short_name(org.name, org.short_name)
    name_fr = with_short_name(org.name_fr, org.short_name) if org.name_fr else ""
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
        org.kind,
        name_fr,
    )


def person_party(person: Person, org: Organization) -> Party:
    """A person as a party: their own themes on top of their organization's profile."""
    themes = tuple(dict.fromkeys((*person.themes, *org.themes)))
    name = f"{person.name}, {org.label}"
    name_ar = f"{person.name_ar}، {org.name_ar or org.label}" if person.name_ar else ""
    name_fr = f"{person.name}, {org.short_name or org.name_fr}" if org.name_fr else ""
    return Party(
        person.id,
        org.id,
        org.side,
        name,
        org.seeks,
        org.offers,
        org.description,
        themes,
        name_ar,
        org.kind,
        name_fr,
    )


def event_parties(event: Event, level: str = "organization") -> list[Party]:
    """Every organization (``level="organization"``) or person (``"person"``) of an event."""
    if level == "organization":
        return [organization_party(org) for org in event.organizations]
    orgs = {org.id: org for org in event.organizations}
    return [person_party(p, orgs[p.organization]) for p in event.people if p.organization in orgs]


def build_profile(
    party: Party, tagger: Tagger | None = None, segment_tagger: Tagger | None = None
) -> Profile:
    """Read a party's text passage by passage into themes and segments."""
    tagger = tagger or default_tagger()
    segment_tagger = segment_tagger or default_segment_tagger()
    themes: dict[Role, set[str]] = {role: set() for role in Role}
    segments: dict[Role, set[str]] = {role: set() for role in Role}
    for lang, passage in read_fields(party.seeks, party.offers, party.description):
        themes[passage.role] |= set(tagger.tag(passage.text, lang))
        if passage.role is Role.SEEKS:
            segments[Role.SEEKS] |= sought_segments(passage.text, lang, segment_tagger, tagger)
        elif passage.role is Role.OFFERS:
            for part in beneficiaries(passage.text):
                segments[Role.OFFERS] |= segments_in(part, lang, segment_tagger, tagger)
        elif passage.role is Role.EXCLUDES:
            refused = without_complements(passage.text)
            segments[Role.EXCLUDES] |= segments_in(refused, lang, segment_tagger, tagger)
    entered = frozenset(t for t in party.themes if t in tagger.thesaurus)
    who = identity(party.kind, party.name, party.description, segment_tagger, tagger)
    seeks = frozenset(themes[Role.SEEKS] | raising(who, segments[Role.SEEKS], tagger))
    offers = frozenset(themes[Role.OFFERS])
    activity = frozenset(themes[Role.ABOUT]) - offers
    mentioned = frozenset(
        tagger.tag_localized(party.seeks)
        | tagger.tag_localized(party.offers)
        | tagger.tag_localized(party.description)
    )
    texts: dict[str, list[str]] = {}
    for text in (party.seeks, party.offers, party.description):
        for lang, value in text.items():
            actual = "ar" if is_arabic(value) else detect_language(value, lang)
            texts.setdefault(actual, []).append(value)
    return Profile(
        party,
        seeks,
        offers,
        entered | activity | seeks | offers,
        {lang: "\n".join(values) for lang, values in texts.items()},
        activity=activity,
        excludes=frozenset(themes[Role.EXCLUDES]) - seeks,
        mentioned=entered | mentioned,
        identity=who,
        serves=frozenset(segments[Role.OFFERS]),
        looks_for=frozenset(segments[Role.SEEKS]),
        refuses=frozenset(segments[Role.EXCLUDES]),
    )


FUNDING_THEME = "startup-financing"


def raising(who: frozenset[str], looks_for: set[str], tagger: Tagger) -> set[str]:
    """A start-up that looks for investors seeks financing (« وإلى مستثمرين », "investors
    who know agriculture"), whatever the investors' sector: the financing theme, if the
    thesaurus has it. An investment agency looking for investors for its territory does not."""
    if "startups" in who and "investors" in looks_for and FUNDING_THEME in tagger.thesaurus:
        return {FUNDING_THEME}
    return set()


def sought_segments(text: str, lang: str, segments: Tagger, themes: Tagger) -> set[str]:
    """Segments a need names as the partner sought, not as who the need is for.

    "Banks and mobile operators as partners" looks for banks; « des plateformes pour les
    entreprises » and « تكوين الأساتذة في المهارات الرقمية » do not look for companies or
    teachers: a segment named in the same clause as a theme qualifies that theme.
    """
    found: set[str] = set()
    for clause in clauses(without_beneficiaries(text)):
        if not themes.tag(clause, lang):
            found |= segments_in(clause, lang, segments, themes)
    return found


def build_profiles(parties: Iterable[Party], tagger: Tagger | None = None) -> list[Profile]:
    """Profiles of many parties with one tagger (people sharing a profile text are read once;
    people of one organization share the identity read from its first member)."""
    tagger = tagger or default_tagger()
    segment_tagger = default_segment_tagger()
    shared: dict[tuple[object, ...], Profile] = {}
    identities: dict[tuple[object, ...], frozenset[str]] = {}
    out: list[Profile] = []
    for party in parties:
        texts = (party.seeks, party.offers, party.description)
        described = tuple(sorted(party.description.items()))
        key = (*(tuple(sorted(text.items())) for text in texts), party.themes)
        who = (party.organization, party.kind, described)
        known = shared.get(key)
        if known is None:
            known = shared[key] = build_profile(party, tagger, segment_tagger)
            identities[who] = known.identity
            out.append(known)
            continue
        if who not in identities:
            identities[who] = identity(
                party.kind, party.name, party.description, segment_tagger, tagger
            )
        out.append(replace(known, party=party, identity=identities[who]))
    return out
