"""A press communiqué draft built from the event's facts, in the shape of the seed article.

It opens with a dateline (where and when the event ended, in the reader's language). A
trade mission: who organized it, when, for whom, how many participants from which
organizations, where (first one city, then the next), how many meetings with which hosts
(counted by kind: companies, government institutions, government agencies, academic
institutions, associations, other organizations), on which themes, and the stated goals.
A brokerage event (1:1 meetings at tables): who held the B2B meetings and when, how many
participants from how many organizations (named, or past a dozen counted by kind), how many
of them had a meeting when not all did, how many meetings, on which themes, and the stated
goals. Quotes are left to the organizers: nothing is invented.

Its figures are the mission report's (:func:`liqa.core.outputs.report.compute_figures`):
the participants are the delegates of a mission and every person of a brokerage event
(whether or not they had a meeting), with their organizations; the meetings are every
meeting and visit of the schedule given (programme items aside), and the hosts are the
distinct host organizations met in them.

Its tense is the event's phase when it is written (:mod:`liqa.core.outputs.event_phase`,
``now`` given or the current time): before the first day it announces the event ("will
take place", "se tiendra", "ستُقام"), during it the event "is taking place", after it the
event "was held"; its dateline is then dated the day of writing, not the last day.

It says "held" only of meetings recorded as held, and only once the event has begun.
Before the event, or before any outcome is recorded (or by organizers who record none),
the meetings were arranged; once outcomes are recorded it says how many were held, the
report's ``Figures.held``: a mission's programme still counts every meeting, then how many
of them were held; a brokerage event counts the meetings held, on their themes. That count
reads as final ("In all, 7 meetings were held") only once the event is over and every
meeting's outcome is recorded; else it is a count so far ("So far, 7 of the 410 meetings
arranged have been recorded as held").

Organizers are named as they read inside a sentence
(:func:`liqa.core.outputs.organizer_names.in_sentence`): "organized by the Commercial
Section, …" in English.
"""

from __future__ import annotations

import unicodedata
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import UTC, datetime
from zoneinfo import ZoneInfo

from liqa.core.i18n import translator
from liqa.core.model import (
    Event,
    EventKind,
    FollowUp,
    MeetingFormat,
    Organization,
    OrgKind,
    OutcomeKind,
    Schedule,
    pick,
)
from liqa.core.outputs import labels
from liqa.core.outputs.event_phase import Phase, event_phase, require_aware
from liqa.core.outputs.organizer_names import capitalized, in_sentence
from liqa.core.outputs.report import hosts_met, meeting_themes
from liqa.core.outputs.timeline import Item, timeline

SHARED_THEMES = 3
"""Themes named as what the hosts shared (the most frequent in the meetings)."""
NAMED_ORGANIZATIONS = 12
"""A brokerage communiqué names the participants' organizations up to this many (a
business day of 90 organizations gives their number only)."""


KIND_ORDER = (
    OrgKind.COMPANY,
    OrgKind.GOVERNMENT,
    OrgKind.AGENCY,
    OrgKind.ACADEMIC,
    OrgKind.ASSOCIATION,
    OrgKind.OTHER,
)
"""The order a press release names the kinds of organizations in ("15 companies, 4
government institutions, 2 academic institutions and 1 association")."""


def kind_count(kind: OrgKind, num: int, lang: str) -> str:
    """``num`` organizations of ``kind`` in words (``4 government institutions``; in Arabic
    one and two are said by the noun, as the catalog writes them)."""
    t = translator(lang)
    match kind:
        case OrgKind.COMPANY:
            text = t.ngettext("%(num)d company", "%(num)d companies", num)
        case OrgKind.GOVERNMENT:
            text = t.ngettext(
                "%(num)d government institution", "%(num)d government institutions", num
            )
        case OrgKind.AGENCY:
            text = t.ngettext("%(num)d government agency", "%(num)d government agencies", num)
        case OrgKind.ACADEMIC:
            text = t.ngettext("%(num)d academic institution", "%(num)d academic institutions", num)
        case OrgKind.ASSOCIATION:
            text = t.ngettext("%(num)d association", "%(num)d associations", num)
        case OrgKind.OTHER:
            # Translators: organizations of no kind above, after the others ("15 companies
            # and 2 other organizations")
            text = t.ngettext("%(num)d other organization", "%(num)d other organizations", num)
    return text % {"num": num}


