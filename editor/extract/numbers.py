"""Numbers written in words ("hai mươi mốt", "một trăm linh năm") and multi-year period phrases."""

from __future__ import annotations

from .normalise import compile_marker, normalize_word
from .vocabulary import NUMBER_WORDS, PERIOD_PATTERNS

_DIGIT_WORDS = {normalize_word(word): value for word, value in NUMBER_WORDS["digits"].items()}
_AFTER_TENS_ONLY = {normalize_word(word) for word in NUMBER_WORDS["after_tens_only"]}
_TEN = normalize_word(NUMBER_WORDS["ten"])
_TENS = {normalize_word(word) for word in NUMBER_WORDS["tens"]}
_HUNDRED = normalize_word(NUMBER_WORDS["hundred"])
THOUSAND = {normalize_word(word) for word in NUMBER_WORDS["thousand"]}
_ZERO_TENS = {normalize_word(word) for word in NUMBER_WORDS["zero_tens"]}
NUMBER_VOCABULARY = set(_DIGIT_WORDS) | {_TEN, _HUNDRED} | _TENS | THOUSAND

_WORDS = "|".join(sorted({*_DIGIT_WORDS, _TEN, _HUNDRED, *_TENS} - {normalize_word("không"), normalize_word("một")}))
_SEVERAL = rf"(?:[2-9]|[1-9]\d+|(?:(?:{_WORDS}) )*(?:{_WORDS}))"
# Multi-year periods: "trong 5 năm", "5 năm qua", "từ năm 2013 đến nay".
PERIOD_RE = compile_marker("|".join(pattern.replace("{several}", _SEVERAL) for pattern in PERIOD_PATTERNS))


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
        elif word in THOUSAND and (group or digit):
            thousands, group, digit = thousands + (group + (digit or 0)) * 1000, 0, None
        elif word in _ZERO_TENS and previous == _HUNDRED:
            pass
        else:
            break
        previous, used = word, index + 1
    if not used:
        return None
    return thousands + group + (digit or 0), used
