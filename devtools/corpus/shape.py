"""What a corpus is made of: its folders, its years, its limits, and what write_corpus reports."""

from __future__ import annotations

from dataclasses import dataclass

from honours.core.kinds import RECIPIENT_KINDS

ARTICLE_FOLDER = "tin-tuc"
DATA_FOLDER = "data"
FIRST_YEAR, LAST_YEAR = 2005, 2024
# Keeps every file far below HONOURS_MAX_FILE_BYTES (1 MB): a named recipient
# takes about 75 bytes of front-matter.
MAX_NAMED_PER_ARTICLE = 5_000
KINDS = tuple(RECIPIENT_KINDS)


@dataclass(frozen=True)
class CorpusStats:
    """What a call to write_corpus wrote."""

    articles: int
    recipients: int
    award_lines: int
    years: tuple[int, ...]