FOLLOW_UP_ORDER = (
    FollowUp.PARTNERSHIP,
    FollowUp.MOU,
    FollowUp.INVESTMENT_LEAD,
    FollowUp.PROPOSAL,
    FollowUp.VISIT,
    FollowUp.CALL,
)
"""The order a press release names the follow-ups agreed in, the weightiest first ("2
partnerships, 1 memorandum of understanding and 3 calls")."""


def follow_up_count(kind: FollowUp, num: int, lang: str) -> str:
    """``num`` follow-ups of ``kind`` in words (``2 partnerships``; in Arabic one and two
    are said by the noun, as the catalog writes them); ``""`` for none."""
    t = translator(lang)
    match kind:
        case FollowUp.PARTNERSHIP:
            text = t.npgettext("communique", "%(num)d partnership", "%(num)d partnerships", num)
        case FollowUp.MOU:
            text = t.npgettext(
                "communique",
                "%(num)d memorandum of understanding",
                "%(num)d memoranda of understanding",
                num,
            )
        case FollowUp.INVESTMENT_LEAD:
            text = t.npgettext(
                "communique", "%(num)d investment lead", "%(num)d investment leads", num
            )
        case FollowUp.PROPOSAL:
            text = t.npgettext("communique", "%(num)d proposal", "%(num)d proposals", num)
        case FollowUp.VISIT:
            text = t.npgettext(
                "communique", "%(num)d follow-up visit", "%(num)d follow-up visits", num
            )
        case FollowUp.CALL:
            text = t.npgettext(
                "communique", "%(num)d follow-up call", "%(num)d follow-up calls", num
            )
        case _:
            return ""
    return text % {"num": num}


def agreed_in(event: Event, meetings: list[Item], lang: str) -> str:
    """What the meetings led to, as recorded (the follow-ups agreed at those of
    ``meetings`` recorded as held), as one sentence after their count (a mission's or a
    brokerage event's): "They led to 2 partnerships and 1 memorandum of understanding.";
    ``""`` when none is recorded."""
    t = translator(lang)
    ids = {m.id for m in meetings}
    counts = Counter(
        o.follow_up for o in event.outcomes if o.kind is OutcomeKind.HELD and o.assignment in ids
    )
    said = [follow_up_count(kind, counts[kind], lang) for kind in FOLLOW_UP_ORDER if counts[kind]]
    if not said:
        return ""
    # Translators: after the count of meetings held: the follow-ups agreed at them ("They
    # led to 2 partnerships, 1 memorandum of understanding and 3 follow-up calls.")
    return t.gettext("They led to %(follow_ups)s.") % {"follow_ups": t.format_list(said)}


def kinds_in(organizations: Iterable[Organization], lang: str) -> str:
    """Organizations counted by kind, in :data:`KIND_ORDER`, empty kinds left out, as one
    list (``15 companies, 4 government institutions and 1 association``); ``""`` for none.
    When all are of the "other" kind they are just organizations (other than none)."""
    t = translator(lang)
    counts = Counter(o.kind for o in organizations)
    if set(counts) == {OrgKind.OTHER}:
        num = counts[OrgKind.OTHER]
        return t.ngettext("%(num)d organization", "%(num)d organizations", num) % {"num": num}
    return t.format_list(
        kind_count(kind, counts[kind], lang) for kind in KIND_ORDER if counts[kind]
    )


def scheduled_meetings(items: list[Item]) -> list[Item]:
    """The meetings and visits of a schedule's timeline, programme items aside: what the
    mission report counts as meetings (``Figures.meetings``)."""
    return [i for i in items if i.format is not MeetingFormat.PROGRAMME_ITEM]


