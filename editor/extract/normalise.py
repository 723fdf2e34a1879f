"""Spelling-independent words: NFC, lower case, one tone-mark placement, abbreviations expanded."""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache
from typing import NamedTuple

from .vocabulary import ABBREVIATIONS

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
    start: int = 0  # where the word is in the sentence as `clean_text` gives it
    stop: int = 0


_TOKEN_RE = re.compile(
    r"(?P<num>\d{1,3}(?:\.\d{3})+(?!\d)|\d+)"  # 1.780 (thousands dots), 05, 2017
    r"|(?P<word>(?:[^\W\d_]|[\u0300-\u036f])+)"
    r"|(?P<punct>[;:,()%/–—-])"
)
_MAX_DIGITS = 9  # no count of recipients is longer; Python refuses to convert very long digit strings
# Each run is bounded and cannot hold its own opening mark, so text full of unclosed "<" or "![" is read
# in linear time (an unbounded run rescans the rest of the text from every opening mark).
_MARKUP_RE = re.compile(r"!\[[^\]\[]{0,500}\]\([^()]{0,2000}\)|\]\([^()]{0,2000}\)|<[^<>]{1,2000}>|[*_`\[]")


def tokenize(text: str) -> list[Token]:
    """Split a sentence into normalised tokens, expanding abbreviations."""
    tokens: list[Token] = []
    for match in _TOKEN_RE.finditer(clean_text(text)):
        span = {"start": match.start(), "stop": match.end()}
        if match.lastgroup == "num":
            digits = match.group().replace(".", "")
            if len(digits) > _MAX_DIGITS:  # a code or a run of digits, not a count
                tokens.append(Token("#", "punct", **span))
                continue
            value = int(digits)
            tokens.append(Token(str(value), "num", value, **span))
        elif match.lastgroup == "word":
            tokens.extend(token._replace(**span) for token in _word_tokens(match.group()))
        else:
            mark = match.group()
            tokens.append(Token("-" if mark in "–—" else mark, "punct", **span))
    return tokens


def clean_text(text: str) -> str:
    """A sentence in NFC with Markdown marks blanked out: the text token positions refer to."""
    return unicodedata.normalize("NFC", _MARKUP_RE.sub(" ", text))


def as_written(text: str, tokens: list[Token], pos: int, end: int) -> str:
    """The words of tokens pos to end as the sentence writes them."""
    return " ".join(clean_text(text)[tokens[pos].start:tokens[end - 1].stop].split())


@lru_cache(maxsize=16384)
def _word_tokens(word: str) -> tuple[Token, ...]:
    """Return the token(s) of one word: abbreviations give several ("UBND")."""
    norm = normalize_word(word)
    cap = word[:1].isupper()
    return tuple(Token(part, "word", 0, cap) for part in ABBREVIATIONS.get(norm, norm).split())


@lru_cache(maxsize=4096)
def phrase_key(text: str) -> tuple[str, ...]:
    """Return the token norms of a phrase, the key it is looked up by (as `tokenize` would, without positions)."""
    norms: list[str] = []
    for match in _TOKEN_RE.finditer(clean_text(text)):
        if match.lastgroup == "word":
            norms.extend(token.norm for token in _word_tokens(match.group()))
        elif match.lastgroup == "num":
            digits = match.group().replace(".", "")
            norms.append(str(int(digits)) if len(digits) <= _MAX_DIGITS else "#")
        else:
            norms.append("-" if match.group() in "–—" else match.group())
    return tuple(norms)


def compile_marker(pattern: str) -> re.Pattern:
    """Compile a pattern over a joined normalised sentence, normalising its words."""
    words = re.sub(r"[^\W\d_]+", lambda m: normalize_word(m.group()), pattern)
    return re.compile(rf"(?<= )(?:{words})(?= )")

