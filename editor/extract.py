"""Read award counts out of Vietnamese news prose.

Two users: the editor's command `extract <file>` proposes the front-matter
award lines of an article from its text, and the build's "prose and data
agree" check (`compare`) warns when the counts an article states differ from
its front-matter.

How it works, in four small steps per sentence:

1. *normalise* each word (NFC, lower case, one tone-mark placement, sĩ/sỹ,
   UBND = Ủy ban nhân dân …) so that spelling variants compare equal;
2. *lex* the words into items — authorities and awards from the registries,
   counts ("1.780 hộ", "hai mươi mốt cá nhân"), verbs and status markers —
   by longest phrase match;
3. *assemble* items into events: an award, its counts, and the authority in
   effect (carried over ";" and "và" until a new one is named);
4. *resolve* each event: its status (conferred, proposed, or a total that must
   not be counted again), its authority, and generic award words ("Bằng khen")
   to a registry slug through `GENERIC_AWARDS`, the one table of such rules.

It uses only the registries and the front-matter reader, never pages or generators. The
lookup tables built from a `Registries` object live in an `Extractor`; the
module-level functions keep one per registries object (cached by identity),
so the per-build check does not rebuild them for every article.
"""

from __future__ import annotations

import json
import re
import sys
import unicodedata
from bisect import bisect_right
from collections.abc import Iterable
from dataclasses import asdict, dataclass, field
from functools import lru_cache
from pathlib import Path
from typing import NamedTuple

from honours.core.frontmatter import HEADER_RE, ParseError, parse_front_matter
from honours.core.registries import RECIPIENT_KINDS, Registries, load_registries

CONFERRED, PROPOSED, TOTAL = "conferred", "proposed", "total"
KINDS = tuple(RECIPIENT_KINDS)  # collective, individual, household
COUNT_FIELDS = {"collective": "collectives", "individual": "individuals", "household": "households"}


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

    def count(self, kind: str) -> int:
        """Return the count for a recipient kind (collective, individual, household)."""
        return getattr(self, COUNT_FIELDS[kind])


# --------------------------------------------------------------------------
# Vocabulary. Phrases are written as editors write them; they go through the
# same normalisation as the text, so spelling variants need not be listed.
# --------------------------------------------------------------------------


@dataclass(frozen=True)
class GenericAward:
    """A generic award word and how it resolves to a registry award.

    `rules` maps a selector to an award slug; selectors are tried in the order
    authority slug, authority level, recipient kind, then "*". `kind` is the
    recipient kind of a count written straight before the phrase
    ("29 chiến sĩ thi đua" are individuals), None when it cannot be told.
    """

    kind: str | None
    rules: dict[str, str]


_GOVERNMENT = {"thu-tuong-chinh-phu", "chinh-phu"}

GENERIC_AWARDS = {
    # Bằng khen of the Prime Minister, or of a ministry or province ("cấp bộ, ngành, tỉnh").
    "bằng khen": GenericAward(None, {**dict.fromkeys(_GOVERNMENT, "bang-khen-thu-tuong"),
                                     "central": "bang-khen-tinh", "province": "bang-khen-tinh"}),
    "cờ thi đua": GenericAward("collective", {**dict.fromkeys(_GOVERNMENT, "co-thi-dua-chinh-phu"),
                                              "central": "co-thi-dua-tinh", "province": "co-thi-dua-tinh"}),
    "chiến sĩ thi đua": GenericAward("individual", {
        **dict.fromkeys(_GOVERNMENT, "chien-si-thi-dua-toan-quoc"), "central": "chien-si-thi-dua-tinh",
        "province": "chien-si-thi-dua-tinh", "district": "chien-si-thi-dua-co-so",
        "commune": "chien-si-thi-dua-co-so", "other": "chien-si-thi-dua-co-so"}),
    # The title has one name per recipient kind.
    "lao động tiên tiến": GenericAward("individual", {"collective": "tap-the-lao-dong-tien-tien",
                                                      "individual": "lao-dong-tien-tien"}),
    "lao động xuất sắc": GenericAward("collective", {"collective": "tap-the-lao-dong-xuat-sac"}),
    "hộ gia đình văn hóa": GenericAward("household", {"*": "gia-dinh-van-hoa"}),
    # A bare "khen thưởng N người": the usual form at the level of who commends.
    "khen thưởng": GenericAward(None, {**dict.fromkeys(_GOVERNMENT, "bang-khen-thu-tuong"),
                                       "central": "bang-khen-tinh", "province": "bang-khen-tinh",
                                       "district": "giay-khen", "commune": "giay-khen", "other": "giay-khen"}),
}
BARE_COMMENDATION = "khen thưởng"  # the generic award of the commending verbs

# The lowest rank number (highest honour) each level usually confers. Used only
# to test a guessed authority (a presenter's title, the previous sentence's
# subject), never to overrule an authority the sentence names.
LEVEL_MIN_RANK = {"central": 1, "province": 30, "district": 40, "commune": 40, "other": 40}

KIND_WORDS = {
    "collective": ("tập thể", "đơn vị", "cơ quan", "tổ chức", "xã", "thị trấn", "trường", "trường học",
                   "doanh nghiệp", "hợp tác xã", "thôn", "tổ dân phố", "khu dân cư", "làng", "chi bộ",
                   "tổ chức cơ sở đảng", "công đoàn cơ sở"),
    "individual": ("cá nhân", "người", "đồng chí", "cán bộ", "công chức", "viên chức", "giáo viên", "nhà giáo",
                   "học sinh", "sinh viên", "đảng viên", "hội viên", "đoàn viên", "doanh nhân", "công nhân",
                   "chiến sĩ", "cựu chiến binh", "bác sĩ", "y bác sĩ", "nông dân", "gương", "bà mẹ", "mẹ", "công dân",
                   "thầy giáo", "cô giáo", "y sĩ", "dược sĩ", "kỹ sư", "nghệ nhân"),
    "household": ("hộ", "hộ gia đình", "gia đình", "hộ nông dân", "hộ dân"),
}

VERB, GENERIC_VERB = "verb", "generic-verb"
PASSIVE, PROPOSE, TOTAL_MARK, SUM, RESET, DETAIL = "passive", "propose", "total", "sum", "reset", "detail"
GIFT = "gift"
PERSON, DEPUTY, DELEGATE, NEUTRAL = "person", "deputy", "delegate", "neutral"
AUTH, AWARD, KIND, COUNT, CLAUSE, UNIT = "auth", "award", "kind", "count", "clause", "unit"

