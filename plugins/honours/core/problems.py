"""Content problems: what an editor did wrong, where, and how to fix it."""

from __future__ import annotations

import difflib
import logging
import os
from collections.abc import Iterable
from dataclasses import dataclass

LOG_PREFIX = "honours"
logger = logging.getLogger(__name__)


@dataclass(frozen=True, order=True)
class Problem:
    """One mistake in one file, worded for the editor (in Vietnamese)."""

    path: str
    line: int
    field: str
    message: str
    hint: str = ""

    def __str__(self) -> str:
        where = f"{self.path}:{self.line}" if self.line else self.path
        text = f"{where}: {self.field}: {self.message}" if self.field else f"{where}: {self.message}"
        return f"{text} — {self.hint}" if self.hint else text


class ContentErrors(Exception):
    """Raised to stop a build when the content has problems."""

    def __init__(self, problems: Iterable[Problem]):
        self.problems = tuple(sorted(problems))
        super().__init__(f"{len(self.problems)} lỗi trong nội dung (xem danh sách ở trên)")


def report(problems: Iterable[Problem]) -> str:
    """Return all problems as one text block, one problem per line."""
    problems = sorted(problems)
    lines = [f"{LOG_PREFIX}: {len(problems)} lỗi trong nội dung, cần sửa trước khi xuất bản:"]
    lines += [f"  {p}" for p in problems]
    return "\n".join(lines)


def line_at(text: str, offset: int, first_line: int = 1) -> int:
    """The file line of a character offset in a text whose first character is on first_line."""
    return first_line + text.count("\n", 0, offset)


def display_path(path: str) -> str:
    """Return path relative to the working folder when it lies inside it."""
    absolute = os.path.abspath(path)
    relative = os.path.relpath(absolute)
    return absolute if relative.startswith("..") else relative


def suggest(value: object, choices: Iterable[str]) -> str:
    """Return " (có phải là 'x'?)" for the nearest choice, or an empty string."""
    matches = difflib.get_close_matches(str(value), sorted(choices), n=1, cutoff=0.6)
    return f" (có phải là '{matches[0]}'?)" if matches else ""


def suggest_slug(value: object, choices: Iterable[str]) -> str:
    """Like suggest, for a registry slug: only a likely typo of an existing slug.

    A slug that adds or drops whole words ("chu-tich-ubnd-huyen-yen-the" against
    "chu-tich-ubnd-huyen") names another body: suggesting the local one would
    send the editor to the wrong authority or unit.
    """
    value = str(value)
    for match in difflib.get_close_matches(value, sorted(choices), n=3, cutoff=0.8):
        same_words = match.count("-") == value.count("-")
        joined = difflib.SequenceMatcher(None, value.replace("-", ""), match.replace("-", "")).ratio()
        if same_words or joined >= 0.9:
            return f" (có phải là '{match}'?)"
    return ""


def stop_on(problems: list[Problem] | tuple[Problem, ...]) -> None:
    """Log every problem in one message, then stop the build."""
    if problems:
        logger.error(report(problems))
        raise ContentErrors(problems)
