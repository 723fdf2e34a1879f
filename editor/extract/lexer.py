"""One sentence's tokens turned into items: authorities, awards, counts, verbs and markers."""

from __future__ import annotations

from .items import EITHER, KINDS, Entry, Item
from .lexicon import Lexicon
from .normalise import Token
from .numbers import NUMBER_VOCABULARY, THOUSAND, number_from_words
from .vocabulary import (
    AUTH,
    AWARD,
    CLAUSE,
    COUNT,
    DELEGATE,
    DEPUTY,
    DETAIL,
    GENERIC_VERB,
    GIFT,
    KIND,
    LIST_JOINERS,
    NAMED_ONLY_AWARDS,
    NEUTRAL,
    NOT_SUBJECT_BEFORE,
    ORGAN_WORDS,
    PERSON,
    PLACE_WORDS,
    PLURAL_WORDS,
    RECIPIENTS_FOLLOW,
    TALLY_VERBS,
    TIMES_WORD,
    TITLE_WORDS_MAX,
    TOTAL_MARK,
    UNIT,
    VERB,
)

TALLY_REACH = 5  # words between a place and its "có"
NAME_WORDS_MIN = 2  # a person's name in a list: family name and given name at least
HOUSEHOLD_ENTRY = Entry(KIND, "household")  # "hộ ông …": a household named, not a person