def held_meetings(event: Event, meetings: list[Item]) -> list[Item] | None:
    """Those of ``meetings`` recorded as held, or ``None`` before any outcome of them is
    recorded, as the mission report counts them (``Figures.held``: an outcome recorded for
    an item not in the schedule counts for neither)."""
    ids = {m.id for m in meetings}
    recorded = [o for o in event.outcomes if o.assignment in ids]  # of these meetings only
    if not recorded:
        return None
    held = {o.assignment for o in recorded if o.kind is OutcomeKind.HELD}
    return [m for m in meetings if m.id in held]


@dataclass(frozen=True)
class Tally:
    """What the draft may say of the meetings held at one phase of the event."""

    held: list[Item] | None
    """The meetings recorded as held; ``None`` when it says none was (before the event,
    or before any outcome is recorded): the meetings were arranged."""
    final: bool
    """Whether the count of meetings held is final: the event is over and every meeting's
    outcome is recorded ("In all, …"); else it is a count so far."""


def tally(event: Event, meetings: list[Item], phase: Phase) -> Tally:
    """The meetings held among ``meetings`` as the draft may state them at ``phase``."""
    if phase is Phase.BEFORE:  # an announcement says what is arranged, whatever is recorded
        return Tally(None, False)
    recorded = {o.assignment for o in event.outcomes}
    complete = all(m.id in recorded for m in meetings)
    return Tally(held_meetings(event, meetings), phase is Phase.AFTER and complete)


def ranked_themes(event: Event, meetings: list[Item], lang: str) -> list[str]:
    """The labels of the themes of ``meetings``, most frequent first (then in the event's
    order), at most :data:`SHARED_THEMES`."""
    counts = Counter(theme for m in meetings for theme in meeting_themes(event, m))
    ranked = sorted(
        counts,
        key=lambda theme: (
            -counts[theme],
            event.themes.index(theme) if theme in event.themes else len(event.themes),
            theme,
        ),
    )
    return [labels.theme_label(theme, lang) for theme in ranked[:SHARED_THEMES]]


def after_on(lang: str, themes: list[str]) -> str:
    """Theme labels listed as they read after "on" ("focused on …", "mostly on …").

    Theme labels carry no article, which reads well in English and Arabic but not in French
    ("axée sur administration électronique"): the catalog frames the list there ("le thème
    …", "les thèmes suivants : …"); elsewhere it stays as it is.
    """
    t = translator(lang)
    if not themes:
        return ""
    # Translators: a list of themes after "focused on" / "mostly on". Keep it as it is
    # when the labels read well there; French frames it: "les thèmes suivants : %(themes)s".
    frame = t.npgettext("themes after on", "%(themes)s", "%(themes)s", len(themes))
    return frame % {"themes": t.format_list(themes)}


@dataclass(frozen=True)
class Communique:
    """Headline, dateline and paragraphs, ready to print or paste."""

    lang: str
    headline: str
    paragraphs: tuple[str, ...]
    dateline: str = ""
    """``Houston, March 12, 2024 —``: opens the first paragraph."""

    @property
    def lead(self) -> str:
        """The first paragraph after its dateline."""
        first = self.paragraphs[0] if self.paragraphs else ""
        return f"{self.dateline} {first}" if self.dateline else first

    def as_text(self) -> str:
        """Plain text: the headline, a blank line, then one paragraph per block, the first
        after the dateline."""
        return "\n\n".join((self.headline, self.lead, *self.paragraphs[1:])) + "\n"


def dateline(event: Event, lang: str, now: datetime | None = None) -> str:
    """Where and when (``Houston, March 12, 2024 —``, ``هيوستن، 12 مارس 2024 —``): the
    brokerage venue's city, else the last leg's, and, once the event is over at ``now``
    (``None``: the current time), its last day; before or during it, the day of writing
    (``now`` in that city's time zone); in ``lang`` (Babel's long date, the language's
    comma)."""
    t = translator(lang)
    now = datetime.now(UTC) if now is None else require_aware(now)
    last = max(event.legs, key=lambda leg: leg.end)
    city, zone = "", last.tz
    if event.brokerage is not None:
        try:
            venue = event.venue(event.brokerage.venue)
            city, zone = venue.city, ZoneInfo(venue.timezone)
        except KeyError:
            city = ""
    city = city or last.city
    written = event.end if event_phase(event, now) is Phase.AFTER else now.astimezone(zone).date()
    day = t.format_date(written, "long")
    if not city:
        return f"{day} —"
    return f"{labels.city_label(city, lang)}{labels.comma(lang)}{day} —"


