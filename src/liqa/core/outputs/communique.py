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

It says "held" only of meetings recorded as held. Before any outcome is recorded (a draft
written before or during the mission, or by organizers who record none) the meetings were
arranged; once outcomes are recorded it says how many were held, the report's
``Figures.held``: a mission's programme still counts every meeting, then how many of them
were held; a brokerage event counts the meetings held, on their themes.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass

from liqa.core.i18n import translator
from liqa.core.model import (
    Event,
    EventKind,
    MeetingFormat,
    Organization,
    OrgKind,
    OutcomeKind,
    Schedule,
    organizer_name,
    pick,
)
from liqa.core.outputs import labels
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
    """Those of ``meetings`` recorded as held, or ``None`` before any outcome of the event is
    recorded, as the mission report counts them (``Figures.held``)."""
    if not event.outcomes:
        return None
    held = {o.assignment for o in event.outcomes if o.kind is OutcomeKind.HELD}
    return [m for m in meetings if m.id in held]


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


def dateline(event: Event, lang: str) -> str:
    """Where and when the event ended (``Houston, March 12, 2024 —``, ``هيوستن، 12 مارس
    2024 —``): the brokerage venue's city, else the last leg's, and the last day, in
    ``lang`` (Babel's long date, the language's comma)."""
    t = translator(lang)
    city = ""
    if event.brokerage is not None:
        try:
            city = event.venue(event.brokerage.venue).city
        except KeyError:
            city = ""
    if not city and event.legs:
        city = max(event.legs, key=lambda leg: leg.end).city
    day = t.format_date(event.end, "long")
    if not city:
        return f"{day} —"
    return f"{labels.city_label(city, lang)}{labels.comma(lang)}{day} —"


def organizers_in(event: Event, lang: str) -> str:
    """The organizers named for a reader of ``lang`` (each in that language when given,
    else in English, else as first given), as one list; ``""`` when there are none."""
    names = [organizer_name(names, lang) for names in event.organizers]
    return translator(lang).format_list(names) if names else ""


def build_communique(event: Event, schedule: Schedule, lang: str) -> Communique:
    """The communiqué in ``lang`` (past tense; meetings arranged, or held as recorded)."""
    t = translator(lang)
    delegates = event.delegates()
    delegation_orgs = [
        o for o in event.organizations if o.id in {p.organization for p in delegates}
    ]
    # the report's meetings and visits: the whole schedule, not only the meetings whose
    # outcome is recorded (one outcome recorded on the demo made it "1 professional
    # meeting with 1 company" where the report counts 23 meetings with 23 hosts)
    meetings = scheduled_meetings(timeline(event, schedule))
    held = held_meetings(event, meetings)
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
    organizers = organizers_in(event, lang)
    title = pick(event.title, lang)

    if event.brokerage is not None or event.kind is EventKind.BROKERAGE:
        if held is None:
            on = after_on(lang, shared_themes or all_themes)
        else:  # the themes of the meetings held; none held: no themes
            on = after_on(lang, (ranked_themes(event, held, lang) or all_themes) if held else [])
        return _brokerage(event, meetings, held, lang, on, dateline(event, lang))
    facts = {
        "start": labels.range_start(event.start, event.end, lang),
        "end": t.format_date(event.end, "long"),
        "participants": t.ngettext("%(num)d participant", "%(num)d participants", len(delegates))
        % {"num": len(delegates)},
        "themes": after_on(lang, all_themes),
    }
    if organizers:
        # "A trade mission organized by …" opens the draft: the organizers as the sentence's
        # subject came right after the dateline's dash and read as a fragment ("— Commercial
        # Section, US Consulate General in Casablanca … organized a trade mission")
        lead = t.gettext(
            "A trade mission organized by %(organizers)s was held from %(start)s to "
            "%(end)s for a delegation of %(participants)s, focused on %(themes)s."
        ) % {"organizers": organizers, **facts}
    else:  # not "the organizers organized": nobody is named
        lead = (
            t.gettext(
                "A trade mission was held from %(start)s to %(end)s for a delegation of "
                "%(participants)s, focused on %(themes)s."
            )
            % facts
        )
    composition = t.ngettext(
        "The delegation represented %(num)d organization: %(names)s.",
        "The delegation represented %(num)d organizations: %(names)s.",
        len(delegation_orgs),
    ) % {
        "num": len(delegation_orgs),
        "names": t.format_list(labels.org_name(o, lang) for o in delegation_orgs),
    }
    # each city with its own preposition: "à Houston", "dans la Silicon Valley"; meetings
    # "held" once one is recorded as held, else arranged (no outcome recorded, or none held)
    if len(cities) > 1 and held:
        where = t.gettext(
            "The delegation first held meetings %(in_first)s, then went on %(to_rest)s."
        ) % {
            "in_first": labels.in_city(cities[0], lang),
            "to_rest": t.format_list(labels.to_city(city, lang) for city in cities[1:]),
        }
    elif len(cities) > 1:
        # Translators: no meeting recorded as held yet (a draft before or during the
        # mission); each city after its own "in" phrase ("à Houston", "dans la Silicon Valley")
        where = t.gettext(
            "Meetings were arranged for the delegation first %(in_first)s, then %(in_rest)s."
        ) % {
            "in_first": labels.in_city(cities[0], lang),
            "in_rest": t.format_list(labels.in_city(city, lang) for city in cities[1:]),
        }
    elif cities and held:
        where = t.gettext("The delegation held its meetings %(in_city)s.") % {
            "in_city": labels.in_city(cities[0], lang)
        }
    elif cities:
        where = t.gettext("Meetings were arranged for the delegation %(in_city)s.") % {
            "in_city": labels.in_city(cities[0], lang)
        }
    else:
        where = ""
    # each host by what it is: a university or an association is no "public institution"
    # (the demo's 2 universities and 1 association were among "7 public institutions")
    kinds = kinds_in(hosts, lang)
    programme_meetings = t.npgettext(
        "communique", "%(num)d professional meeting", "%(num)d professional meetings", len(meetings)
    ) % {"num": len(meetings)}
    # the verb agrees with the hosts ("1 institution publique, qui a partagé son expérience")
    programme = t.ngettext(
        "The programme included %(meetings)s with %(hosts)s, which shared its experience in "
        "%(themes)s.",
        "The programme included %(meetings)s with %(hosts)s, who shared their experience in "
        "%(themes)s.",
        len(hosts),
    ) % {"meetings": programme_meetings, "hosts": kinds or "—", "themes": shared}
    # the programme counts every meeting, as the report; then how many were held, if known
    outcome = (
        # Translators: after "The programme included 23 professional meetings with …": how
        # many of those meetings were recorded as held
        t.ngettext(
            "%(num)d of these meetings was held.", "%(num)d of these meetings were held.", len(held)
        )
        % {"num": len(held)}
        if held is not None
        else ""
    )
    paragraphs = [
        lead,
        composition,
        " ".join(part for part in (where, programme, outcome) if part),
    ]
    goals = pick(event.goals, lang)
    if goals:
        paragraphs.append(t.gettext("The mission's stated goals: %(goals)s") % {"goals": goals})
    return Communique(lang, title, tuple(paragraphs), dateline(event, lang))