class SentenceLexer:
    """Reads one sentence, longest phrase first, into a list of items."""

    def __init__(self, lexicon: Lexicon, tokens: list[Token]):
        if not any(token.kind == "word" and not token.cap for token in tokens):
            tokens = [token._replace(cap=False) for token in tokens]  # in capitals, no word is a name
        self.lexicon = lexicon
        self.tokens = tokens
        self.norms = [token.norm for token in tokens]
        self.items: list[Item] = []
        self.in_title = False  # inside "đồng chí <Name>, <title>" until the verb
        self.naming = False  # just after "cho", where recipients may be named one by one
        self.after_person = False  # the last recipient named was a person, whose title may follow

    def match(self, i: int) -> tuple[int, Entry] | None:
        return self.lexicon.match(self.norms, i) if i < len(self.norms) else None

    def run(self) -> list[Item]:
        i = 0
        while i < len(self.tokens):
            i = self._step(i)
        return self.items

    def _step(self, i: int) -> int:
        """Read what starts at token i; return where the next reading starts."""
        token = self.tokens[i]
        if self.naming:
            following = self._naming_step(i)
            if following is not None:
                return following
        if token.norm == RECIPIENTS_FOLLOW:
            self.naming = True
            return i + 1
        if token.kind == "num" or token.norm in NUMBER_VOCABULARY:
            found = self._count_at(i)
            if found is not None:
                self.items.extend(found[0])
                return found[1]
        if token.kind == "punct":
            if token.norm == ";":
                self.items.append(Item(CLAUSE, i, i + 1))
                self.in_title = False
            return i + 1
        if token.norm in PLACE_WORDS and i + 1 < len(self.tokens):
            elsewhere = self.lexicon.other_place(self.tokens, i + 1)
            if elsewhere is not None:
                self._tally_of_place(i, elsewhere)
                return elsewhere
        match = self.match(i)
        if match is None:
            return i + 1
        return self._phrase(i, *match)

    def _tally_of_place(self, i: int, end: int) -> None:
        """ "huyện Việt Yên có 120 tập thể …", "tỉnh X có hơn 2.800 mẹ …": what a place has is a tally."""
        if any(norm in TALLY_VERBS for norm in self.norms[end:end + TALLY_REACH]):  # "Riêng huyện X, năm 2023 có"
            self.items.append(Item(TOTAL_MARK, i, end))

    def _naming_step(self, i: int) -> int | None:
        """In a list of recipients after "cho": read the next one, or end the list (None)."""
        named = self._named_recipient(i)
        if named is not None:
            self.items.append(named)
            self.after_person = named.kind != "collective"
            return named.end
        if self.norms[i] in LIST_JOINERS:
            return i + 1
        following = self._person_after_title(i) if self.after_person else None
        if following is not None:  # "cho ông A, Trưởng thôn B và bà C"
            return following
        self.naming = False
        return None

    def _phrase(self, i: int, length: int, entry: Entry) -> int:
        """Add the item of a lexicon phrase found at token i."""
        end = i + length
        if entry.cat in (AUTH, UNIT) and self.norms[end - 1] in PLACE_WORDS:
            elsewhere = self.lexicon.other_place(self.tokens, end)
            if elsewhere is not None:  # "Chủ tịch UBND huyện Việt Yên": another district's body, not ours
                self._tally_of_place(i, elsewhere)
                entry = Entry(AUTH, None)
                end = elsewhere
        if entry.cat == AUTH or (entry.cat == UNIT and entry.value is None):
            self.items.append(Item(AUTH, i, end, entry, role=self._role(i)))
        elif entry.cat == AWARD:
            named = end < len(self.tokens) and self.tokens[end].cap
            # "Giải thưởng Phụ nữ Việt Nam" is an honour; "giải thưởng" alone is a prize, like money.
            self.items.append(Item(AWARD if named or entry.value not in NAMED_ONLY_AWARDS else GIFT, i, end, entry))
        elif entry.cat == PERSON:
            self._person(i, end)
        elif entry.cat in (VERB, GENERIC_VERB):
            self.items.append(Item(entry.cat, i, end, entry))
            self.in_title = False
        elif entry.cat not in (KIND, NEUTRAL, UNIT):
            self.items.append(Item(entry.cat, i, end, entry))
        return end

    def _person(self, i: int, end: int) -> None:
        """ "Đồng chí Trần Thị Bình được tặng Bằng khen": a named person, the subject if a passive follows."""
        tokens = self.tokens
        self.in_title = end < len(tokens) and tokens[end].kind == "word" and tokens[end].cap
        household = i > 0 and self.lexicon.match(self.norms, i - 1) == (1, HOUSEHOLD_ENTRY)
        if self.in_title and not household:
            name_end = self._name_end(end)
            self.items.append(Item(COUNT, i, name_end, count=1, kind="individual", role="subject"))

    def _name_end(self, i: int) -> int:
        """Where a run of capitalised words (a name) starting at i ends."""
        while i < len(self.tokens) and self.tokens[i].kind == "word" and self.tokens[i].cap:
            i += 1
        return i

    def _named_recipient(self, i: int) -> Item | None:
        """Read one recipient named without a count: a unit, a person, a household ("hộ ông …")."""
        norms, start = self.norms, i
        if norms[i] in PLURAL_WORDS:  # "cho các Bà mẹ: …"
            return self._plural_names(i)
        # "cho UBND xã Hòa Sơn", "cho Đảng bộ, chính quyền và Nhân dân xã Hương Lâm"
        while i < len(norms) and (norms[i] in ORGAN_WORDS or (
                i > start and norms[i] in LIST_JOINERS and i + 1 < len(norms) and norms[i + 1] in ORGAN_WORDS)):
            i += 1
        match = self.match(i)
        if match is None:
            return None
        length, entry = match
        if entry.unit:
            return Item(COUNT, start, i + length, count=1, kind="collective", role="named")
        if i > start:
            return None
        end = i + length
        if entry.cat == KIND and entry.value == "collective" and end < len(self.tokens) and (
                self.tokens[end].cap or self.tokens[end].kind == "num"):
            # "cho tập thể Khoa Hồi sức cấp cứu", "cho Công an phường 1": a collective outside the registry
            return Item(COUNT, start, max(self._name_end(end), end + 1), count=1, kind="collective", role="named")
        if entry.cat in (KIND, PERSON) and entry.value == "individual" and self._name_list_at(end):
            return self._name_list(start, end)
        kind = "individual"
        if entry.cat == KIND and entry.value == "household":  # "hộ ông Nguyễn Văn A"
            i += length
            match = self.match(i)
            if match is None:
                return None
            length, entry = match
            kind = "household"
        end = i + length
        if entry.cat != PERSON or end >= len(self.tokens) or not self.tokens[end].cap:
            return None
        return Item(COUNT, i, self._name_end(end), count=1, kind=kind, role="named")

    def _plural_names(self, i: int) -> Item | None:
        """ "các Bà mẹ: A, B và C": a plural recipient word, a colon, then their names."""
        match = self.match(i + 1)
        if match is None or match[1].cat not in (KIND, PERSON) or match[1].value != "individual":
            return None
        end = i + 1 + match[0]
        return self._name_list(i, end) if self._name_list_at(end) else None

    def _name_list_at(self, i: int) -> bool:
        """ "cho các Bà mẹ: Nguyễn Thị A, …": a colon, then a name of two words or more."""
        return i + 2 < len(self.tokens) and self.norms[i] == ":" and self._name_end(i + 1) - (i + 1) >= NAME_WORDS_MIN

    def _name_list(self, start: int, i: int) -> Item:
        """Count the names of a list after a colon, each one a capitalised run at the start of a list element.

        What follows a name up to the next comma or "và" (where she lived, a title) is skipped.
        """
        count, i, at_element = 0, i + 1, True
        while i < len(self.tokens) and self.norms[i] != ";":
            if at_element and self._name_end(i) - i >= NAME_WORDS_MIN:
                count, i, at_element = count + 1, self._name_end(i), False
                continue
            at_element = self.norms[i] in LIST_JOINERS
            i += 1
        self.naming = False
        return Item(COUNT, start, i, count=count, kind="individual", role="listed")

    def _person_after_title(self, i: int) -> int | None:
        """Skip a named person's title ("Trưởng thôn Trung Hưng") to the next person named in the list.

        Return where that person starts, or None when the list ends here.
        """
        norms = self.norms
        for j in range(i, min(len(norms), i + TITLE_WORDS_MAX)):
            if self.tokens[j].kind == "num" or norms[j] == ";":
                return None
            if norms[j] in LIST_JOINERS:
                k = j
                while k < len(norms) and norms[k] in LIST_JOINERS:
                    k += 1
                named = self._named_recipient(k) if k < len(norms) else None
                if named is not None and named.kind != "collective":
                    return k
        return None

    def _number_at(self, i: int) -> tuple[int, int] | None:
        """Read a number in digits or words at token i: (value, where it ends)."""
        tokens = self.tokens
        if tokens[i].kind == "num":
            value, end = tokens[i].value, i + 1
            if end < len(tokens) and tokens[end].norm in THOUSAND:  # "160 nghìn"
                value, end = value * 1000, end + 1
            return value, end
        words = []
        for token in tokens[i:]:
            if token.kind != "word":
                break
            words.append(token.norm)
        parsed = number_from_words(words)
        return None if parsed is None else (parsed[0], i + parsed[1])

    def _count_at(self, i: int) -> tuple[list[Item], int] | None:
        """Read "N <kind>" or "N <award>" at token i; return its items and the next position."""
        tokens, norms = self.tokens, self.norms
        number = self._number_at(i)
        if number is None or number[1] >= len(tokens):
            return None
        value, end = number
        if tokens[end].norm == "%":  # "95% hộ gia đình" is a share, not a count
            return [], end + 1
        if tokens[end].norm == "/" and tokens[i].kind == "num" and end + 2 < len(tokens) \
                and tokens[end + 1].kind == "num":
            end += 2  # "2.148/2.310 hộ": the first number is the count, the second what it is out of
        if norms[end] == TIMES_WORD and end + 1 < len(tokens):  # "12 lượt tập thể"
            end += 1
        match = self.match(end)
        if match is None:
            return None
        length, entry = match
        if entry.cat == KIND or (entry.cat == PERSON and entry.value):
            after = end + length
            other = self._another_kind_follows(after, entry.value)
            if other is not None:  # "30 tập thể, cá nhân": one figure over two kinds
                return [Item(COUNT, i, other, count=value, kind=EITHER)], other
            return [Item(COUNT, i, after, count=value, kind=entry.value)], after
        if entry.cat == AWARD:  # "29 chiến sĩ thi đua cơ sở": the award names the recipients
            if entry.kind is None:  # "5 Bằng khen": of which kind, the recipients named later may tell
                kind = self._recipients_named_later(end + length) or self._kind_before_detail()
                if kind is None:
                    return [Item(AWARD, end, end + length, entry)], end + length
                return [Item(COUNT, i, end + length, entry, count=value, kind=kind)], end + length
            return [Item(COUNT, i, end + length, entry, count=value, kind=entry.kind)], end + length
        return None

    def _recipients_named_later(self, i: int) -> str | None:
        """ "tặng 3 Huân chương … và 40 Huân chương … cho các gia đình …": the kind the medals went to."""
        norms = self.norms
        for j in range(i, len(norms) - 1):
            if norms[j] == ";":
                return None
            if norms[j] == RECIPIENTS_FOLLOW:
                k = j + 1 + (norms[j + 1] in PLURAL_WORDS)
                match = self.match(k)
                return match[1].value if match is not None and match[1].cat == KIND else None
        return None

    def _kind_before_detail(self) -> str | None:
        """ "cho 83 đồng chí, gồm: 9 Huân chương …, 71 Huân chương …": the parts are of the whole's kind."""
        if not any(item.cat == DETAIL for item in self.items):
            return None
        whole = next((item for item in reversed(self.items) if item.cat == COUNT), None)
        return whole.kind if whole is not None and whole.kind in KINDS else None

    def _another_kind_follows(self, i: int, kind: str) -> int | None:
        """Where a recipient word of another kind without a number of its own ends ("tập thể, cá nhân")."""
        if i + 1 >= len(self.tokens) or self.norms[i] not in (",", "và", "hoặc"):
            return None
        match = self.match(i + 1)
        if match is None or match[1].cat not in (KIND, PERSON) or match[1].value in (None, kind):
            return None
        return i + 1 + match[0]

    def _role(self, i: int) -> str:
        """Tell whether an authority at token i confers, or is a title, recipient or attribute."""
        before = self.tokens[i - 1].norm if i else ""
        last = self.items[-1] if self.items else None
        gap = last is not None and (last.end == i or (last.end == i - 1 and before == "của"))
        if gap and last.cat == AWARD:
            return "of-award"  # "Giấy khen của Chủ tịch UBND huyện"
        if gap and last.cat == DELEGATE:
            return "strong"  # "Thừa ủy quyền của Chủ tịch UBND tỉnh"
        if gap and last.cat == DEPUTY:
            return "weak"  # "Phó Chủ tịch UBND huyện" presents, does not confer
        if before in NOT_SUBJECT_BEFORE:
            return "other"
        return "weak" if self.in_title else "strong"


def lex(lexicon: Lexicon, tokens: list[Token]) -> list[Item]:
    """Turn a sentence's tokens into items."""
    return SentenceLexer(lexicon, tokens).run()
