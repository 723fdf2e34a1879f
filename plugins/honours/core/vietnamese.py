"""Vietnamese text helpers: folding diacritics, sorting, dates and numbers.

These depend on nothing else in the package but the recipient kinds, so every layer may use them.
"""

from __future__ import annotations

import re
import unicodedata
from datetime import date, datetime
from functools import lru_cache

from unidecode import unidecode

from .kinds import RECIPIENT_KINDS

# Modifiers that make a separate letter of the alphabet (ă, â, ê, ô, ơ, ư).
_BREVE, _CIRCUMFLEX, _HORN = "\u0306", "\u0302", "\u031b"
# The five tone marks, in the order Vietnamese dictionaries sort them
# (huyền, hỏi, ngã, sắc, nặng); no mark (thanh ngang) sorts first.
_TONES = {"\u0300": 1, "\u0309": 2, "\u0303": 3, "\u0301": 4, "\u0323": 5}

# The 29 letters in alphabetical order; any other character sorts after them
# by code point, digits before letters.
_ALPHABET = [
    "a", "ă", "â", "b", "c", "d", "đ", "e", "ê", "f", "g", "h", "i", "j", "k",
    "l", "m", "n", "o", "ô", "ơ", "p", "q", "r", "s", "t", "u", "ư", "v", "w",
    "x", "y", "z",
]  # fmt: skip
_LETTER_WEIGHT = {letter: 1000 + i for i, letter in enumerate(_ALPHABET)}

_FOLD_TABLE = str.maketrans({"đ": "d", "Đ": "D"})
_NON_WORD = re.compile(r"[^a-z0-9]+")

WEEKDAYS = ("Thứ Hai", "Thứ Ba", "Thứ Tư", "Thứ Năm", "Thứ Sáu", "Thứ Bảy", "Chủ Nhật")


def fold(text: str) -> str:
    """Return text without tone marks or letter modifiers, đ as d, lower case."""
    decomposed = unicodedata.normalize("NFD", text.translate(_FOLD_TABLE))
    stripped = "".join(c for c in decomposed if not unicodedata.combining(c))
    return unicodedata.normalize("NFC", stripped).lower()


def slugify(text: str) -> str:
    """Return the ASCII slug of a text ("Đông Lỗ" -> "dong-lo", "Ngày 1/2/2018" -> "ngay-1-2-2018").

    The one function that makes an address from a text: the file name
    `invoke new` writes, the slug the reader gives Pelican for an article or
    page without one (so the address Pelican publishes and the one the
    collision check reads), and the checks that a title or tag makes one.
    Letters of other scripts are spelt in Latin letters (Unidecode, which
    Pelican's own slugify uses too); every run of anything else is one hyphen.
    """
    return _NON_WORD.sub("-", unidecode(unicodedata.normalize("NFKC", text)).lower()).strip("-")


@lru_cache(maxsize=1 << 16)  # the same names are sorted again and again on many pages
def sort_key(text: str) -> tuple:
    """Return a key that orders text as a Vietnamese dictionary does.

    Letters compare first (so "Đ" comes after every "D…"), tone marks only
    break ties between words with the same letters, then case.
    """
    letters: list[str] = []
    tones: list[int] = []
    for char in unicodedata.normalize("NFD", text.lower()):
        if char in _TONES:
            if tones:
                tones[-1] = _TONES[char]
        elif char in (_BREVE, _CIRCUMFLEX, _HORN) and letters:
            letters[-1] = unicodedata.normalize("NFC", letters[-1] + char)
        elif not unicodedata.combining(char):
            letters.append(char)
            tones.append(0)
    primary = tuple(_LETTER_WEIGHT.get(c, ord(c)) for c in letters)
    return (primary, tuple(tones), text)


def format_date(value: date | datetime) -> str:
    """Return "Thứ Năm, 01/02/2018" without depending on the machine's locale."""
    return f"{WEEKDAYS[value.weekday()]}, {format_short_date(value)}"


def format_short_date(value: date | datetime) -> str:
    """Return "01/02/2018" (built by hand: Pelican's dates route strftime through a slow wrapper)."""
    return f"{value.day:02d}/{value.month:02d}/{value.year}"


def format_number(value: int) -> str:
    """Return an integer with Vietnamese thousands dots ("1.780")."""
    return f"{value:,}".replace(",", ".")


def capitalize_first(text: str) -> str:
    """Upper-case the first letter only ("xã Hòa Sơn" -> "Xã Hòa Sơn")."""
    return text[:1].upper() + text[1:]


def format_counts(collectives: int, individuals: int, households: int, together: int = 0) -> str:
    """Return "2 tập thể, 3 cá nhân" for the non-zero counts ("0" when all are zero).

    `together` is a count stated for collectives and individuals alike; it is
    written apart ("64 tập thể và cá nhân (không tách)") so that no comma makes it read as two counts.
    """
    counts = dict(zip(RECIPIENT_KINDS, (collectives, individuals, households), strict=True))
    parts = [f"{format_number(n)} {RECIPIENT_KINDS[kind]}" for kind, n in counts.items() if n]
    if together:
        parts.append(f"{format_number(together)} tập thể và cá nhân (không tách)")
    return ", ".join(parts) or "0"
