"""The extractor's vocabulary and rules, read from vocabulary.yml beside this module.

Everything language-specific (words, markers, generic award rules) lives in the
YAML file, so that a new way of writing can be taught without touching code.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

import yaml

VOCABULARY_FILE = Path(__file__).with_name("vocabulary.yml")

# Roles of words (keys of `markers` in the YAML file) and of lexed items.
VERB, GENERIC_VERB = "verb", "generic-verb"
PASSIVE, PROPOSE, TOTAL_MARK, SUM, RESET, DETAIL = "passive", "propose", "total", "sum", "reset", "detail"
GIFT, APPROVE, EXAMPLES = "gift", "approve", "examples"
PERSON, DEPUTY, DELEGATE, NEUTRAL = "person", "deputy", "delegate", "neutral"
AUTH, AWARD, KIND, COUNT, CLAUSE, UNIT = "auth", "award", "kind", "count", "clause", "unit"


@dataclass(frozen=True)
class GenericAward:
    """A generic award word and how it resolves to a registry award.

    `rules` maps a selector to an award slug; selectors are tried in the order
    authority slug, authority level, recipient kind, then "*". `kind` is the
    recipient kind of a count written straight before the phrase, None when it
    cannot be told.
    """

    kind: str | None
    rules: dict[str, str]


def _load() -> dict:
    with open(VOCABULARY_FILE, encoding="utf-8") as handle:
        return yaml.safe_load(handle)


_DATA = _load()

ABBREVIATIONS: dict[str, str] = _DATA["abbreviations"]
KIND_WORDS: dict[str, tuple[str, ...]] = {kind: tuple(words) for kind, words in _DATA["kind_words"].items()}
MARKERS: dict[str, tuple[str, ...]] = {cat: tuple(words) for cat, words in _DATA["markers"].items()}
OTHER_BODIES: tuple[str, ...] = tuple(_DATA["other_bodies"])
GENERIC_AWARDS: dict[str, GenericAward] = {
    phrase: GenericAward(rule.get("kind"), dict(rule.get("rules") or {}))
    for phrase, rule in _DATA["generic_awards"].items()}
BARE_COMMENDATION: str = _DATA["bare_commendation"]
LEVEL_MIN_RANK: dict[str, int] = _DATA["level_min_rank"]

_GRAMMAR = _DATA["grammar"]
NOT_SUBJECT_BEFORE: tuple[str, ...] = tuple(_GRAMMAR["not_subject_before"])
RECIPIENTS_FOLLOW: str = _GRAMMAR["recipients_follow"]
ORGAN_WORDS: tuple[str, ...] = tuple(_GRAMMAR["organ_words"])
LIST_JOINERS: tuple[str, ...] = tuple(_GRAMMAR["list_joiners"])
PLACE_WORDS: tuple[str, ...] = tuple(_GRAMMAR["place_words"])
TIMES_WORD: str = _GRAMMAR["times_word"]
TITLE_WORDS_MAX: int = _GRAMMAR["title_words_max"]
NUMBER_WORDS: dict = _DATA["numbers"]
PERIOD_PATTERNS: tuple[str, ...] = tuple(_DATA["periods"])
REASONS: dict[str, str] = _DATA["reasons"]
ABBREVIATIONS_BEFORE_NAMES: tuple[str, ...] = tuple(_DATA["abbreviations_before_names"])
CAPTION_MARKERS: tuple[str, ...] = tuple(_DATA["caption_markers"])
MIN_REPEATED_COUNT: int = _DATA["min_repeated_count"]
TALLY_VERBS: tuple[str, ...] = tuple(_DATA["tally_verbs"])
PLURAL_WORDS: tuple[str, ...] = tuple(_GRAMMAR["plural_words"])
NAMED_ONLY_AWARDS: tuple[str, ...] = tuple(_GRAMMAR["named_only_awards"])