OPENING_ISOLATES = frozenset("\u2066\u2067\u2068")
"""The characters that open an isolate (closed by U+2069)."""


def isolated_runs(text: str, lang: str) -> str:
    """``text`` with each run of Latin words in a right-to-left ``lang`` (Arabic) between
    the Unicode isolate characters U+2066…U+2069: from a Latin letter to the last Latin
    letter before the next Arabic one, the spaces, digits and punctuation between them
    included (``B2B``, ``Atlas Smart City``), the brackets and digits around them left
    to the Arabic sentence (``(USTDA)`` reads ``(⁦USTDA⁩)``). What is isolated already is
    left as it is; a left-to-right language's text is returned unchanged."""
    if translator(lang).direction != "rtl":
        return text
    out: list[str] = []
    depth = 0  # inside isolates already there
    i = 0
    while i < len(text):
        char = text[i]
        if char in OPENING_ISOLATES:
            depth += 1
        elif char == "\u2069":
            depth = max(0, depth - 1)
        elif depth == 0 and unicodedata.bidirectional(char) == "L":
            end = i + 1  # past the run's last Latin letter
            j = i + 1
            while j < len(text):
                kind = unicodedata.bidirectional(text[j])
                if kind in ("R", "AL", "B", "LRI", "RLI", "FSI", "PDI"):
                    break
                j += 1
                if kind == "L":
                    end = j
            out.append(f"\u2066{text[i:end]}\u2069")
            i = end
            continue
        out.append(char)
        i += 1
    return "".join(out)


def isolating(communique: Communique) -> Communique:
    """``communique`` with the Latin runs of its headline, dateline and paragraphs isolated
    (:func:`isolated_runs`): names from the mission file (an acronym in an Arabic name, a
    company's Latin name, a Latin title) keep their order and punctuation in Arabic, in its
    text and HTML versions alike."""
    lang = communique.lang
    return Communique(
        lang,
        isolated_runs(communique.headline, lang),
        tuple(isolated_runs(p, lang) for p in communique.paragraphs),
        isolated_runs(communique.dateline, lang),
    )


def organizers_in(event: Event, lang: str) -> str:
    """The organizers named for a reader of ``lang`` (each in that language when given,
    else in English, else as first given) as they read inside a sentence (in English with
    "the" before a common-noun phrase: :func:`~liqa.core.outputs.organizer_names.in_sentence`),
    as one list; ``""`` when there are none. A name that runs against the reader's
    direction (a Latin name in Arabic) is isolated, so its punctuation stays with it."""
    names = [labels.isolate(in_sentence(names, lang), lang) for names in event.organizers]
    return translator(lang).format_list(names) if names else ""


