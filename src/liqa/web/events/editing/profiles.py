"""What the matchmaking reads in an organization's profile: the core's themes, labelled."""

from __future__ import annotations

from dataclasses import dataclass

from liqa.core import model as core
from liqa.core.matching import build_profile, default_thesaurus
from liqa.core.matching.profiles import organization_party


@dataclass(frozen=True)
class FoundThemes:
    """Theme labels in one language, sorted, by what the organization says of them."""

    offers: list[str]
    seeks: list[str]
    works_in: list[str]
    """Themes of its description that are neither offered nor sought."""
    unknown: list[str]
    """Themes entered by the organizer that the thesaurus does not know (ignored)."""


def found_themes(event: core.Event, key: str, lang: str) -> FoundThemes:
    """The themes the core's tagger finds in organization ``key``'s profile."""
    profile = build_profile(organization_party(event.organization(key)))
    thesaurus = default_thesaurus()

    def labels(themes: frozenset[str]) -> list[str]:
        return sorted(thesaurus.label(theme, lang) for theme in themes)

    return FoundThemes(
        offers=labels(profile.offers),
        seeks=labels(profile.seeks),
        works_in=labels(profile.activity),
        unknown=sorted(t for t in profile.party.themes if t not in thesaurus),
    )