MARKERS = {
    VERB: ("tặng", "trao", "trao tặng", "công nhận", "phong tặng", "truy tặng", "quyết định tặng"),
    GENERIC_VERB: ("khen thưởng", "biểu dương", "tặng thưởng"),
    PASSIVE: ("được", "đạt", "được nhận", "nhận được", "đón nhận", "vinh dự nhận", "vinh dự đón nhận"),
    PROPOSE: ("đề nghị", "đề xuất", "kiến nghị", "trình", "tờ trình", "xét tặng", "dự kiến", "sẽ tặng", "sẽ trao"),
    # A tally over several years or a whole province: not conferred at the event reported.
    # ("toàn huyện/xã có N hộ đạt Gia đình văn hóa" is the year's own result: editors record it.)
    TOTAL_MARK: ("toàn tỉnh", "toàn quốc", "cả nước", "toàn ngành", "nhiệm kỳ", "giai đoạn", "những năm qua",
                 "các năm qua", "nhiều năm qua", "nhiều năm liền", "nhiều năm liên tục", "lũy kế",
                 "tính đến nay", "từ trước đến nay", "đến nay đã", "bình quân", "mỗi năm", "hằng năm",
                 "hàng năm"),
    # A sum of counts stated elsewhere in the article.
    SUM: ("tổng cộng", "tổng số", "tính chung", "nâng tổng số", "như vậy", "cộng chung"),
    # The event itself again, after a tally in an earlier clause.
    RESET: ("nhân dịp này", "dịp này", "tại hội nghị", "tại buổi lễ", "tại lễ", "tại đại hội", "năm nay",
            "riêng năm"),
    # What is given that is not an honour: the counts that follow it are not award lines.
    GIFT: ("quà", "suất quà", "phần quà", "tiền", "tiền thưởng", "học bổng", "sổ tiết kiệm", "xe đạp", "hiện vật",
           "triệu đồng", "nghìn đồng", "trao thưởng", "thưởng nóng", "giải thưởng", "đạt giải", "nhà tình nghĩa",
           "nhà đại đoàn kết"),
    DETAIL: ("trong đó", "bao gồm", "gồm", "gồm có", "cụ thể"),
    # Words before a person's name. Those also in KIND_WORDS still count people after a number
    # ("45 đồng chí").
    PERSON: ("đồng chí", "ông", "bà", "thầy", "cô", "anh", "chị", "em", "thầy giáo", "cô giáo", "nhà giáo", "bác sĩ",
             "y sĩ", "dược sĩ", "kỹ sư", "nghệ nhân", "cụ"),
    DEPUTY: ("phó", "nguyên"),
    DELEGATE: ("thừa ủy quyền", "thừa ủy quyền của", "thay mặt", "ủy quyền"),
    # Longer phrases that contain a marker word but mean something else.
    NEUTRAL: ("xét đề nghị", "theo đề nghị", "trên cơ sở đề nghị", "căn cứ đề nghị", "đề nghị của",
              # what the awards are for, not a tally over the period
              "thành tích giai đoạn", "thành tích trong giai đoạn", "thành tích nhiệm kỳ", "thành tích trong nhiệm kỳ",
              "trình bày", "trình độ", "chương trình",
              "quá trình", "công trình", "lộ trình", "giáo trình", "hành trình", "tiến trình", "trình diễn",
              "ghi nhận", "khen ngợi", "hàng chục", "hàng trăm", "hàng nghìn", "hàng ngàn", "hàng vạn",
              "hạng nhất", "hạng nhì", "hạng ba", "hạng tư"),
}

# Bodies that confer awards but are not in the authorities registry: naming
# one as the subject means "authority unknown", not "keep the previous one".
OTHER_BODIES = ("cấp trên", "huyện ủy", "tỉnh ủy", "ban thường vụ", "ban chấp hành", "đảng ủy", "huyện đoàn",
                "tỉnh đoàn", "liên đoàn lao động", "công đoàn", "hội nông dân", "hội liên hiệp phụ nữ",
                "hội cựu chiến binh", "ủy ban mặt trận tổ quốc", "mặt trận tổ quốc", "bộ chỉ huy quân sự",
                "bộ tư lệnh", "giám đốc", "hiệu trưởng", "thủ trưởng", "trưởng phòng", "ban tổ chức",
                "ban giám hiệu", "ban giám khảo", "nhà trường")

# Abbreviations expanded word by word, so "UBND tỉnh" and "Ủy ban nhân dân tỉnh" match alike.
ABBREVIATIONS = {"ubnd": "ủy ban nhân dân", "hđnd": "hội đồng nhân dân", "ttg": "thủ tướng",
                 "ttcp": "thủ tướng chính phủ", "mttq": "mặt trận tổ quốc", "tđkt": "thi đua khen thưởng",
                 "cstđ": "chiến sĩ thi đua", "lđtt": "lao động tiên tiến", "gđvh": "gia đình văn hóa",
                 "lhpn": "liên hiệp phụ nữ", "hlhpn": "hội liên hiệp phụ nữ", "ccb": "cựu chiến binh"}

# An authority right after one of these words is a recipient or an attribute, not who confers.
NOT_SUBJECT_BEFORE = ("cho", "của", "thuộc", "tại", "với", "ở", "các")
RECIPIENTS_FOLLOW = "cho"  # "tặng Cờ thi đua cho xã Xuân Cẩm": named recipients count one each
# Words before a unit's name that still name the unit: "cho UBND xã Hòa Sơn", "cho Đảng bộ xã …".
ORGAN_WORDS = ("ủy", "ban", "nhân", "dân", "đảng", "bộ", "chính", "quyền", "cán")
LIST_JOINERS = (",", "và", "cùng")
# Words before the name of a district or province.
PLACE_WORDS = ("huyện", "tỉnh")
# A count written "N lượt tập thể" counts awards given, one per recipient.
TIMES_WORD = "lượt"
# A person named as a passive subject usually has a short title before "được".
TITLE_WORDS_MAX = 16

# --------------------------------------------------------------------------
# Normalisation
# --------------------------------------------------------------------------

_TONE_MARKS = "\u0300\u0301\u0303\u0309\u0323"
_VOWELS = "aăâeêioôơuưy"
_MODIFIED_VOWELS = "ăâêôơư"


@lru_cache(maxsize=16384)
def normalize_word(word: str) -> str:
    """Return a word in lower case with its tone mark in one fixed place.

    "Hoà" and "hòa", "Uỷ" and "ủy", "sỹ" and "sĩ" give the same result; the
    place chosen is the traditional one (hòa, thủy), so results stay readable.
    """
    decomposed = unicodedata.normalize("NFD", word.lower().replace("ð", "đ"))
    tone = ""
    kept = []
    for char in decomposed:
        if char in _TONE_MARKS:
            tone = char
        else:
            kept.append(char)
    base = unicodedata.normalize("NFC", "".join(kept))
    start = _nucleus_start(base)
    end = start
    while end < len(base) and base[end] in _VOWELS:
        end += 1
    onset, nucleus, coda = base[:start], base[start:end], base[end:]
    if nucleus == "y" and onset:  # sỹ/sĩ, kỹ/kĩ, lý/lí: the two spellings are both in use
        nucleus = "i"
    if not tone or not nucleus:
        return onset + nucleus + coda
    modified = [i for i, char in enumerate(nucleus) if char in _MODIFIED_VOWELS]
    if modified:
        at = modified[-1]  # người, thuyền, muốn
    elif coda or len(nucleus) == 1:
        at = len(nucleus) - 1  # hoàng, toán
    else:
        at = 0 if len(nucleus) == 2 else 1  # hòa, thủy, mía; ngoài
    marked = unicodedata.normalize("NFC", nucleus[at] + tone)
    return onset + nucleus[:at] + marked + nucleus[at + 1:] + coda


