"""An article's sentences: front-matter and Markdown marks removed, tables read row by row."""

from __future__ import annotations

import re
from typing import NamedTuple

from honours.core.frontmatter import HEADER_RE

from .normalise import phrase_key
from .vocabulary import ABBREVIATIONS_BEFORE_NAMES, CAPTION_MARKERS, KIND_WORDS

_BLOCK_START = re.compile(r"^\s{0,3}(?:(?P<heading>#{1,6})\s+|>\s?|[-*+]\s+|\d{1,3}[.)]\s+)")
_SENTENCE_BREAK = re.compile(r"(?<=[.!?…])[\"'”’»)]*\s+")
_PARAGRAPH_END = re.compile(r"[.!?…][\"'”’»)]*$")
# "TP. Vũng Tàu", "PGS.TS. Nguyễn …": a stop after one of these does not end the sentence.
_ABBREVIATION_END = re.compile(r"(?:^|[\s(])(?:" + "|".join(map(re.escape, ABBREVIATIONS_BEFORE_NAMES)) + r")\.$",
                               re.IGNORECASE)
_CAPTION_RE = re.compile(r"(?:^|[\s(])(?:" + "|".join(map(re.escape, CAPTION_MARKERS)) + r")", re.IGNORECASE)
TITLE_MAX = 250  # characters: a longer first line is the lead, not a title


def body_of(text: str) -> str:
    """Return the article without its YAML front-matter block, if it has one."""
    match = HEADER_RE.fullmatch(text)
    return match.group("content") if match else text


class Sentence(NamedTuple):
    """A sentence of an article, its paragraph number, and where it stands: title, caption or body."""

    paragraph: int
    text: str
    role: str = "body"


def sentences(text: str) -> list[tuple[int, str]]:
    """Return (paragraph number, sentence) of an article, Markdown line marks removed."""
    return [(s.paragraph, s.text) for s in article_sentences(text)]


def article_sentences(text: str) -> list[Sentence]:
    """Return the sentences of an article, Markdown line marks removed.

    A heading is a paragraph of its own; a list item starts a new sentence; a
    line that ends a sentence ends its paragraph (text pasted from a web page
    has one paragraph per line). Without front-matter, a first line with no
    closing stop is the title; photo captions are told by their credit.
    """
    match = HEADER_RE.fullmatch(text)
    body = match.group("content") if match else text
    reader = _Reader()
    lines = body.splitlines()
    first = next((i for i, line in enumerate(lines) if line.strip()), None)
    if match is None and first is not None and _is_title(lines[first]):
        reader.out.append(Sentence(0, lines[first].strip(), "title"))
        reader.paragraph = 1
        lines = lines[first + 1:]
    for line in [*lines, ""]:
        reader.line(line)
    return [s._replace(role="caption") if s.role == "body" and _is_caption(s.text) else s for s in reader.out]


def _is_title(line: str) -> bool:
    stripped = line.strip()
    return len(stripped) <= TITLE_MAX and not stripped.endswith((".", "!", "?", ":", ";", "…"))


def _is_caption(sentence: str) -> bool:
    return bool(_CAPTION_RE.search(sentence))


class _Reader:
    """Reads an article line by line into sentences and paragraphs."""

    def __init__(self):
        self.out: list[Sentence] = []
        self.paragraph = 0
        self.segment: list[str] = []
        self.table: list[str] = []
        self.in_fence = False

    def flush(self) -> None:
        self.out.extend(Sentence(self.paragraph, sentence) for sentence in split_sentences(" ".join(self.segment)))
        self.segment.clear()

    def new_paragraph(self) -> None:
        self.flush()
        self.paragraph += 1

    def line(self, line: str) -> None:
        stripped = line.strip()
        if stripped.startswith("```"):
            self.in_fence = not self.in_fence
            return
        if self.in_fence:
            return
        if stripped.startswith("|"):  # a Markdown table: one sentence per row
            self.table.append(stripped)
            return
        if self.table:
            self.new_paragraph()
            self.out.extend(Sentence(self.paragraph, row) for row in table_sentences(self.table))
            self.paragraph += 1
            self.table.clear()
        start = _BLOCK_START.match(line)
        if not stripped or (start and start.group("heading")):
            self.new_paragraph()
            if stripped:
                self.out.append(Sentence(self.paragraph, line[start.end():].strip()))
                self.paragraph += 1
            return
        if start:
            self.flush()
            line = line[start.end():]
        self.segment.append(line.strip())
        if _PARAGRAPH_END.search(stripped):
            self.new_paragraph()


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


def split_sentences(text: str) -> list[str]:
    """Split at a stop followed by space, unless the next word is in lower case or the stop ends an abbreviation."""
    out: list[str] = []
    for piece in _SENTENCE_BREAK.split(" ".join(text.split())):
        if out and (piece[:1].islower() or _ABBREVIATION_END.search(out[-1])):
            out[-1] = f"{out[-1]} {piece}"
        elif piece.strip():
            out.append(piece.strip())
    return out