def build_communique(
    event: Event, schedule: Schedule, lang: str, now: datetime | None = None
) -> Communique:
    """The communiqué in ``lang`` as written at ``now`` (timezone-aware; ``None``: the
    current time): announcing the event before its first day, saying it is taking place
    during it, that it was held after it; meetings arranged, or held as recorded."""
    t = translator(lang)
    now = datetime.now(UTC) if now is None else require_aware(now)
    phase = event_phase(event, now)
    delegates = event.delegates()
    delegation_orgs = [
        o for o in event.organizations if o.id in {p.organization for p in delegates}
    ]
    # the report's meetings and visits: the whole schedule, not only the meetings whose
    # outcome is recorded (one outcome recorded on the demo made it "1 professional
    # meeting with 1 company" where the report counts 23 meetings with 23 hosts)
    meetings = scheduled_meetings(timeline(event, schedule))
    count = tally(event, meetings, phase)
    held = count.held
    # a brokerage meeting's parties are people: count their organizations (the brokerage
    # demo's 410 meetings were said to be "with 5 companies and 1 public institution")
    host_ids = hosts_met(event, meetings)
    hosts = [o for o in event.organizations if o.id in host_ids]
    all_themes = [labels.theme_label(theme, lang) for theme in event.themes]
    # what the hosts shared: the themes of the meetings, most frequent first, at most three
    # (as the seed article: "e-government, artificial intelligence and cybersecurity"),
    # rather than the event's twelve themes a second time
    shared_themes = ranked_themes(event, meetings, lang)
    shared = t.format_list(shared_themes or all_themes)
    cities = [leg.city for leg in sorted(event.legs, key=lambda x: x.start)]
    title = pick(event.title, lang)
    line = dateline(event, lang, now)

    if event.brokerage is not None or event.kind is EventKind.BROKERAGE:
        if held is None:
            on = after_on(lang, shared_themes or all_themes)
        else:  # the themes of the meetings held; none held: no themes
            on = after_on(lang, (ranked_themes(event, held, lang) or all_themes) if held else [])
        return isolating(_brokerage(event, meetings, count, phase, lang, on, line))
    facts = {
        "organizers": organizers_in(event, lang),
        "start": labels.range_start(event.start, event.end, lang),
        "end": t.format_date(event.end, "long"),
        "participants": t.ngettext("%(num)d participant", "%(num)d participants", len(delegates))
        % {"num": len(delegates)},
        "themes": after_on(lang, all_themes),
    }
    names = t.format_list(labels.org_name(o, lang) for o in delegation_orgs)
    if phase is Phase.AFTER:
        composition = t.ngettext(
            "The delegation represented %(num)d organization: %(names)s.",
            "The delegation represented %(num)d organizations: %(names)s.",
            len(delegation_orgs),
        )
    else:
        composition = t.ngettext(
            "The delegation represents %(num)d organization: %(names)s.",
            "The delegation represents %(num)d organizations: %(names)s.",
            len(delegation_orgs),
        )
    paragraphs = [
        capitalized(_mission_lead(phase, bool(facts["organizers"]), lang) % facts),
        composition % {"num": len(delegation_orgs), "names": names},
        " ".join(
            part
            for part in (
                _mission_cities(cities, phase, held, lang),
                _mission_programme(meetings, hosts, shared, phase, lang),
                _mission_held(count, lang),
                agreed_in(event, count.held or [], lang),
            )
            if part
        ),
    ]
    goals = pick(event.goals, lang)
    if goals:
        paragraphs.append(t.gettext("The mission's stated goals: %(goals)s") % {"goals": goals})
    return isolating(Communique(lang, title, tuple(paragraphs), line))


def _mission_lead(phase: Phase, organizers: bool, lang: str) -> str:
    """The trade mission's opening sentence at ``phase``, with or without its organizers
    (``%(organizers)s``, ``%(start)s``, ``%(end)s``, ``%(participants)s``, ``%(themes)s``).

    "A trade mission organized by …" opens the draft: the organizers as the sentence's
    subject came right after the dateline's dash and read as a fragment ("— Commercial
    Section, US Consulate General in Casablanca … organized a trade mission"); with no
    organizer, nobody is said to have organized it.
    """
    t = translator(lang)
    match phase, organizers:
        case Phase.BEFORE, True:
            # Translators: a draft written before the mission's first day announces it
            return t.gettext(
                "A trade mission organized by %(organizers)s will take place from %(start)s "
                "to %(end)s for a delegation of %(participants)s, focused on %(themes)s."
            )
        case Phase.BEFORE, False:
            return t.gettext(
                "A trade mission will take place from %(start)s to %(end)s for a delegation "
                "of %(participants)s, focused on %(themes)s."
            )
        case Phase.DURING, True:
            # Translators: a draft written while the mission is under way
            return t.gettext(
                "A trade mission organized by %(organizers)s is taking place from %(start)s "
                "to %(end)s for a delegation of %(participants)s, focused on %(themes)s."
            )
        case Phase.DURING, False:
            return t.gettext(
                "A trade mission is taking place from %(start)s to %(end)s for a delegation "
                "of %(participants)s, focused on %(themes)s."
            )
        case Phase.AFTER, True:
            return t.gettext(
                "A trade mission organized by %(organizers)s was held from %(start)s to "
                "%(end)s for a delegation of %(participants)s, focused on %(themes)s."
            )
        case _:
            return t.gettext(
                "A trade mission was held from %(start)s to %(end)s for a delegation of "
                "%(participants)s, focused on %(themes)s."
            )


