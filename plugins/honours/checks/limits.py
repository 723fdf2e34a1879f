"""Limits that keep Markdown's own slow cases out of the build.

Python-Markdown takes time that grows with the square (or worse) of some
inputs: a tag opened with `<` and never closed makes its HTML parser read to
the end of the text again, and square brackets that never close make its link
patterns try every pairing. A 5,000-character paragraph of `[` takes ten
seconds, a 1 MB body hours, and the build would hang likewise. No article
needs either, so a body is refused before Markdown reads it; every count here
is one pass over the text.
"""

from __future__ import annotations

import itertools
import re

from ..core.markdowntext import blank_code
from ..core.problems import Problem

MAX_UNCLOSED_TAGS = 20  # "<" followed by a letter and no ">" before the next "<"
MAX_BRACKETS_PER_BLOCK = 200  # "[" in one paragraph or table
MAX_BRACKETS = 2_000  # "[" in one body: 2,000 links or images are more than any article shows
_UNCLOSED_TAG = re.compile(r"<[A-Za-z/!?][^<>]*(?=<|\Z)")  # a tag that reaches the next "<" or the end
_BLOCK_BREAK = re.compile(r"\n[ \t]*\n")
HINT = "viết nội dung bằng chữ, liên kết và ảnh thông thường; chia bài dài thành nhiều bài"


def _number(value: int) -> str:
    return f"{value:,}".replace(",", ".")


def check_markup_limits(text: str, first_line: int, path: str, field: str = "nội dung") -> list[Problem]:
    """A problem where a Markdown text would make Markdown itself too slow to read, else []."""
    if "<" in text:
        unclosed = _UNCLOSED_TAG.finditer(blank_code(text))
        first = next(unclosed, None)
        # One such tag costs a read of the rest of the text; a few are a "<" in an attribute's value.
        if first is not None and sum(1 for _ in itertools.islice(unclosed, MAX_UNCLOSED_TAGS)) >= MAX_UNCLOSED_TAGS:
            line = first_line - 1 + text.count("\n", 0, first.start())
            shown = first.group(0)[:30].replace("\n", " ")
            return [Problem(path, line, field, f"có nhiều thẻ HTML mở mà không đóng (đầu tiên: '{shown}', "
                            "thiếu dấu '>')", "thêm dấu '>' cho thẻ, hoặc viết '&lt;' nếu muốn hiện dấu '<'")]
    total = text.count("[")
    if total > MAX_BRACKETS:
        return [Problem(path, first_line, field,
                        f"có quá nhiều dấu '[' ({_number(total)}, tối đa {_number(MAX_BRACKETS)})", HINT)]
    if total > MAX_BRACKETS_PER_BLOCK:
        start = 0
        for block in _BLOCK_BREAK.finditer(text + "\n\n"):
            if text.count("[", start, block.start()) > MAX_BRACKETS_PER_BLOCK:
                line = first_line - 1 + text.count("\n", 0, start)
                return [Problem(path, line, field, f"một đoạn có hơn {MAX_BRACKETS_PER_BLOCK} dấu '['",
                                "tách đoạn này thành nhiều đoạn (cách nhau một dòng trống)")]
            start = block.end()
    return []
