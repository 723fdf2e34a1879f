"""Rules over the whole article: one award stated several times (title, lead, caption, paragraph) gives one line."""

from __future__ import annotations

from .items import CONFERRED, COUNT_KINDS, EITHER, TOTAL, Draft
from .vocabulary import MIN_REPEATED_COUNT, REASONS

REPEATED = "repeated"
_RESTATING_ROLES = ("title", "caption")


def _counts(draft: Draft) -> tuple[int, ...]:
    return tuple(draft.counts.get(kind, 0) for kind in COUNT_KINDS)


def _same_award(a: Draft, b: Draft) -> bool:
    """Whether two statements may name one award: the same words, or one says only "khen thưởng"."""
    return a.award == b.award or a.from_verb or b.from_verb


def _may_repeat(a: Draft, b: Draft) -> bool:
    """Two statements of the same counts and award; small counts (one or two people) coincide too often."""
    return _counts(a) == _counts(b) and sum(_counts(a)) >= MIN_REPEATED_COUNT and _same_award(a, b)


def mark_overviews(drafts: list[Draft]) -> None:
    """ "biểu dương, khen thưởng 329 tập thể và cá nhân …" followed by the lines award by award: an overview.

    A bare commendation over collectives and individuals together, when the article then states lines
    that name their awards, announces those lines; it is not one more.
    """
    for at, draft in enumerate(drafts):
        if draft.status != CONFERRED or not draft.from_verb or set(draft.counts) != {EITHER}:
            continue
        if any(d.status == CONFERRED and not d.from_verb for d in drafts[at + 1:]):
            draft.status, draft.aggregate, draft.reason = TOTAL, True, REASONS["overview"]


def mark_repeats(drafts: list[Draft]) -> None:
    """Keep one line per award statement; the others become suggestions that say they repeat it."""
    conferred = [d for d in drafts if d.status == CONFERRED]
    if any(d.role not in _RESTATING_ROLES for d in drafts):
        # The title and captions restate what the body says (or sum it up, or overstate a proposal as
        # given): the body is what counts.
        for draft in conferred:
            if draft.role in _RESTATING_ROLES:
                _repeat(draft, REASONS[f"repeated_{draft.role}"])
    kept: list[Draft] = []
    for draft in (d for d in drafts if d.status == CONFERRED):
        twin = next((k for k in kept if _may_repeat(k, draft)), None)
        if twin is None:
            kept.append(draft)
        elif _more_precise(draft, twin):  # the later statement names the award: keep it rather than the first
            kept[kept.index(twin)] = draft
            _repeat(twin, REASONS[REPEATED])
        else:
            _repeat(draft, REASONS[REPEATED])


def _more_precise(draft: Draft, than: Draft) -> bool:
    return than.from_verb and not draft.from_verb


def _repeat(draft: Draft, reason: str) -> None:
    draft.status, draft.reason = REPEATED, reason