def _mission_cities(cities: list[str], phase: Phase, held: list[Item] | None, lang: str) -> str:
    """Where the delegation meets: each city with its own preposition ("à Houston", "dans la
    Silicon Valley"); meetings "held" there once the mission is over and one is recorded as
    held, else arranged: "have been arranged" before or during it, "were arranged" after it
    (no outcome recorded, or none held)."""
    t = translator(lang)
    said_held = phase is Phase.AFTER and bool(held)
    if len(cities) > 1 and said_held:
        return t.gettext(
            "The delegation first held meetings %(in_first)s, then went on %(to_rest)s."
        ) % {
            "in_first": labels.in_city(cities[0], lang),
            "to_rest": t.format_list(labels.to_city(city, lang) for city in cities[1:]),
        }
    if len(cities) > 1 and phase is not Phase.AFTER:
        # Translators: an announcement, or a draft during the mission; each city after its
        # own "in" phrase ("à Houston", "dans la Silicon Valley")
        return t.gettext(
            "Meetings have been arranged for the delegation first %(in_first)s, then %(in_rest)s."
        ) % {
            "in_first": labels.in_city(cities[0], lang),
            "in_rest": t.format_list(labels.in_city(city, lang) for city in cities[1:]),
        }
    if len(cities) > 1:
        # Translators: after the mission, no meeting recorded as held; each city after its
        # own "in" phrase ("à Houston", "dans la Silicon Valley")
        return t.gettext(
            "Meetings were arranged for the delegation first %(in_first)s, then %(in_rest)s."
        ) % {
            "in_first": labels.in_city(cities[0], lang),
            "in_rest": t.format_list(labels.in_city(city, lang) for city in cities[1:]),
        }
    if cities and said_held:
        return t.gettext("The delegation held its meetings %(in_city)s.") % {
            "in_city": labels.in_city(cities[0], lang)
        }
    if cities and phase is not Phase.AFTER:
        return t.gettext("Meetings have been arranged for the delegation %(in_city)s.") % {
            "in_city": labels.in_city(cities[0], lang)
        }
    if cities:
        return t.gettext("Meetings were arranged for the delegation %(in_city)s.") % {
            "in_city": labels.in_city(cities[0], lang)
        }
    return ""


def _mission_programme(
    meetings: list[Item], hosts: list[Organization], shared: str, phase: Phase, lang: str
) -> str:
    """The programme: every meeting and visit, as the report counts them, with the hosts by
    what each is (a university or an association is no "public institution": the demo's 2
    universities and 1 association were among "7 public institutions"), and what they
    share; in the past once the mission is over."""
    t = translator(lang)
    programme_meetings = t.npgettext(
        "communique", "%(num)d professional meeting", "%(num)d professional meetings", len(meetings)
    ) % {"num": len(meetings)}
    # the verb agrees with the hosts ("1 institution publique, qui a partagé son expérience")
    if phase is Phase.AFTER:
        sentence = t.ngettext(
            "The programme included %(meetings)s with %(hosts)s, which shared its experience "
            "in %(themes)s.",
            "The programme included %(meetings)s with %(hosts)s, who shared their experience "
            "in %(themes)s.",
            len(hosts),
        )
    else:
        # Translators: a draft written before or during the mission: the hosts still share
        # their experience (present tense, as a press announcement)
        sentence = t.ngettext(
            "The programme includes %(meetings)s with %(hosts)s, which shares its experience "
            "in %(themes)s.",
            "The programme includes %(meetings)s with %(hosts)s, who share their experience "
            "in %(themes)s.",
            len(hosts),
        )
    return sentence % {
        "meetings": programme_meetings,
        "hosts": kinds_in(hosts, lang) or "—",
        "themes": shared,
    }


