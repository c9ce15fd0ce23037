"""Matchmaking: themes thesaurus and tagging in ar/fr/en, explainable scores and
recommendations, organizer rules, the meeting-request workflow, and evaluation.

Typical use::

    from liqa.core.matching import build_matcher, event_parties, event_rules, recommend, render

    matcher = build_matcher(event_parties(event), event_rules(event))
    for rec in recommend(matcher, "DGSSI"):
        print(rec.candidate, [render(r, "ar", matcher.thesaurus) for r in rec.reasons])
"""

from __future__ import annotations

from liqa.core.matching.profiles import Party, Profile, build_profile, event_parties
from liqa.core.matching.reasons import Reason, ReasonCode, render
from liqa.core.matching.recommend import (
    Matcher,
    Recommendation,
    UnknownParty,
    build_matcher,
    recommend,
    recommend_all,
)
from liqa.core.matching.rules import Exclusion, MatchRules, Pairing, event_rules
from liqa.core.matching.scoring import MatchSettings
from liqa.core.matching.tagging import Tagger, build_tagger, default_tagger
from liqa.core.matching.thesaurus import Theme, Thesaurus, default_thesaurus, load_thesaurus
from liqa.core.matching.workflow import (
    Priority,
    PriorityWeights,
    RequestError,
    RequestPolicy,
    TransitionError,
    accept,
    cancel,
    decline,
    expire_due,
    mutual_pairs,
    propose,
    scheduler_weights,
    transition,
)

__all__ = [
    "Exclusion",
    "MatchRules",
    "MatchSettings",
    "Matcher",
    "Pairing",
    "Party",
    "Priority",
    "PriorityWeights",
    "Profile",
    "Reason",
    "ReasonCode",
    "Recommendation",
    "RequestError",
    "RequestPolicy",
    "Tagger",
    "Theme",
    "Thesaurus",
    "TransitionError",
    "UnknownParty",
    "accept",
    "build_matcher",
    "build_profile",
    "build_tagger",
    "cancel",
    "decline",
    "default_tagger",
    "default_thesaurus",
    "event_parties",
    "event_rules",
    "expire_due",
    "load_thesaurus",
    "mutual_pairs",
    "propose",
    "recommend",
    "recommend_all",
    "render",
    "scheduler_weights",
    "transition",
]
