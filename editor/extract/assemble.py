"""One sentence's items grouped into events: an award, its counts, and who conferred it."""

from __future__ import annotations

from .items import EITHER, Draft, Entry, Event, Item
from .vocabulary import (
    AUTH,
    AWARD,
    BARE_COMMENDATION,
    CLAUSE,
    COUNT,
    DELEGATE,
    DEPUTY,
    DETAIL,
    EXAMPLES,
    GENERIC_VERB,
    GIFT,
    PASSIVE,
    TITLE_WORDS_MAX,
    VERB,
)

BARE_COMMENDATION_ENTRY = Entry(AWARD, BARE_COMMENDATION, generic=True)


def accepts(kinds: tuple[str, ...], kind: str) -> bool:
    """Whether an award open to `kinds` can go to recipients of `kind` (one count over both: to both)."""
    if kind == EITHER:
        return "collective" in kinds and "individual" in kinds
    # Families of martyrs receive orders the registry may list for people only: the count is kept and
    # the award left for the editor (see Extractor._resolve).
    return kind in kinds or kind == "household"


class Assembler:
    """Groups one sentence's items into events.

    Counts follow their award ("tặng Bằng khen cho 2 tập thể"), or wait for it
    when the sentence is passive ("2 tập thể được … tặng Bằng khen") or puts
    the recipients first ("tặng 2 tập thể Cờ thi đua"). The authority carries
    over ";" and "và" until a new one is named.
    """

    def __init__(self, items: list[Item], text: str, carried: str | None):
        self.items, self.text, self.carried = items, text, carried
        self.strong: Item | None = None
        self.weak: Item | None = None
        self.inherited: Item | None = None  # "Giấy khen của Chủ tịch UBND xã …; tặng Giấy khen cho 20 hộ"
        self.event: Event | None = None
        self.pending: list[Item] = []
        self.pending_bound = False  # the pending counts follow a verb, so they await an award
        self.passive = self.verb = False
        self.gift = False  # "tặng quà cho 30 hộ …": counts until the next award are not honours
        self.examples = False  # "… như: xã A có 5 hộ; xã B …": counts to the end of the sentence are examples
        self.last_counted: int | None = None  # index of the item whose count the open event took last
        self.drafts: list[Draft] = []

    def run(self) -> list[Draft]:
        handlers = {CLAUSE: self._clause, AUTH: self._authority, AWARD: self._award, VERB: self._verb,
                    GENERIC_VERB: self._generic_verb, PASSIVE: self._passive, COUNT: self._count,
                    DETAIL: self._detail, GIFT: self._gift, EXAMPLES: self._examples}
        for index, item in enumerate(self.items):
            handler = handlers.get(item.cat)
            if handler is not None:
                handler(index, item)
        self._close()
        return self.drafts

    def _close(self) -> None:
        event, self.event, self.last_counted = self.event, None, None
        if event is None or not event.counts:
            return
        self.drafts.append(Draft(
            text=self.text, start=event.start, end=event.end, award=event.award.entry, counts=dict(event.counts),
            from_verb=event.from_verb, award_auth=event.award_auth, strong=self.strong, weak=self.weak,
            inherited=None if event.award_auth else self.inherited, carried=self.carried,
        ))

    def _close_counted(self) -> None:
        if self.event is not None and self.event.counts:
            self._close()

    def _gift(self, index: int, item: Item) -> None:
        if self.event is not None and not self.event.counts:
            return  # "tặng Giấy khen kèm tiền thưởng cho 5 tập thể": the gift goes with the award
        self._close_counted()
        self.pending, self.gift = [], True

    def _examples(self, index: int, item: Item) -> None:
        self._close()
        self.pending, self.examples = [], True

    def _clause(self, index: int, item: Item) -> None:
        self._close()
        self.pending, self.passive, self.verb, self.gift = [], False, False, False
        self.weak = None  # a presenter's title belongs to their own clause

    def _authority(self, index: int, item: Item) -> None:
        if item.role == "of-award":
            if self.event is not None:
                self.event.award_auth = self.inherited = item
            elif self.drafts and self.drafts[-1].end in (item.pos, item.pos - 1):
                # "2 cá nhân được tặng Bằng khen của Bộ trưởng": the passive event closed at its award
                self.drafts[-1].award_auth = self.inherited = item
                self.drafts[-1].inherited = None
        elif item.role == "weak":
            self.weak = item
        elif item.role == "strong":
            self._close_counted()
            if self.event is not None and not self.event.passive_after:
                self.event = None  # "…tặng thưởng Huân chương …, UBND tỉnh tặng 02 Cờ thi đua": a new subject
            self.inherited = None
            if self.pending and not self.passive:  # counts before an active subject belong to nothing
                self.pending = []
            self.strong = item

    def _award(self, index: int, item: Item) -> None:
        self.gift = False
        if self.event is not None and self.event.counts:
            self._close()
        self.event = Event(item, item.pos, item.end)
        if self.pending and (self.passive or self.pending_bound):
            self._take_pending()
            self._close()
        self.pending = []

    def _take_pending(self) -> None:
        for count in self.pending:
            if not accepts(self.event.award.entry.kinds, count.kind):
                continue  # "đào tạo 25.000 học sinh, đạt danh hiệu Tập thể lao động xuất sắc"
            self.event.counts[count.kind] = self.event.counts.get(count.kind, 0) + count.count
            self.event.start = min(self.event.start, count.pos)
            self.event.end = max(self.event.end, count.end)
        self.pending, self.passive = [], False  # the passive subject has found its award

    def _verb(self, index: int, item: Item) -> None:
        self.gift = False
        self._close_counted()
        if self.pending and not self.passive:
            self.pending = []
        self.verb = True

    def _generic_verb(self, index: int, item: Item) -> None:
        award = Item(AWARD, item.pos, item.end, BARE_COMMENDATION_ENTRY)
        if self.pending and self.passive:  # "72 tập thể … được khen thưởng"
            self._close_counted()
            self.event = Event(award, item.pos, item.end, from_verb=True)
            self._take_pending()
            self._close()
        elif self.event is None or self.event.counts:
            self._close_counted()
            self.pending = []
            self.event = Event(award, item.pos, item.end, from_verb=True)
        self.verb = True

    def _passive(self, index: int, item: Item) -> None:
        self.passive = True
        if self.event is not None and not self.event.counts:
            self.event.passive_after = True

    def _count(self, index: int, item: Item) -> None:
        if item.role == "subject":  # a person named before "được … tặng …"
            if self._is_passive_subject(index, item):
                self._close_counted()
                self.pending, self.pending_bound = [item], False
            return
        if self.gift or self.examples:
            return  # "tặng quà cho 30 hộ gia đình văn hóa", "trao thưởng cho 6 tập thể đạt giải"
        if item.entry is not None and not self._describes_open_award(item, index):
            self._award(index, Item(AWARD, item.pos, item.end, item.entry))  # "công nhận 29 chiến sĩ thi đua"
        event = self.event
        if event is not None and accepts(event.award.entry.kinds, item.kind):
            if item.role == "named":  # "cho xã A và xã B"
                event.counts[item.kind] = event.counts.get(item.kind, 0) + 1
                event.end = max(event.end, item.end)
                return
            listed = self.last_counted == index - 1  # "cho 15 giáo viên, 20 học sinh": one list, one kind
            if (item.kind not in event.counts or listed) and not self._awaits_next_award(index):
                event.counts[item.kind] = event.counts.get(item.kind, 0) + item.count
                event.end = max(event.end, item.end)
                self.last_counted = index
                return
        self._close_counted()
        if not self.pending:
            self.pending_bound = self.verb
        self.pending.append(item)

    def _is_passive_subject(self, index: int, person: Item) -> bool:
        """Whether a named person is followed, after at most a title, by "được" and an award close behind it."""
        rest = iter(self.items[index + 1:])
        passive = next((it for it in rest if it.cat not in (AUTH, DEPUTY)), None)
        if passive is None or passive.cat != PASSIVE or passive.pos - person.end > TITLE_WORDS_MAX:
            return False
        for item in rest:
            if item.cat == AWARD or (item.cat == COUNT and item.entry is not None):
                return item.pos - passive.end <= TITLE_WORDS_MAX
            if item.cat not in (AUTH, VERB, PASSIVE):
                # "được ủy quyền trao …", another count, a new clause; "được biểu dương" names no award
                # and mostly singles out people already counted.
                return False
        return False

    def _describes_open_award(self, count: Item, index: int) -> bool:
        """In "tặng Giấy khen cho sáu hộ gia đình văn hóa" the award words describe the recipients.

        So in a list after the first recipients: "tặng Bằng khen cho 4 tập thể và 3 tập thể lao động xuất sắc".
        """
        event = self.event
        listed = self.last_counted is not None and self.last_counted >= index - 1
        return (event is not None and not event.from_verb and accepts(event.award.entry.kinds, count.kind)
                and (count.kind not in event.counts or (listed and count.entry.kind == count.kind
                                                        and event.award.entry.kind is None)))

    def _awaits_next_award(self, index: int) -> bool:
        """Whether a count is the subject of a following passive award ("và 8 thôn đạt danh hiệu …")."""
        rest = iter(self.items[index + 1:])
        following = next((it for it in rest if it.cat != COUNT), None)
        if following is None or following.cat != PASSIVE:
            return False
        for item in rest:
            if item.cat in (AWARD, GENERIC_VERB):
                return True
            if item.cat not in (AUTH, VERB, PASSIVE, DEPUTY, DELEGATE):
                return False
        return False

    def _detail(self, index: int, item: Item) -> None:
        """ "…, trong đó: …": the counts just before are the whole, the parts follow."""
        self._close()
        if self.drafts and not self.pending:
            self.drafts[-1].detail_follows = True

