"""An article's sentences: front-matter and Markdown marks removed, tables read row by row."""

from __future__ import annotations

import re

from honours.core.frontmatter import HEADER_RE

from .normalise import phrase_key
from .vocabulary import KIND_WORDS

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