def _nucleus_start(base: str) -> int:
    """Return where the vowels of a syllable start ("qu" and "gi" count as consonants)."""
    i = 0
    while i < len(base) and base[i] not in _VOWELS:
        i += 1
    followed_by_vowel = i + 1 < len(base) and base[i + 1] in _VOWELS
    if followed_by_vowel and base[:i] in ("q", "g") and base[i] == ("u" if base[:i] == "q" else "i"):
        i += 1
    return i


class Token(NamedTuple):
    """A word, number or punctuation mark of a sentence, normalised."""

    norm: str
    kind: str  # "word", "num" or "punct"
    value: int = 0
    cap: bool = False  # the word starts with a capital letter (names of people)


_TOKEN_RE = re.compile(
    r"(?P<num>\d{1,3}(?:\.\d{3})+(?!\d)|\d+)"  # 1.780 (thousands dots), 05, 2017
    r"|(?P<word>(?:[^\W\d_]|[\u0300-\u036f])+)"
    r"|(?P<punct>[;:,()%/–—-])"
)
_MAX_DIGITS = 9  # no count of recipients is longer; Python refuses to convert very long digit strings
_MARKUP_RE = re.compile(r"!\[[^\]]*\]\([^)]*\)|\]\([^)]*\)|<[^>]+>|[*_`\[]")


def tokenize(text: str) -> list[Token]:
    """Split a sentence into normalised tokens, expanding abbreviations."""
    tokens: list[Token] = []
    for match in _TOKEN_RE.finditer(unicodedata.normalize("NFC", _MARKUP_RE.sub(" ", text))):
        if match.lastgroup == "num":
            digits = match.group().replace(".", "")
            if len(digits) > _MAX_DIGITS:  # a code or a run of digits, not a count
                tokens.append(Token("#", "punct"))
                continue
            value = int(digits)
            tokens.append(Token(str(value), "num", value))
        elif match.lastgroup == "word":
            tokens.extend(_word_tokens(match.group()))
        else:
            mark = match.group()
            tokens.append(Token("-" if mark in "–—" else mark, "punct"))
    return tokens


@lru_cache(maxsize=16384)
def _word_tokens(word: str) -> tuple[Token, ...]:
    """Return the token(s) of one word: abbreviations give several ("UBND")."""
    norm = normalize_word(word)
    cap = word[:1].isupper()
    return tuple(Token(part, "word", 0, cap) for part in ABBREVIATIONS.get(norm, norm).split())


def phrase_key(text: str) -> tuple[str, ...]:
    """Return the token norms of a phrase, the key it is looked up by."""
    return tuple(token.norm for token in tokenize(text))


def _compile_marker(pattern: str) -> re.Pattern:
    """Compile a pattern over a joined normalised sentence, normalising its words."""
    words = re.sub(r"[^\W\d_]+", lambda m: normalize_word(m.group()), pattern)
    return re.compile(rf"(?<= )(?:{words})(?= )")


_NUMBER_WORDS = "hai|ba|bốn|năm|sáu|bảy|bẩy|tám|chín|mười|mươi|mốt|tư|lăm|trăm"
_SEVERAL = rf"(?:[2-9]|[1-9]\d+|(?:(?:{_NUMBER_WORDS}) )*(?:{_NUMBER_WORDS}))"
# Multi-year periods: "trong 5 năm", "5 năm qua", "từ năm 2013 đến nay".
_PERIOD_RE = _compile_marker(
    rf"(?:trong|suốt) {_SEVERAL} năm|{_SEVERAL} năm (?:qua|gần đây|trở lại đây)"
    r"|từ (?:năm )?\d{4} (?:đến|tới) (?:nay|năm \d{4}|\d{4})"
)

# --------------------------------------------------------------------------
# Numbers
# --------------------------------------------------------------------------

_DIGIT_WORDS = {normalize_word(w): v for w, v in {
    "không": 0, "một": 1, "mốt": 1, "hai": 2, "ba": 3, "bốn": 4, "tư": 4, "năm": 5, "lăm": 5, "nhăm": 5,
    "sáu": 6, "bảy": 7, "bẩy": 7, "tám": 8, "chín": 9}.items()}
_AFTER_TENS_ONLY = {normalize_word(w) for w in ("mốt", "tư", "lăm", "nhăm")}  # 21, 34, 15: never alone
_TEN, _TENS = normalize_word("mười"), {normalize_word("mươi"), normalize_word("chục")}
_HUNDRED, _THOUSAND = normalize_word("trăm"), {normalize_word("nghìn"), normalize_word("ngàn")}
_ZERO_TENS = {normalize_word("linh"), normalize_word("lẻ")}
_NUMBER_VOCABULARY = set(_DIGIT_WORDS) | {_TEN, _HUNDRED} | _TENS | _THOUSAND


def number_from_words(words: list[str]) -> tuple[int, int] | None:
    """Read a number written in words at the start of `words` (normalised).

    Return (value, words used), or None. "hai mươi mốt" is 21, "một trăm linh
    năm" 105, "một nghìn hai trăm" 1200; "hai, ba" (two or three) stops at "hai".
    """
    thousands = group = 0
    digit: int | None = None
    previous = ""
    used = 0
    for index, word in enumerate(words):
        if word in _DIGIT_WORDS:
            if digit is not None or (word in _AFTER_TENS_ONLY and previous not in (_TEN, *_TENS)):
                break
            digit = _DIGIT_WORDS[word]
        elif word == _TEN and digit is None:
            group += 10
        elif word in _TENS and digit is not None:
            group, digit = group + digit * 10, None
        elif word == _HUNDRED and digit is not None:
            group, digit = group + digit * 100, None
        elif word in _THOUSAND and (group or digit):
            thousands, group, digit = thousands + (group + (digit or 0)) * 1000, 0, None
        elif word in _ZERO_TENS and previous == _HUNDRED:
            pass
        else:
            break
        previous, used = word, index + 1
    if not used:
        return None
    return thousands + group + (digit or 0), used


# --------------------------------------------------------------------------
# Lexing: tokens -> items
# --------------------------------------------------------------------------


@dataclass(frozen=True)
class _Entry:
    """What a phrase of the lexicon means."""

    cat: str
    value: str | None = None  # authority slug, award slug or generic phrase, recipient kind
    implied: str | None = None  # an authority named inside an award's name
    kind: str | None = None  # recipient kind of "N <award>"
    kinds: tuple[str, ...] = KINDS  # recipient kinds the award can go to
    generic: bool = False
    unit: bool = False  # the phrase also names a unit (a recipient after "cho")


@dataclass(frozen=True)
class _Item:
    """A meaningful piece of a sentence, with its token span."""

    cat: str
    pos: int
    end: int
    entry: _Entry | None = None
    count: int = 0
    kind: str | None = None  # of a count
    role: str = ""  # of an authority: strong, weak, of-award, other; of a count: named (one recipient by name)
    # A count is "named" when written as "N <award>" ("29 chiến sĩ thi đua cơ sở"): entry is that award.


@dataclass
class _Event:
    """An award being assembled: what, how many, and from whom."""

    award: _Item
    start: int
    end: int
    counts: dict[str, int] = field(default_factory=dict)
    from_verb: bool = False  # the award is only the verb "khen thưởng"
    award_auth: _Item | None = None
    passive_after: bool = False  # "Bằng khen được Chủ tịch UBND tỉnh trao cho …": the award comes first