def _mission_held(count: Tally, lang: str) -> str:
    """After the programme's count of meetings, how many of them were held: final once
    every outcome is recorded after the mission, else so far; ``""`` while none is said."""
    t = translator(lang)
    if count.held is None:
        return ""
    num = len(count.held)
    if count.final:
        # Translators: after "The programme included 23 professional meetings with …": how
        # many of those meetings were recorded as held
        return t.ngettext(
            "%(num)d of these meetings was held.", "%(num)d of these meetings were held.", num
        ) % {"num": num}
    # Translators: after "The programme includes 23 professional meetings with …", while
    # outcomes are still to record (during the mission, or some meetings without one)
    return t.ngettext(
        "So far, %(num)d of these meetings has been recorded as held.",
        "So far, %(num)d of these meetings have been recorded as held.",
        num,
    ) % {"num": num}


def _brokerage_lead(phase: Phase, one_day: bool, organizers: bool, lang: str) -> str:
    """The brokerage event's opening sentence at ``phase`` (``%(organizers)s``,
    ``%(date)s`` for one day, ``%(start)s`` and ``%(end)s`` for more)."""
    t = translator(lang)
    match phase, one_day, organizers:
        case Phase.BEFORE, True, True:
            # Translators: a draft written before the event announces it
            return t.gettext("%(organizers)s will hold a day of B2B meetings on %(date)s.")
        case Phase.BEFORE, True, False:
            return t.gettext("A day of B2B meetings will take place on %(date)s.")
        case Phase.BEFORE, False, True:
            return t.gettext("%(organizers)s will hold B2B meetings from %(start)s to %(end)s.")
        case Phase.BEFORE, False, False:
            return t.gettext("B2B meetings will take place from %(start)s to %(end)s.")
        case Phase.DURING, True, True:
            # Translators: a draft written while the event is under way
            return t.gettext(
                "A day of B2B meetings organized by %(organizers)s is taking place on %(date)s."
            )
        case Phase.DURING, True, False:
            return t.gettext("A day of B2B meetings is taking place on %(date)s.")
        case Phase.DURING, False, True:
            return t.gettext(
                "B2B meetings organized by %(organizers)s are taking place from %(start)s to "
                "%(end)s."
            )
        case Phase.DURING, False, False:
            return t.gettext("B2B meetings are taking place from %(start)s to %(end)s.")
        case Phase.AFTER, True, True:
            return t.gettext("%(organizers)s held a day of B2B meetings on %(date)s.")
        case Phase.AFTER, True, False:
            return t.gettext("A day of B2B meetings was held on %(date)s.")
        case Phase.AFTER, False, True:
            return t.gettext("%(organizers)s held B2B meetings from %(start)s to %(end)s.")
        case _:
            return t.gettext("B2B meetings were held from %(start)s to %(end)s.")


