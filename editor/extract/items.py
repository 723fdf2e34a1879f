"""What the extractor passes between its steps: lexicon entries, sentence items, events and proposals."""

from __future__ import annotations

from dataclasses import dataclass, field

from honours.core.kinds import COMBINED_KEY, COMBINED_KIND, COUNT_KEYS, RECIPIENT_KINDS

CONFERRED, PROPOSED, APPROVED, TOTAL = "conferred", "proposed", "approved", "total"
KINDS = tuple(RECIPIENT_KINDS)  # collective, individual, household
EITHER = COMBINED_KIND  # one count over collectives and individuals together ("64 tập thể, cá nhân")
COUNT_KINDS = (*KINDS, EITHER)
COUNT_FIELDS = {**COUNT_KEYS, EITHER: COMBINED_KEY}

@dataclass(frozen=True)
class Proposal:
    """One award line as the prose states it."""

    by: str | None
    award: str | None
    collectives: int
    individuals: int
    households: int
    status: str
    text: str
    collectives_or_individuals: int = 0
    reason: str = ""  # why a line is not proposed as conferred, in Vietnamese for the editor
    by_text: str = ""  # who conferred, as the text writes it, when the registries do not hold that body

    def count(self, kind: str) -> int:
        """Return the count for a recipient kind (collective, individual, household, either)."""
        return getattr(self, COUNT_FIELDS[kind])


@dataclass(frozen=True)
class Entry:
    """What a phrase of the lexicon means."""

    cat: str
    value: str | None = None  # authority slug, award slug or generic phrase, recipient kind
    implied: str | None = None  # an authority named inside an award's name
    kind: str | None = None  # recipient kind of "N <award>"
    kinds: tuple[str, ...] = KINDS  # recipient kinds the award can go to
    generic: bool = False
    unit: bool = False  # the phrase also names a unit (a recipient after "cho")


@dataclass(frozen=True)
class Item:
    """A meaningful piece of a sentence, with its token span."""

    cat: str
    pos: int
    end: int
    entry: Entry | None = None
    count: int = 0
    kind: str | None = None  # of a count
    role: str = ""  # of an authority: strong, weak, of-award, other; of a count: named (one recipient by name)
    # A count is "named" when written as "N <award>" ("29 chiến sĩ thi đua cơ sở"): entry is that award.


@dataclass
class Event:
    """An award being assembled: what, how many, and from whom."""

    award: Item
    start: int
    end: int
    counts: dict[str, int] = field(default_factory=dict)
    from_verb: bool = False  # the award is only the verb "khen thưởng"
    award_auth: Item | None = None
    passive_after: bool = False  # "Bằng khen được Chủ tịch UBND tỉnh trao cho …": the award comes first


@dataclass
class Draft:
    """An assembled event with what is needed to resolve it."""

    text: str
    start: int  # token span of the event in its sentence
    end: int
    award: Entry
    counts: dict[str, int]
    from_verb: bool
    award_auth: Item | None
    strong: Item | None
    weak: Item | None  # a presenter's title: used only if it can confer the award
    inherited: Item | None  # the authority inside an earlier award of the sentence, likewise
    carried: str | None  # the previous sentence's authority, likewise
    proposed_at: int = -1  # token position of the first proposal marker before the event, -1 if none
    detail_follows: bool = False
    status: str = CONFERRED
    aggregate: bool = False  # a sum of other lines: neither one authority nor one award
    role: str = "body"  # where its sentence stands: title, caption or body
    tokens: list = field(default_factory=list)  # of its sentence, to quote a name as written
    reason: str = ""  # why it is not conferred, when a rule says more than its status