@dataclass
class _Draft:
    """An assembled event with what is needed to resolve it."""

    text: str
    start: int  # token span of the event in its sentence
    end: int
    award: _Entry
    counts: dict[str, int]
    from_verb: bool
    award_auth: _Item | None
    strong: _Item | None
    weak: _Item | None  # a presenter's title: used only if it can confer the award
    inherited: _Item | None  # the authority inside an earlier award of the sentence, likewise
    carried: str | None  # the previous sentence's authority, likewise
    proposed_at: int = -1  # token position of the first proposal marker before the event, -1 if none
    detail_follows: bool = False
    status: str = CONFERRED
    aggregate: bool = False  # a sum of other lines: neither one authority nor one award


class Extractor:
    """Lookup tables for one `Registries`; build once, use for every article."""

    def __init__(self, registries: Registries):  # noqa: C901 (split with the extractor package)
        self.registries = registries
        entries: dict[tuple[str, ...], _Entry] = {}
        for kind, words in KIND_WORDS.items():
            for word in words:
                entries[phrase_key(word)] = _Entry(KIND, kind)
        for cat, phrases in MARKERS.items():
            if cat != NEUTRAL:
                for phrase in phrases:
                    key = phrase_key(phrase)
                    # A person word that is also a recipient word keeps its kind ("45 đồng chí").
                    kind = entries[key].value if cat == PERSON and key in entries else None
                    entries[key] = _Entry(cat, kind)
        for phrase in OTHER_BODIES:
            entries[phrase_key(phrase)] = _Entry(AUTH, None)
        bodies = {phrase_key(phrase) for phrase in OTHER_BODIES}
        for unit in registries.units.values():
            for name in (unit.full_name, *unit.aliases):
                key = phrase_key(name)
                # A unit whose name starts with a body ("Huyện đoàn Hiệp Hòa") may also be who confers.
                is_body = any(key[:len(body)] == body for body in bodies)
                entries[key] = _Entry(UNIT, None if is_body else unit.slug, unit=True)
        for authority in registries.authorities.values():
            for name in (authority.name, *authority.aliases):
                key = phrase_key(name)
                entries[key] = _Entry(AUTH, authority.slug, unit=key in entries and entries[key].unit)
        self._index = self._build_index(entries)  # enough to find authorities named inside award names
        for award in registries.awards.values():
            kind = award.recipients[0] if len(award.recipients) == 1 else None
            for name in (award.name, *award.aliases):
                key = phrase_key(name)
                entries[key] = _Entry(AWARD, award.slug, self._authority_inside(key), kind, award.recipients)
        for phrase, generic in GENERIC_AWARDS.items():
            if phrase == BARE_COMMENDATION:  # a verb, reached through GENERIC_VERB
                continue
            kinds = {k for slug in generic.rules.values() if slug in registries.awards
                     for k in registries.awards[slug].recipients}
            entries[phrase_key(phrase)] = _Entry(AWARD, phrase, None, generic.kind,
                                                 tuple(k for k in KINDS if k in kinds), generic=True)
        for phrase in MARKERS[NEUTRAL]:
            entries[phrase_key(phrase)] = _Entry(NEUTRAL)
        self._index = self._build_index(entries)
        self._home = self._home_places(registries)

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

    def _other_place(self, tokens: list[Token], i: int) -> int | None:
        """Where the name after "huyện"/"tỉnh" at i-1 ends, when it names another district or province."""
        end = i
        while end < len(tokens) and end - i < 4 and tokens[end].kind == "word" and tokens[end].cap:
            end += 1
        # Names of districts and provinces have two words ("Việt Yên"); people's have three or more
        # ("Chủ tịch UBND huyện Nguyễn Văn Bình").
        if end - i != 2 or tuple(t.norm for t in tokens[i:end]) in self._home:
            return None
        return end

    @staticmethod
    def _build_index(entries: dict) -> dict[str, list[tuple[int, list[str], _Entry]]]:
        """Index phrases by first word, longest first, for longest-match lookup."""
        index: dict[str, list] = {}
        for key, entry in entries.items():
            if key:
                index.setdefault(key[0], []).append((len(key), list(key), entry))
        for candidates in index.values():
            candidates.sort(key=lambda candidate: -candidate[0])
        return index

    def _match(self, norms: list[str], i: int) -> tuple[int, _Entry] | None:
        """Return (length, entry) of the longest phrase starting at word i of a sentence."""
        for length, key, entry in self._index.get(norms[i], ()):
            if norms[i:i + length] == key:
                return length, entry
        return None

    def _authority_inside(self, key: tuple[str, ...]) -> str | None:
        """Return the authority named inside an award's name ("Bằng khen của Chủ tịch UBND tỉnh")."""
        norms = list(key)
        for i in range(1, len(norms)):
            found = self._match(norms, i)
            if found and found[1].cat == AUTH and found[1].value:
                return found[1].value
        return None

    # ---- lexing ---------------------------------------------------------

    def lex(self, tokens: list[Token]) -> list[_Item]:  # noqa: C901 (split with the extractor package)
        """Turn a sentence's tokens into items, longest phrase first."""
        items: list[_Item] = []
        if not any(token.kind == "word" and not token.cap for token in tokens):
            tokens = [token._replace(cap=False) for token in tokens]  # in capitals, no word is a name
        norms = [token.norm for token in tokens]
        in_title = False  # inside "đồng chí <Name>, <title>" until the verb
        naming = False  # just after "cho", where recipients may be named one by one
        i = 0
        after_person = False  # the last recipient named was a person, whose title may follow
        while i < len(tokens):
            token = tokens[i]
            if naming:
                named = self._named_recipient(tokens, norms, i)
                if named is not None:
                    items.append(named)
                    after_person = named.kind != "collective"
                    i = named.end
                    continue
                if token.norm in LIST_JOINERS:
                    i += 1
                    continue
                following = self._person_after_title(tokens, norms, i) if after_person else None
                if following is not None:  # "cho ông A, Trưởng thôn B và bà C"
                    i = following
                    continue
                naming = False
            if token.norm == RECIPIENTS_FOLLOW:
                naming = True
                i += 1
                continue
            if token.kind == "num" or token.norm in _NUMBER_VOCABULARY:
                found = self._count_at(tokens, norms, i)
                if found is not None:
                    items.extend(found[0])
                    i = found[1]
                    continue
            if token.kind == "punct":
                if token.norm == ";":
                    items.append(_Item(CLAUSE, i, i + 1))
                    in_title = False
                i += 1
                continue
            if token.norm in PLACE_WORDS and i + 1 < len(tokens):
                elsewhere = self._other_place(tokens, i + 1)
                if elsewhere is not None:  # "huyện Việt Yên có 120 tập thể …": not this district's awards
                    items.append(_Item(TOTAL_MARK, i, elsewhere))
                    i = elsewhere
                    continue
            match = self._match(norms, i)
            if match is None:
                i += 1
                continue
            length, entry = match
            end = i + length
            if entry.cat in (AUTH, UNIT) and norms[end - 1] in PLACE_WORDS:
                elsewhere = self._other_place(tokens, end)
                if elsewhere is not None:  # "Chủ tịch UBND huyện Việt Yên": another district's
                    items.append(_Item(TOTAL_MARK, i, elsewhere))
                    entry = _Entry(AUTH, None)
                    end = elsewhere
            if entry.cat == AUTH or (entry.cat == UNIT and entry.value is None):
                items.append(_Item(AUTH, i, end, entry, role=self._role(tokens, items, i, in_title)))
            elif entry.cat == AWARD:
                items.append(_Item(AWARD, i, end, entry))
            elif entry.cat == PERSON:
                in_title = end < len(tokens) and tokens[end].kind == "word" and tokens[end].cap
                household = i > 0 and self._match(norms, i - 1) == (1, _HOUSEHOLD_ENTRY)
                if in_title and not household:  # "Đồng chí Trần Thị Bình được tặng Bằng khen": if a passive follows
                    name_end = end
                    while name_end < len(tokens) and tokens[name_end].kind == "word" and tokens[name_end].cap:
                        name_end += 1
                    items.append(_Item(COUNT, i, name_end, count=1, kind="individual", role="subject"))
            elif entry.cat in (VERB, GENERIC_VERB):
                items.append(_Item(entry.cat, i, end, entry))
                in_title = False
            elif entry.cat not in (KIND, NEUTRAL, UNIT):
                items.append(_Item(entry.cat, i, end, entry))
            i = end
        return items

    def _named_recipient(self, tokens: list[Token], norms: list[str], i: int) -> _Item | None:
        """Read one recipient named without a count: a unit, a person, a household ("hộ ông …")."""
        start = i
        # "cho UBND xã Hòa Sơn", "cho Đảng bộ, chính quyền và Nhân dân xã Hương Lâm"
        while i < len(norms) and (norms[i] in ORGAN_WORDS or (
                i > start and norms[i] in LIST_JOINERS and i + 1 < len(norms) and norms[i + 1] in ORGAN_WORDS)):
            i += 1
        match = self._match(norms, i) if i < len(norms) else None
        if match is None:
            return None
        length, entry = match
        if entry.unit:
            return _Item(COUNT, start, i + length, count=1, kind="collective", role="named")
        if i > start:
            return None
        end = i + length
        if entry.cat == KIND and entry.value == "collective" and end < len(tokens) and tokens[end].cap:
            while end < len(tokens) and tokens[end].kind == "word" and tokens[end].cap:
                end += 1  # "cho tập thể Khoa Hồi sức cấp cứu": a collective outside the registry
            return _Item(COUNT, start, end, count=1, kind="collective", role="named")
        kind = "individual"
        if entry.cat == KIND and entry.value == "household":  # "hộ ông Nguyễn Văn A"
            i += length
            match = self._match(norms, i) if i < len(norms) else None
            if match is None:
                return None
            length, entry = match
            kind = "household"
        end = i + length
        if entry.cat != PERSON or end >= len(tokens) or not tokens[end].cap:
            return None
        while end < len(tokens) and tokens[end].kind == "word" and tokens[end].cap:
            end += 1
        return _Item(COUNT, i, end, count=1, kind=kind, role="named")

    def _person_after_title(self, tokens: list[Token], norms: list[str], i: int) -> int | None:
        """Skip a named person's title ("Trưởng thôn Trung Hưng") to the next person named in the list.

        Return where that person starts, or None when the list ends here.
        """
        for j in range(i, min(len(tokens), i + TITLE_WORDS_MAX)):
            if tokens[j].kind == "num" or norms[j] == ";":
                return None
            if norms[j] in LIST_JOINERS:
                k = j
                while k < len(norms) and norms[k] in LIST_JOINERS:
                    k += 1
                named = self._named_recipient(tokens, norms, k) if k < len(norms) else None
                if named is not None and named.kind != "collective":
                    return k
        return None

    def _count_at(self, tokens: list[Token], norms: list[str], i: int) -> tuple[list[_Item], int] | None:
        """Read "N <kind>" or "N <award>" at token i; return its items and the next position."""
        if tokens[i].kind == "num":
            value, end = tokens[i].value, i + 1
            if end < len(tokens) and tokens[end].norm in _THOUSAND:  # "160 nghìn"
                value, end = value * 1000, end + 1
        else:
            words = []
            for token in tokens[i:]:
                if token.kind != "word":
                    break
                words.append(token.norm)
            parsed = number_from_words(words)
            if parsed is None:
                return None
            value, end = parsed[0], i + parsed[1]
        if end >= len(tokens):
            return None
        if tokens[end].norm == "%":  # "95% hộ gia đình" is a share, not a count
            return [], end + 1
        if tokens[end].norm == "/" and tokens[i].kind == "num" and end + 2 < len(tokens) \
                and tokens[end + 1].kind == "num":
            end += 2  # "2.148/2.310 hộ": the first number is the count, the second what it is out of
        if norms[end] == TIMES_WORD and end + 1 < len(tokens):  # "12 lượt tập thể"
            end += 1
        match = self._match(norms, end)
        if match is None:
            return None
        length, entry = match
        if entry.cat == KIND or (entry.cat == PERSON and entry.value):
            after = end + length
            if self._another_kind_follows(tokens, norms, after, entry.value):
                return [], after  # "30 tập thể, cá nhân": one figure over two kinds, no line of its own
            return [_Item(COUNT, i, after, count=value, kind=entry.value)], after
        if entry.cat == AWARD:  # "29 chiến sĩ thi đua cơ sở": the award names the recipients
            if entry.kind is None:  # "5 Bằng khen": of which kind cannot be told
                return [_Item(AWARD, end, end + length, entry)], end + length
            return [_Item(COUNT, i, end + length, entry, count=value, kind=entry.kind)], end + length
        return None

    def _another_kind_follows(self, tokens: list[Token], norms: list[str], i: int, kind: str) -> bool:
        """Whether a recipient word of another kind follows without a number of its own ("tập thể, cá nhân")."""
        if i + 1 >= len(tokens) or norms[i] not in (",", "và", "hoặc"):
            return False
        match = self._match(norms, i + 1)
        return match is not None and match[1].cat in (KIND, PERSON) and match[1].value not in (None, kind)

    @staticmethod
    def _role(tokens: list[Token], items: list[_Item], i: int, in_title: bool) -> str:
        """Tell whether an authority at token i confers, or is a title, recipient or attribute."""
        before = tokens[i - 1].norm if i else ""
        last = items[-1] if items else None
        gap = last is not None and (last.end == i or (last.end == i - 1 and before == "của"))
        if gap and last.cat == AWARD:
            return "of-award"  # "Giấy khen của Chủ tịch UBND huyện"
        if gap and last.cat == DELEGATE:
            return "strong"  # "Thừa ủy quyền của Chủ tịch UBND tỉnh"
        if gap and last.cat == DEPUTY:
            return "weak"  # "Phó Chủ tịch UBND huyện" presents, does not confer
        if before in NOT_SUBJECT_BEFORE:
            return "other"
        return "weak" if in_title else "strong"

    # ---- assembling -----------------------------------------------------

    def sentence_drafts(self, text: str, carried: str | None) -> tuple[list[_Draft], str | None]:
        """Return the events of one sentence and the authority to carry to the next one.

        `carried` is the last authority named earlier in the paragraph ("Đồng thời, công nhận …").
        """
        tokens = tokenize(text)
        items = self.lex(tokens)
        strong = next((it for it in reversed(items) if it.cat == AUTH and it.role == "strong"), None)
        carry = strong.entry.value if strong is not None else carried
        if not any(item.cat == COUNT for item in items):  # most sentences: nothing to assemble
            return [], carry
        drafts = _Assembler(items, text, carried).run()
        if drafts:
            _set_statuses(drafts, items, tokens)
        return drafts, carry

    def drafts(self, text: str) -> list[_Draft]:
        """Return the events of a whole article, with their statuses."""
        drafts: list[_Draft] = []
        last_paragraph, carried = -1, None
        for paragraph, sentence in sentences(text):
            if paragraph != last_paragraph:
                last_paragraph, carried = paragraph, None
            found, carried = self.sentence_drafts(sentence, carried)
            drafts.extend(found)
        _mark_sums(drafts)
        return drafts

    # ---- resolving ------------------------------------------------------

    def extract(self, text: str) -> list[Proposal]:
        """Return the award lines the article's prose states, in reading order."""
        return [proposal for draft in self.drafts(text) for proposal in self._resolve(draft)]

    def _resolve(self, draft: _Draft) -> list[Proposal]:
        """Turn a draft into proposals: one per award the generic rules give its recipient kinds."""
        if draft.aggregate:
            return [_proposal(None, None, draft.counts, draft.status, draft.text)]
        by = self._authority(draft)
        groups: dict[str | None, dict[str, int]] = {}
        for kind in KINDS:
            if draft.counts.get(kind):
                groups.setdefault(self._award_for(draft.award, by, kind), {})[kind] = draft.counts[kind]
        return [_proposal(by, award, counts, draft.status, draft.text) for award, counts in groups.items()]

    def _authority(self, draft: _Draft) -> str | None:
        """Pick who conferred: the award's own, the sentence's subject, then guesses that fit."""
        if draft.award_auth is not None:
            return draft.award_auth.entry.value
        if draft.award.implied:
            return draft.award.implied
        strong = draft.strong
        if strong is not None and draft.status == PROPOSED and 0 <= strong.pos < draft.proposed_at:
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

    def _fits(self, draft: _Draft, slug: str) -> bool:
        """Whether a guessed authority can confer this draft's award on all its recipient kinds."""
        level = self.registries.authorities[slug].level
        for kind in draft.counts:
            award = self._award_for(draft.award, slug, kind)
            if award is None or self.registries.awards[award].rank < LEVEL_MIN_RANK[level]:
                return False
        return True

    def _award_for(self, award: _Entry, by: str | None, kind: str) -> str | None:
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


