"""The lexicon of one set of registries: every phrase the extractor knows, found by longest match."""

from __future__ import annotations

from honours.core.registries import Registries

from .items import KINDS, Entry
from .normalise import Token, phrase_key, tokenize
from .vocabulary import (
    AUTH,
    AWARD,
    BARE_COMMENDATION,
    GENERIC_AWARDS,
    KIND,
    KIND_WORDS,
    MARKERS,
    NEUTRAL,
    OTHER_BODIES,
    PERSON,
    PLACE_WORDS,
    UNIT,
)


class Lexicon:
    """Phrases of the vocabulary and of one `Registries`, indexed by first word; build once, use for every article."""

    def __init__(self, registries: Registries):
        self.registries = registries
        entries: dict[tuple[str, ...], Entry] = {}
        self._add_vocabulary(entries)
        self._add_registry_bodies(entries)
        self._index = self._build_index(entries)  # enough to find authorities named inside award names
        self._add_awards(entries)
        for phrase in MARKERS[NEUTRAL]:
            entries[phrase_key(phrase)] = Entry(NEUTRAL)
        self._index = self._build_index(entries)
        self.home = self._home_places(registries)

    @staticmethod
    def _add_vocabulary(entries: dict) -> None:
        for kind, words in KIND_WORDS.items():
            for word in words:
                entries[phrase_key(word)] = Entry(KIND, kind)
        for cat, phrases in MARKERS.items():
            if cat == NEUTRAL:
                continue
            for phrase in phrases:
                key = phrase_key(phrase)
                # A person word that is also a recipient word keeps its kind ("45 đồng chí").
                kind = entries[key].value if cat == PERSON and key in entries else None
                entries[key] = Entry(cat, kind)
        for phrase in OTHER_BODIES:
            entries[phrase_key(phrase)] = Entry(AUTH, None)

    def _add_registry_bodies(self, entries: dict) -> None:
        bodies = {phrase_key(phrase) for phrase in OTHER_BODIES}
        for unit in self.registries.units.values():
            for name in (unit.full_name, *unit.aliases):
                key = phrase_key(name)
                # A unit whose name starts with a body ("Huyện đoàn Hiệp Hòa") may also be who confers.
                is_body = any(key[:len(body)] == body for body in bodies)
                entries[key] = Entry(UNIT, None if is_body else unit.slug, unit=True)
        for authority in self.registries.authorities.values():
            for name in (authority.name, *authority.aliases):
                key = phrase_key(name)
                entries[key] = Entry(AUTH, authority.slug, unit=key in entries and entries[key].unit)

    def _add_awards(self, entries: dict) -> None:
        awards = self.registries.awards
        for award in awards.values():
            kind = award.recipients[0] if len(award.recipients) == 1 else None
            for name in (award.name, *award.aliases):
                key = phrase_key(name)
                entries[key] = Entry(AWARD, award.slug, self._authority_inside(key), kind, award.recipients)
        for phrase, generic in GENERIC_AWARDS.items():
            if phrase == BARE_COMMENDATION:  # a verb, reached through the commending verbs
                continue
            kinds = {k for slug in generic.rules.values() if slug in awards for k in awards[slug].recipients}
            entries[phrase_key(phrase)] = Entry(AWARD, phrase, None, generic.kind,
                                                tuple(k for k in KINDS if k in kinds) or KINDS, generic=True)

    @staticmethod
    def _home_places(registries: Registries) -> set[tuple[str, ...]]:
        """The district and province the registries are about ("hiệp hòa", "bắc giang"), from their names."""
        places = set()
        names = [a.name for a in registries.authorities.values()] + [u.name for u in registries.units.values()]
        for name in names:
            tokens = tokenize(name)
            for i, token in enumerate(tokens[:-1]):
                if token.norm in PLACE_WORDS and tokens[i + 1].cap:
                    end = i + 1
                    while end < len(tokens) and tokens[end].kind == "word" and tokens[end].cap:
                        end += 1
                    places.add(tuple(t.norm for t in tokens[i + 1:end]))
        return places

    def other_place(self, tokens: list[Token], i: int) -> int | None:
        """Where the name after "huyện"/"tỉnh" at i-1 ends, when it names another district or province."""
        end = i
        while end < len(tokens) and end - i < 4 and tokens[end].kind == "word" and tokens[end].cap:
            end += 1
        # Names of districts and provinces have two words ("Việt Yên"); people's have three or more
        # ("Chủ tịch UBND huyện Nguyễn Văn Bình").
        if end - i != 2 or tuple(t.norm for t in tokens[i:end]) in self.home:
            return None
        return end

    @staticmethod
    def _build_index(entries: dict) -> dict[str, list[tuple[int, list[str], Entry]]]:
        """Index phrases by first word, longest first, for longest-match lookup."""
        index: dict[str, list] = {}
        for key, entry in entries.items():
            if key:
                index.setdefault(key[0], []).append((len(key), list(key), entry))
        for candidates in index.values():
            candidates.sort(key=lambda candidate: -candidate[0])
        return index

    def match(self, norms: list[str], i: int) -> tuple[int, Entry] | None:
        """Return (length, entry) of the longest phrase starting at word i of a sentence."""
        for length, key, entry in self._index.get(norms[i], ()):
            if norms[i:i + length] == key:
                return length, entry
        return None

    def _authority_inside(self, key: tuple[str, ...]) -> str | None:
        """Return the authority named inside an award's name ("Bằng khen của Chủ tịch UBND tỉnh")."""
        norms = list(key)
        for i in range(1, len(norms)):
            found = self.match(norms, i)
            if found and found[1].cat == AUTH and found[1].value:
                return found[1].value
        return None
