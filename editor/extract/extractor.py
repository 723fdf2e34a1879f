"""The extractor: sentences → items → events → proposals, with who conferred what resolved to registry slugs."""

from __future__ import annotations

from honours.core.registries import Registries

from .assemble import Assembler
from .items import APPROVED, COUNT_KINDS, EITHER, KINDS, PROPOSED, Draft, Entry, Item, Proposal
from .lexer import lex
from .lexicon import Lexicon
from .normalise import as_written, tokenize
from .sentences import article_sentences
from .statements import mark_overviews, mark_repeats
from .statuses import Mood, mark_sums, set_statuses, with_periods
from .vocabulary import AUTH, COUNT, GENERIC_AWARDS, LEVEL_MIN_RANK


class Extractor:
    """Reads articles against one `Registries`; its lexicon is built once."""

    def __init__(self, registries: Registries):
        self.registries = registries
        self.lexicon = Lexicon(registries)

    def sentence_drafts(self, text: str, carried: str | None) -> tuple[list[Draft], str | None, list[Item], list]:
        """Return the events of one sentence, the authority to carry to the next one, its items and tokens.

        `carried` is the last authority named earlier in the paragraph ("Đồng thời, công nhận …").
        """
        tokens = tokenize(text)
        items = with_periods(lex(self.lexicon, tokens), tokens)
        strong = next((it for it in reversed(items) if it.cat == AUTH and it.role == "strong"), None)
        carry = strong.entry.value if strong is not None else carried
        if not any(item.cat == COUNT for item in items):  # most sentences: nothing to assemble
            return [], carry, items, tokens
        drafts = Assembler(items, text, carried).run()
        if drafts:
            set_statuses(drafts, items, tokens)
        for draft in drafts:
            draft.tokens = tokens
        return drafts, carry, items, tokens

    def drafts(self, text: str) -> list[Draft]:
        """Return the events of a whole article, with their statuses."""
        drafts: list[Draft] = []
        last_paragraph, carried = -1, None
        mood = Mood()
        for sentence in article_sentences(text):
            if sentence.paragraph != last_paragraph:
                last_paragraph, carried = sentence.paragraph, None
            found, carried, items, tokens = self.sentence_drafts(sentence.text, carried)
            mood.apply(sentence.paragraph, items, found, tokens, sentence.text)
            for draft in found:
                draft.role = sentence.role
            drafts.extend(found)
        mark_sums(drafts)
        mark_overviews(drafts)
        mark_repeats(drafts)
        return drafts

    def extract(self, text: str) -> list[Proposal]:
        """Return the award lines the article's prose states, in reading order."""
        return [proposal for draft in self.drafts(text) for proposal in self._resolve(draft)]

    def _resolve(self, draft: Draft) -> list[Proposal]:
        """Turn a draft into proposals: one per award the generic rules give its recipient kinds."""
        if draft.aggregate:
            return [_proposal(None, None, draft)]
        by = self._authority(draft)
        groups: dict[str | None, dict[str, int]] = {}
        for kind in COUNT_KINDS:
            if draft.counts.get(kind):
                award = self._award_for(draft.award, by, kind)
                if award is not None and kind in KINDS and kind not in self.registries.awards[award].recipients:
                    award = None  # the registry does not (yet) give this award to this kind: the editor decides
                groups.setdefault(award, {})[kind] = draft.counts[kind]
        unknown = self._unknown_body(draft) if by is None else None
        by_text = as_written(draft.text, draft.tokens, unknown.pos, unknown.end) if unknown is not None else ""
        return [_proposal(by, award, draft, counts, by_text) for award, counts in groups.items()]

    @staticmethod
    def _unknown_body(draft: Draft) -> Item | None:
        """The body named as who conferred when the registries do not hold it ("Tỉnh Đoàn Đắk Nông")."""
        for item in (draft.award_auth, draft.strong):
            if item is not None and item.entry.value is None:
                proposer = draft.status in (PROPOSED, APPROVED) and 0 <= item.pos < draft.proposed_at
                return None if proposer else item
        return None

    def _authority(self, draft: Draft) -> str | None:
        """Pick who conferred: the award's own, the sentence's subject, then guesses that fit."""
        if draft.award_auth is not None:
            return draft.award_auth.entry.value
        if draft.award.implied:
            return draft.award.implied
        strong = draft.strong
        if strong is not None and draft.status in (PROPOSED, APPROVED) and 0 <= strong.pos < draft.proposed_at:
            strong = None  # "UBND huyện đề nghị …": who proposes does not confer
        if draft.inherited is not None and (strong is None or strong.pos < draft.inherited.pos) \
                and self._fits(draft, draft.inherited.entry.value):
            return draft.inherited.entry.value
        if strong is not None:
            # A subject that cannot confer this award presents it ("Chủ tịch UBND huyện trao Bằng khen").
            slug = strong.entry.value
            return slug if slug is None or self._fits(draft, slug) else None
        for guess in (draft.weak.entry.value if draft.weak else None, draft.carried):
            if guess and self._fits(draft, guess):
                return guess
        return None

    def _fits(self, draft: Draft, slug: str) -> bool:
        """Whether a guessed authority can confer this draft's award on all its recipient kinds."""
        level = self.registries.authorities[slug].level
        for kind in draft.counts:
            award = self._award_for(draft.award, slug, kind)
            if award is None or self.registries.awards[award].rank < LEVEL_MIN_RANK[level]:
                return False
        return True

    def _award_for(self, award: Entry, by: str | None, kind: str) -> str | None:
        """Resolve an award entry to a registry slug for one recipient kind."""
        if not award.generic:
            return award.value
        rules = GENERIC_AWARDS[award.value].rules
        level = self.registries.authorities[by].level if by in self.registries.authorities else None
        for selector in (by, level, kind, "*"):
            if selector in rules:
                slug = rules[selector]
                return slug if slug in self.registries.awards else None
        return None



def _proposal(by, award, draft: Draft, counts: dict[str, int] | None = None, by_text: str = "") -> Proposal:
    counts = draft.counts if counts is None else counts
    return Proposal(by, award, counts.get("collective", 0), counts.get("individual", 0), counts.get("household", 0),
                    draft.status, draft.text, counts.get(EITHER, 0), draft.reason, by_text)


_EXTRACTORS: dict[int, tuple[Registries, Extractor]] = {}
_EXTRACTORS_KEPT = 8


def extractor_for(registries: Registries) -> Extractor:
    """Return the Extractor of a registries object, building it on first use.

    Cached by identity (a Registries holds dicts, so it is not hashable); the
    object is kept with its entry so that its id cannot be reused meanwhile.
    """
    cached = _EXTRACTORS.get(id(registries))
    if cached is not None and cached[0] is registries:
        return cached[1]
    if len(_EXTRACTORS) >= _EXTRACTORS_KEPT:
        _EXTRACTORS.pop(next(iter(_EXTRACTORS)))
    extractor = Extractor(registries)
    _EXTRACTORS[id(registries)] = (registries, extractor)
    return extractor


def extract(text: str, registries: Registries) -> list[Proposal]:
    """Return the award lines an article's prose states (front-matter ignored)."""
    return extractor_for(registries).extract(text)