def _brokerage(
    event: Event,
    meetings: list[Item],
    held: list[Item] | None,
    lang: str,
    themes: str,
    line: str,
) -> Communique:
    """A B2B meeting day (or days): who met whom at the tables, not a delegation's trip.

    Its participants are the report's (every person of the event, and their organizations),
    where it counted only those who met, a smaller figure than the report's as soon as one
    of them had no meeting. It says how many of them had one when not all did, and how many
    meetings were arranged (``held`` ``None``: no outcome recorded) or were held.
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
    if event.start == event.end:
        lead = (
            t.gettext("%(organizers)s held a day of B2B meetings on %(date)s.")
            if organizers
            else t.gettext("A day of B2B meetings was held on %(date)s.")
        ) % days
    else:
        lead = (
            t.gettext("%(organizers)s held B2B meetings from %(start)s to %(end)s.")
            if organizers
            else t.gettext("B2B meetings were held from %(start)s to %(end)s.")
        ) % days
    participants = t.ngettext("%(num)d participant", "%(num)d participants", len(event.people)) % {
        "num": len(event.people)
    }
    # past a dozen, the organizations by kind ("83 companies, 4 associations …"), not by name
    names = (
        kinds_in(organizations, lang)
        if len(organizations) > NAMED_ORGANIZATIONS
        else t.format_list(labels.org_name(o, lang) for o in organizations)
    )
    # "brought together … for": a participant without a meeting is still counted, as the
    # report counts them, so the draft does not say that each "took part in" meetings
    sentences = [
        t.gettext(
            "The event brought together %(participants)s for pre-arranged one-to-one meetings."
        )
        % {"participants": participants}
    ]
    if names:
        sentences.append(
            t.ngettext(
                "They represented %(num)d organization: %(names)s.",
                "They represented %(num)d organizations: %(names)s.",
                len(ids),
            )
            % {"num": len(ids), "names": names}
        )
    if 0 < len(met) < len(event.people):
        sentences.append(
            t.ngettext(
                "%(num)d of them had at least one meeting.",
                "%(num)d of them had at least one meeting.",
                len(met),
            )
            % {"num": len(met)}
        )
    who = " ".join(sentences)
    if held is None and themes:
        # Translators: no outcome recorded yet: the meetings were arranged, not said held
        count = t.ngettext(
            "In all, %(num)d meeting was arranged, mostly on %(themes)s.",
            "In all, %(num)d meetings were arranged, mostly on %(themes)s.",
            len(meetings),
        ) % {"num": len(meetings), "themes": themes}
    elif held is None:
        count = t.ngettext(
            "In all, %(num)d meeting was arranged.",
            "In all, %(num)d meetings were arranged.",
            len(meetings),
        ) % {"num": len(meetings)}
    elif themes:
        count = t.ngettext(
            "In all, %(num)d meeting was held, mostly on %(themes)s.",
            "In all, %(num)d meetings were held, mostly on %(themes)s.",
            len(held),
        ) % {"num": len(held), "themes": themes}
    else:
        count = t.ngettext(
            "In all, %(num)d meeting was held.",
            "In all, %(num)d meetings were held.",
            len(held),
        ) % {"num": len(held)}
    paragraphs = [lead, who + " " + count]
    goals = pick(event.goals, lang)
    if goals:
        paragraphs.append(t.gettext("The event's stated goals: %(goals)s") % {"goals": goals})
    return Communique(lang, pick(event.title, lang), tuple(paragraphs), line)