def _proposal(by, award, counts: dict[str, int], status: str, text: str) -> Proposal:
    return Proposal(by, award, counts.get("collective", 0), counts.get("individual", 0),
                    counts.get("household", 0), status, text)


_BARE_COMMENDATION_ENTRY = _Entry(AWARD, BARE_COMMENDATION, generic=True)
_HOUSEHOLD_ENTRY = _Entry(KIND, "household")  # "hộ ông …": a household named, not a person


class _Assembler:
    """Groups one sentence's items into events.

    Counts follow their award ("tặng Bằng khen cho 2 tập thể"), or wait for it
    when the sentence is passive ("2 tập thể được … tặng Bằng khen") or puts
    the recipients first ("tặng 2 tập thể Cờ thi đua"). The authority carries
    over ";" and "và" until a new one is named.
    """

    def __init__(self, items: list[_Item], text: str, carried: str | None):
        self.items, self.text, self.carried = items, text, carried
        self.strong: _Item | None = None
        self.weak: _Item | None = None
        self.inherited: _Item | None = None  # "Giấy khen của Chủ tịch UBND xã …; tặng Giấy khen cho 20 hộ"
        self.event: _Event | None = None
        self.pending: list[_Item] = []
        self.pending_bound = False  # the pending counts follow a verb, so they await an award
        self.passive = self.verb = False
        self.gift = False  # "tặng quà cho 30 hộ …": counts until the next award are not honours
        self.last_counted: int | None = None  # index of the item whose count the open event took last
        self.drafts: list[_Draft] = []

    def run(self) -> list[_Draft]:
        handlers = {CLAUSE: self._clause, AUTH: self._authority, AWARD: self._award, VERB: self._verb,
                    GENERIC_VERB: self._generic_verb, PASSIVE: self._passive, COUNT: self._count,
                    DETAIL: self._detail, GIFT: self._gift}
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
        self.drafts.append(_Draft(
            text=self.text, start=event.start, end=event.end, award=event.award.entry, counts=dict(event.counts),
            from_verb=event.from_verb, award_auth=event.award_auth, strong=self.strong, weak=self.weak,
            inherited=None if event.award_auth else self.inherited, carried=self.carried,
        ))

    def _close_counted(self) -> None:
        if self.event is not None and self.event.counts:
            self._close()

    def _gift(self, index: int, item: _Item) -> None:
        if self.event is not None and not self.event.counts:
            return  # "tặng Giấy khen kèm tiền thưởng cho 5 tập thể": the gift goes with the award
        self._close_counted()
        self.pending, self.gift = [], True

    def _clause(self, index: int, item: _Item) -> None:
        self._close()
        self.pending, self.passive, self.verb, self.gift = [], False, False, False
        self.weak = None  # a presenter's title belongs to their own clause

    def _authority(self, index: int, item: _Item) -> None:
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

    def _award(self, index: int, item: _Item) -> None:
        self.gift = False
        if self.event is not None and self.event.counts:
            self._close()
        self.event = _Event(item, item.pos, item.end)
        if self.pending and (self.passive or self.pending_bound):
            self._take_pending()
            self._close()
        self.pending = []

    def _take_pending(self) -> None:
        for count in self.pending:
            if count.kind not in self.event.award.entry.kinds:
                continue  # "đào tạo 25.000 học sinh, đạt danh hiệu Tập thể lao động xuất sắc"
            self.event.counts[count.kind] = self.event.counts.get(count.kind, 0) + count.count
            self.event.start = min(self.event.start, count.pos)
            self.event.end = max(self.event.end, count.end)
        self.pending, self.passive = [], False  # the passive subject has found its award

    def _verb(self, index: int, item: _Item) -> None:
        self.gift = False
        self._close_counted()
        if self.pending and not self.passive:
            self.pending = []
        self.verb = True

    def _generic_verb(self, index: int, item: _Item) -> None:
        award = _Item(AWARD, item.pos, item.end, _BARE_COMMENDATION_ENTRY)
        if self.pending and self.passive:  # "72 tập thể … được khen thưởng"
            self._close_counted()
            self.event = _Event(award, item.pos, item.end, from_verb=True)
            self._take_pending()
            self._close()
        elif self.event is None or self.event.counts:
            self._close_counted()
            self.pending = []
            self.event = _Event(award, item.pos, item.end, from_verb=True)
        self.verb = True

    def _passive(self, index: int, item: _Item) -> None:
        self.passive = True
        if self.event is not None and not self.event.counts:
            self.event.passive_after = True

    def _count(self, index: int, item: _Item) -> None:
        if item.role == "subject":  # a person named before "được … tặng …"
            if self._is_passive_subject(index, item):
                self._close_counted()
                self.pending, self.pending_bound = [item], False
            return
        if self.gift:
            return  # "tặng quà cho 30 hộ gia đình văn hóa", "trao thưởng cho 6 tập thể đạt giải"
        if item.entry is not None and not self._describes_open_award(item):
            self._award(index, _Item(AWARD, item.pos, item.end, item.entry))  # "công nhận 29 chiến sĩ thi đua"
        event = self.event
        if event is not None and item.kind in event.award.entry.kinds:
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

    def _is_passive_subject(self, index: int, person: _Item) -> bool:
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

    def _describes_open_award(self, count: _Item) -> bool:
        """In "tặng Giấy khen cho sáu hộ gia đình văn hóa" the award words describe the recipients."""
        event = self.event
        return (event is not None and not event.from_verb and count.kind in event.award.entry.kinds
                and count.kind not in event.counts)

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

    def _detail(self, index: int, item: _Item) -> None:
        """ "…, trong đó: …": the counts just before are the whole, the parts follow."""
        self._close()
        if self.drafts and not self.pending:
            self.drafts[-1].detail_follows = True


