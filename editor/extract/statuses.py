"""The status of each event: conferred, proposed, or a total that must not be counted again."""

from __future__ import annotations

from bisect import bisect_right

from .items import APPROVED, CONFERRED, EITHER, KINDS, PROPOSED, TOTAL, Draft, Item
from .normalise import Token, as_written
from .numbers import PERIOD_RE
from .vocabulary import APPROVE, CLAUSE, DETAIL, GENERIC_VERB, PASSIVE, PROPOSE, REASONS, RESET, SUM, TOTAL_MARK, VERB

PERIOD_OPENS_WITHIN = 3  # words: "Kết quả 5 năm qua, …" opens with its period
OWN_VERBS = (VERB, GENERIC_VERB, PASSIVE)  # a sentence with one of these says something of its own


def set_statuses(drafts: list[Draft], items: list[Item], tokens: list[Token]) -> None:
    """Mark proposals and totals from the markers of the sentence."""
    clause_starts = [item.pos for item in items if item.cat == CLAUSE]

    def clause_of(pos: int) -> int:
        return bisect_right(clause_starts, pos)

    marks = {cat: [item.pos for item in items if item.cat == cat]
             for cat in (PROPOSE, APPROVE, TOTAL_MARK, SUM, RESET)}
    tally_items = [item for item in items if item.cat == TOTAL_MARK]

    def text_of(item: Item) -> str:
        return as_written(drafts[0].text, tokens, item.pos, min(item.end, len(tokens)))

    for draft in drafts:
        proposals = [p for p in marks[PROPOSE] if p < draft.end]
        if proposals:
            draft.status, draft.proposed_at = PROPOSED, proposals[0]
        if any(p < draft.end for p in marks[APPROVE]):  # "Hội đồng thống nhất đề nghị tặng …"
            draft.status, draft.proposed_at = APPROVED, min([*proposals, *marks[APPROVE]])
        tally = next((t for t in tally_items if _total_applies(t.pos, draft, clause_of, marks[RESET])), None)
        if any(clause_of(s) == clause_of(draft.start) and s < draft.end for s in marks[SUM]):
            draft.status, draft.aggregate = TOTAL, True
        elif tally is not None:
            draft.status, draft.reason = TOTAL, tally_reason(text_of(tally))
        elif draft.detail_follows and draft.from_verb:
            draft.status, draft.aggregate = TOTAL, True


def with_periods(items: list[Item], tokens: list[Token]) -> list[Item]:
    """Add the multi-year periods of a sentence ("5 năm qua", "từ năm 2013 đến nay") to its items as tally marks."""
    joined = " " + " ".join(token.norm for token in tokens) + " "
    offsets, at = [], 1
    for token in tokens:
        offsets.append(at)
        at += len(token.norm) + 1
    periods = [(bisect_right(offsets, match.start()) - 1, bisect_right(offsets, match.end() - 1))
               for match in PERIOD_RE.finditer(joined)]
    if not periods:
        return items
    return sorted([*items, *(Item(TOTAL_MARK, pos, end) for pos, end in periods)], key=lambda item: item.pos)


def tally_reason(marker: str) -> str:
    """Why a tally is left out, quoting the words that make it one ("5 năm qua", "toàn tỉnh")."""
    return REASONS["tally"].format(marker=marker)


def _total_applies(mark: int, draft: Draft, clause_of, resets: list[int]) -> bool:
    """A tally marker covers its own clause, and later clauses until the event itself is named again."""
    if mark >= draft.end:
        return False
    if clause_of(mark) == clause_of(draft.start):
        return True
    return not any(mark < reset < draft.start for reset in resets)


def mark_sums(drafts: list[Draft]) -> None:
    """Mark a line that equals the sum of the lines next to it as a total of them.

    "Tặng Huân chương cho 83 đồng chí, gồm 9 …, 3 … và 71 …"; a bare "khen thưởng
    30 tập thể, cá nhân" after the lines it adds up.
    """
    others = [d for d in drafts if d.status == CONFERRED]  # sums already found are left out
    where = 0  # the place of the line being looked at among `others`
    while where < len(others):
        draft = others[where]
        either = EITHER in draft.counts
        target = _summable(draft.counts)
        # A bare "khen thưởng …" may sum up the lines just before it; any line may announce the lines just after it.
        if (draft.from_verb and _adds_up(reversed(others[:where]), target, either)) or \
                _adds_up(others[where + 1:], target, either):
            draft.status, draft.aggregate = TOTAL, True
            del others[where]
        else:
            where += 1


def _summable(counts: dict[str, int]) -> tuple[int, ...]:
    """Counts per kind; one count over collectives and individuals together is compared with their sum."""
    if EITHER in counts:
        return (counts.get("collective", 0) + counts.get("individual", 0) + counts[EITHER], counts.get("household", 0))
    return tuple(counts.get(k, 0) for k in KINDS)


def _adds_up(lines, target: tuple[int, ...], either: bool) -> bool:
    """Whether the first lines of `lines` (two at least, or one against a combined count) add up to target.

    Counts are never negative, so the running sum only grows: the walk stops
    as soon as it passes the target, which keeps the whole marking close to
    linear in the number of lines.
    """
    totals = dict.fromkeys((*KINDS, EITHER), 0)
    for taken, line in enumerate(lines, 1):
        for kind in totals:
            totals[kind] += line.counts.get(kind, 0)
        if either:
            reached = (totals["collective"] + totals["individual"] + totals[EITHER], totals["household"])
        elif totals[EITHER]:
            return False  # a combined count cannot make up separate ones
        else:
            reached = tuple(totals[k] for k in KINDS)
        if reached == target and (taken > 1 or either):
            return True
        if any(got > wanted for got, wanted in zip(reached, target, strict=True)):
            return False
    return False


class Mood:
    """What a sentence passes on to the next one that only continues it.

    "Hội đồng thống nhất đề nghị khen thưởng như sau. Cờ thi đua cho 5 đơn vị."
    — the second sentence has no verb of its own, so it is still the
    council's proposal. A sentence opening with "Trong đó", "Cụ thể" continues
    the one before it even in a new paragraph.
    """

    def __init__(self):
        self.status = CONFERRED
        self.paragraph = -1
        self.period = ""  # the paragraph opened with a period: "5 năm qua, …", "Giai đoạn 2016–2020, …"

    def apply(self, paragraph: int, items: list[Item], drafts: list[Draft], tokens: list[Token],
              drafts_text: str) -> None:
        opens_with_detail = bool(items) and items[0].cat == DETAIL and items[0].pos <= 1
        continues = opens_with_detail or not any(item.cat in OWN_VERBS for item in items)
        if paragraph != self.paragraph and not opens_with_detail:
            self.status, self.period = CONFERRED, ""
        self.paragraph = paragraph
        if self.period and not any(item.cat == RESET for item in items):
            for draft in drafts:
                if draft.status == CONFERRED:
                    draft.status, draft.reason = TOTAL, tally_reason(self.period)
        if items and items[0].cat == TOTAL_MARK and items[0].pos <= PERIOD_OPENS_WITHIN and drafts_text:
            self.period = as_written(drafts_text, tokens, items[0].pos, items[0].end)
        if continues and self.status != CONFERRED:
            for draft in drafts:
                if draft.status == CONFERRED:
                    draft.status, draft.proposed_at = self.status, -1
        own = [item.cat for item in items if item.cat in (PROPOSE, APPROVE)]
        if own:
            self.status = APPROVED if APPROVE in own else PROPOSED
        elif drafts and not continues:
            self.status = drafts[-1].status if drafts[-1].status in (PROPOSED, APPROVED) else CONFERRED