def _brokerage(
    event: Event,
    meetings: list[Item],
    count: Tally,
    phase: Phase,
    lang: str,
    themes: str,
    line: str,
) -> Communique:
    """A B2B meeting day (or days): who met whom at the tables, not a delegation's trip.

    Its participants are the report's (every person of the event, and their organizations),
    where it counted only those who met, a smaller figure than the report's as soon as one
    of them had no meeting. It says how many of them had one when not all did, and how many
    meetings were arranged (no outcome recorded, or before the event) or were held (so far,
    while outcomes are still to record).
    """
    t = translator(lang)
    ids = {p.organization for p in event.people}
    organizations = [o for o in event.organizations if o.id in ids]
    met = {a for m in meetings for a in m.attendees} & {p.id for p in event.people}
    organizers = organizers_in(event, lang)
    days = {
        "organizers": organizers,
        "date": t.format_date(event.start, "long"),
        "start": labels.range_start(event.start, event.end, lang),
        "end": t.format_date(event.end, "long"),
    }
    lead = _brokerage_lead(phase, event.start == event.end, bool(organizers), lang) % days
    participants = t.ngettext("%(num)d participant", "%(num)d participants", len(event.people)) % {
        "num": len(event.people)
    }
    # past a dozen, the organizations by kind ("83 companies, 4 associations …"), not by name
    names = (
        kinds_in(organizations, lang)
        if len(organizations) > NAMED_ORGANIZATIONS
        else t.format_list(labels.org_name(o, lang) for o in organizations)
    )
    over = phase is Phase.AFTER
    # "brought together … for": a participant without a meeting is still counted, as the
    # report counts them, so the draft does not say that each "took part in" meetings
    sentences = [
        (
            t.gettext(
                "The event brought together %(participants)s for pre-arranged one-to-one meetings."
            )
            if over
            # Translators: before or during the event (present tense, as an announcement)
            else t.gettext(
                "The event brings together %(participants)s for pre-arranged one-to-one meetings."
            )
        )
        % {"participants": participants}
    ]
    if names:
        represented = (
            t.ngettext(
                "They represented %(num)d organization: %(names)s.",
                "They represented %(num)d organizations: %(names)s.",
                len(ids),
            )
            if over
            else t.ngettext(
                "They represent %(num)d organization: %(names)s.",
                "They represent %(num)d organizations: %(names)s.",
                len(ids),
            )
        )
        sentences.append(represented % {"num": len(ids), "names": names})
    if 0 < len(met) < len(event.people):
        had = (
            t.ngettext(
                "%(num)d of them had at least one meeting.",
                "%(num)d of them had at least one meeting.",
                len(met),
            )
            if over
            else t.ngettext(
                "%(num)d of them has at least one meeting scheduled.",
                "%(num)d of them have at least one meeting scheduled.",
                len(met),
            )
        )
        sentences.append(had % {"num": len(met)})
    paragraphs = [
        capitalized(lead),
        " ".join(
            part
            for part in (
                *sentences,
                _brokerage_count(meetings, count, lang, themes),
                agreed_in(event, count.held or [], lang),
            )
            if part
        ),
    ]
    goals = pick(event.goals, lang)
    if goals:
        paragraphs.append(t.gettext("The event's stated goals: %(goals)s") % {"goals": goals})
    return Communique(lang, pick(event.title, lang), tuple(paragraphs), line)


def _brokerage_count(meetings: list[Item], count: Tally, lang: str, themes: str) -> str:
    """How many meetings were arranged (none said held), held so far, or held in all."""
    t = translator(lang)
    held = count.held
    if held is None and themes:
        # Translators: no outcome recorded yet: the meetings were arranged, not said held
        return t.ngettext(
            "In all, %(num)d meeting was arranged, mostly on %(themes)s.",
            "In all, %(num)d meetings were arranged, mostly on %(themes)s.",
            len(meetings),
        ) % {"num": len(meetings), "themes": themes}
    if held is None:
        return t.ngettext(
            "In all, %(num)d meeting was arranged.",
            "In all, %(num)d meetings were arranged.",
            len(meetings),
        ) % {"num": len(meetings)}
    facts = {"num": len(held), "total": len(meetings), "themes": themes}
    if not count.final and themes:
        # Translators: outcomes still to record (during the event, or some meetings without
        # one): how many of the meetings arranged are recorded as held so far
        return (
            t.ngettext(
                "So far, %(num)d of the %(total)d meetings arranged has been recorded as held, "
                "mostly on %(themes)s.",
                "So far, %(num)d of the %(total)d meetings arranged have been recorded as held, "
                "mostly on %(themes)s.",
                len(held),
            )
            % facts
        )
    if not count.final:
        return (
            t.ngettext(
                "So far, %(num)d of the %(total)d meetings arranged has been recorded as held.",
                "So far, %(num)d of the %(total)d meetings arranged have been recorded as held.",
                len(held),
            )
            % facts
        )
    if themes:
        return (
            t.ngettext(
                "In all, %(num)d meeting was held, mostly on %(themes)s.",
                "In all, %(num)d meetings were held, mostly on %(themes)s.",
                len(held),
            )
            % facts
        )
    return (
        t.ngettext(
            "In all, %(num)d meeting was held.",
            "In all, %(num)d meetings were held.",
            len(held),
        )
        % facts
    )