def _set_statuses(drafts: list[_Draft], items: list[_Item], tokens: list[Token]) -> None:
    """Mark proposals and totals from the markers of the sentence."""
    clause_starts = [item.pos for item in items if item.cat == CLAUSE]

    def clause_of(pos: int) -> int:
        return bisect_right(clause_starts, pos)

    joined = " " + " ".join(token.norm for token in tokens) + " "
    offsets, at = [], 1
    for token in tokens:
        offsets.append(at)
        at += len(token.norm) + 1
    periods = [bisect_right(offsets, match.start()) - 1 for match in _PERIOD_RE.finditer(joined)]
    marks = {cat: [item.pos for item in items if item.cat == cat] for cat in (PROPOSE, TOTAL_MARK, SUM, RESET)}
    totals = marks[TOTAL_MARK] + periods
    for draft in drafts:
        proposals = [p for p in marks[PROPOSE] if p < draft.end]
        if proposals:
            draft.status, draft.proposed_at = PROPOSED, proposals[0]
        if any(clause_of(s) == clause_of(draft.start) and s < draft.end for s in marks[SUM]):
            draft.status, draft.aggregate = TOTAL, True
        elif any(_total_applies(t, draft, clause_of, marks[RESET]) for t in totals):
            draft.status = TOTAL
        elif draft.detail_follows and draft.from_verb:
            draft.status, draft.aggregate = TOTAL, True


def _total_applies(mark: int, draft: _Draft, clause_of, resets: list[int]) -> bool:
    """A tally marker covers its own clause, and later clauses until the event itself is named again."""
    if mark >= draft.end:
        return False
    if clause_of(mark) == clause_of(draft.start):
        return True
    return not any(mark < reset < draft.start for reset in resets)


def _mark_sums(drafts: list[_Draft]) -> None:
    """Mark a bare "khen thưởng N …" that equals the sum of the lines next to it as a total."""
    for draft in drafts:
        if not draft.from_verb or draft.status != CONFERRED:
            continue
        target = tuple(draft.counts.get(k, 0) for k in KINDS)
        others = [d for d in drafts if d.status == CONFERRED]  # sums already found are left out
        where = others.index(draft)
        runs = [others[start:where] for start in range(where - 1)]  # two lines or more, just before
        runs += [others[where + 1:stop] for stop in range(where + 3, len(others) + 1)]  # or just after
        for run in runs:
            if tuple(sum(d.counts.get(k, 0) for d in run) for k in KINDS) == target:
                draft.status, draft.aggregate = TOTAL, True
                break


# --------------------------------------------------------------------------
# Sentences
# --------------------------------------------------------------------------

_BLOCK_START = re.compile(r"^\s{0,3}(?:(?P<heading>#{1,6})\s+|>\s?|[-*+]\s+|\d{1,3}[.)]\s+)")
_SENTENCE_BREAK = re.compile(r"(?<=[.!?…])[\"'”’»)]*\s+")


def body_of(text: str) -> str:
    """Return the article without its YAML front-matter block, if it has one."""
    match = HEADER_RE.fullmatch(text)
    return match.group("content") if match else text


def sentences(text: str) -> list[tuple[int, str]]:
    """Return (paragraph number, sentence) of an article, Markdown line marks removed.

    A heading is a paragraph of its own; a list item starts a new sentence.
    """
    out: list[tuple[int, str]] = []
    paragraph, segment, in_fence = 0, [], False

    def flush() -> None:
        out.extend((paragraph, sentence) for sentence in _split_sentences(" ".join(segment)))
        segment.clear()

    table: list[str] = []
    for line in [*body_of(text).splitlines(), ""]:
        stripped = line.strip()
        if stripped.startswith("```"):
            in_fence = not in_fence
            continue
        if in_fence:
            continue
        if stripped.startswith("|"):  # a Markdown table: one sentence per row
            table.append(stripped)
            continue
        if table:
            flush()
            paragraph += 1
            out.extend((paragraph, row) for row in table_sentences(table))
            paragraph += 1
            table.clear()
        start = _BLOCK_START.match(line)
        if not stripped or (start and start.group("heading")):
            flush()
            paragraph += 1
            if stripped:
                out.append((paragraph, line[start.end():].strip()))
                paragraph += 1
            continue
        if start:
            flush()
            line = line[start.end():]
        segment.append(line.strip())
    flush()
    return out


_TABLE_RULE = re.compile(r":?-{3,}:?")
_EMPTY_CELL = {"", "-", "–", "—", "0", "00"}
_KIND_HEADERS = {phrase_key(word) for words in KIND_WORDS.values() for word in words}


def table_sentences(rows: list[str]) -> list[str]:
    """Read a Markdown table as sentences.

    When its header names recipient kinds ("| Hình thức | Tập thể | Cá nhân |"),
    each row says "<first cell> cho <n> <kind>, …"; any other table gives its
    rows as they are, one sentence each, and its header is left out.
    """
    cells = [[cell.strip().strip("*_ ").strip() for cell in row.strip("|").split("|")] for row in rows]
    header: list[str] = []
    if len(cells) > 1 and all(_TABLE_RULE.fullmatch(cell) for cell in cells[1] if cell):
        header, cells = cells[0], cells[2:]
    kinds = header[1:] if header and all(phrase_key(cell) in _KIND_HEADERS for cell in header[1:]) else []
    out = []
    for row in cells:
        if kinds and row:
            parts = [f"{value} {kind}" for value, kind in zip(row[1:], kinds, strict=False)
                     if value not in _EMPTY_CELL]
            if parts:
                out.append(f"{row[0]} cho {', '.join(parts)}.")
        elif any(row):
            out.append("; ".join(cell for cell in row if cell) + ".")
    return out


def _split_sentences(text: str) -> list[str]:
    """Split at a full stop followed by space, unless the next word is in lower case."""
    out: list[str] = []
    for piece in _SENTENCE_BREAK.split(" ".join(text.split())):
        if out and piece[:1].islower():
            out[-1] = f"{out[-1]} {piece}"
        elif piece.strip():
            out.append(piece.strip())
    return out


# --------------------------------------------------------------------------
# Public functions
# --------------------------------------------------------------------------

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


def to_json(proposals: Iterable[Proposal]) -> str:
    """Return the proposals as a JSON array of objects."""
    return json.dumps([asdict(p) for p in proposals], ensure_ascii=False, indent=2)


_WHY_LEFT_OUT = {
    PROPOSED: "mới là đề nghị, chưa được tặng",
    TOTAL: "con số tổng hợp: cộng dồn nhiều năm, toàn tỉnh, hoặc tổng của các dòng khác",
}


def to_yaml(proposals: Iterable[Proposal], year: int | None) -> str:
    """Return a front-matter `honours:` block of the conferred proposals.

    Proposals that are not conferred, or whose authority or award is unknown,
    are written as comments, so that the editor sees them but pasting the
    block adds nothing unchecked.
    """
    proposals = list(proposals)
    lines = ["honours:"]
    lines.append(f"  year: {year}" if year else "  # year: năm thi đua (bỏ trống thì lấy năm đăng bài)")
    ready = [p for p in proposals if p.status == CONFERRED and p.by and p.award]
    lines.append("  awards:" if ready else "  awards: []")
    heading = None  # the comment above left-out lines, written once for lines of one sentence
    for proposal in proposals:
        if proposal in ready:
            lines += ["    " + line for line in _item_lines(proposal)]
            heading = None
            continue
        if proposal.status != CONFERRED:
            why = _WHY_LEFT_OUT[proposal.status]
        else:
            missing = [what for what, value in (("cấp khen thưởng (by)", proposal.by),
                                                ("hình thức khen thưởng (award)", proposal.award)) if not value]
            why = "chưa rõ " + " và ".join(missing) + "; điền vào rồi bỏ dấu # nếu cần"
        if (why, proposal.text) != heading:
            lines.append(f"    # Không đưa vào — {why}: «{_one_line(proposal.text)}»")
            heading = (why, proposal.text)
        lines += ["    # " + line for line in _item_lines(proposal)]
    return "\n".join(lines) + "\n"


def _item_lines(proposal: Proposal) -> list[str]:
    lines = [f"- by: {proposal.by or '?'}", f"  award: {proposal.award or '?'}"]
    lines += [f"  {COUNT_FIELDS[kind]}: {proposal.count(kind)}" for kind in KINDS if proposal.count(kind)]
    return lines


def _one_line(text: str) -> str:
    return " ".join(text.split())


def compare(text: str, lines, registries: Registries) -> list[str]:
    """Return warnings (in Vietnamese) where the prose's conferred counts differ from the award lines.

    `lines` are the article's `model.AwardLine`s. Totals per recipient kind are
    compared over the whole article, then each (authority, award) pair that both
    the prose and the data name. Nothing is reported when the prose states no
    conferred counts.
    """
    conferred = [p for p in extract(text, registries) if p.status == CONFERRED]
    if not conferred:
        return []
    warnings = []
    for kind in KINDS:
        prose = sum(p.count(kind) for p in conferred)
        data = sum(getattr(line, COUNT_FIELDS[kind]) for line in lines)
        if prose != data:
            label = RECIPIENT_KINDS[kind]
            warnings.append(f"bài viết nêu tổng cộng {prose} {label} được khen thưởng, "
                            f"nhưng dữ liệu khen thưởng (honours) ghi {data} {label}")
    stated = _by_pair((p.by, p.award, p) for p in conferred if p.by and p.award)
    recorded = _by_pair((line.authority.slug, line.award.slug, line) for line in lines)
    for pair in stated.keys() & recorded.keys():
        for kind in KINDS:
            prose, data = stated[pair][kind], recorded[pair][kind]
            if prose != data:
                label = RECIPIENT_KINDS[kind]
                authority, award = registries.authorities[pair[0]], registries.awards[pair[1]]
                warnings.append(f"'{award.name}' của {authority.name}: bài viết nêu {prose} {label}, "
                                f"nhưng dữ liệu khen thưởng (honours) ghi {data} {label}")
    return warnings


def _by_pair(rows) -> dict[tuple[str, str], dict[str, int]]:
    """Sum counts per (authority, award) pair."""
    out: dict[tuple[str, str], dict[str, int]] = {}
    for by, award, row in rows:
        sums = out.setdefault((by, award), dict.fromkeys(KINDS, 0))
        for kind in KINDS:
            sums[kind] += getattr(row, COUNT_FIELDS[kind])
    return out


_YEAR_RE = re.compile(r"tổng kết[^.\n]{0,80}?năm (\d{4})", re.IGNORECASE)


def guess_year(text: str) -> int | None:
    """Return the emulation year of an article: its front-matter's, or the year it reviews."""
    try:
        data = parse_front_matter(text).data
    except ParseError:
        data = {}
    honours = data.get("honours")
    if isinstance(honours, dict) and isinstance(honours.get("year"), int):
        return honours["year"]
    match = _YEAR_RE.search(unicodedata.normalize("NFC", body_of(text)))
    return int(match.group(1)) if match else None


USAGE = "cách dùng: extract <tệp bài viết> [--json] [--data <thư mục danh mục>]"
DEFAULT_DATA = "content/data"  # as laid out in the project; tasks.py passes the folder the settings name


def main(argv: list[str] | None = None) -> int:
    """Command line: print the award lines an article's prose states (YAML, or JSON with --json)."""
    args = list(sys.argv[1:] if argv is None else argv)
    as_json = "--json" in args
    args = [a for a in args if a != "--json"]
    data_dir = DEFAULT_DATA
    if "--data" in args:
        at = args.index("--data")
        if at + 1 >= len(args):
            return _fail(f"thiếu thư mục sau --data\n{USAGE}")
        data_dir = args.pop(at + 1)
        args.pop(at)
    if len(args) != 1 or args[0].startswith("-"):
        return _fail(USAGE)
    path = Path(args[0])
    try:
        text = path.read_bytes().decode("utf-8-sig")
    except FileNotFoundError:
        return _fail(f"extract: không tìm thấy tệp '{path}' — kiểm tra lại đường dẫn")
    except IsADirectoryError:
        return _fail(f"extract: '{path}' là thư mục, không phải tệp bài viết")
    except OSError as error:
        return _fail(f"extract: không đọc được tệp '{path}' ({error.strerror})")
    except UnicodeDecodeError:
        return _fail(f"extract: tệp '{path}' không phải văn bản UTF-8 — lưu lại tệp với bảng mã UTF-8")
    registries, problems = load_registries(data_dir)
    if problems:
        return _fail("extract: danh mục có lỗi, sửa trước rồi chạy lại:\n" + "\n".join(f"  {p}" for p in problems))
    proposals = extract(text, registries)
    output = to_json(proposals) + "\n" if as_json else to_yaml(proposals, guess_year(text))
    sys.stdout.write(output)
    return 0


def _fail(message: str) -> int:
    print(message, file=sys.stderr)
    return 2


if __name__ == "__main__":  # pragma: no cover
    sys.exit(main())
