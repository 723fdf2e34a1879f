"""The search index: Pagefind, run from Python when the build is finished.

Pagefind matches "nguyen" to "Nguyễn" by itself, but not "dong" to "Đồng":
đ is a letter of its own, not a letter with a mark. So each page is given
to Pagefind with the words that contain đ added in their folded form
("dong"), through an indexed attribute at the end of the page. The published
HTML is left as it was; the search page cuts the folded words off again
before it shows an excerpt (they are also stored as the `fold` metadata).
"""

from __future__ import annotations

import asyncio
import html
import json
import logging
import os
import re
import shutil
import tempfile

from ..core.vietnamese import fold
from ..settings import setting

logger = logging.getLogger(__name__)

INDEX_MARKER = "data-pagefind-body"
# Pagefind also writes its ready-made interfaces; the site has its own, so
# these are removed rather than published unused.
UNUSED_BUNDLE_FILES = (
    "pagefind-ui.js", "pagefind-ui.css", "pagefind-modular-ui.js", "pagefind-modular-ui.css",
    "pagefind-component-ui.js", "pagefind-component-ui.css", "pagefind-highlight.js",
)
_MAIN = re.compile(r"<main\b[^>]*>(.*?)</main>", re.DOTALL)
_TAG = re.compile(r"<[^>]+>")
_D_WORD = re.compile(r"\w*[đĐ]\w*")


def folded_words(page_html: str) -> str:
    """Return the words of the page's main text that contain đ, folded and deduplicated."""
    match = _MAIN.search(page_html)
    text = html.unescape(_TAG.sub(" ", match.group(1) if match else page_html))
    return " ".join(dict.fromkeys(fold(word) for word in _D_WORD.findall(text)))


def with_folded_words(page_html: str) -> str:
    """Return the page with its folded đ-words as an indexed attribute before </main>."""
    words = folded_words(page_html)
    if not words:
        return page_html
    span = (f'<span data-pagefind-index-attrs="data-fold" data-fold="{words}" '
            f'data-pagefind-meta="fold[data-fold]"></span>')
    position = page_html.rfind("</main>")
    return page_html[:position] + span + page_html[position:] if position >= 0 else page_html


def pages_to_index(output_path: str) -> list[str]:
    """HTML files that ask to be indexed, relative to the output folder, sorted."""
    found = []
    for folder, dirs, files in os.walk(output_path):
        dirs[:] = sorted(d for d in dirs if d != "pagefind")
        for name in sorted(files):
            if name.endswith(".html"):
                found.append(os.path.relpath(os.path.join(folder, name), output_path))
    return found


async def write_index(output_path: str) -> int:
    """Index the built site with Pagefind into output/pagefind; return the page count.

    The pages to index are copied, with their folded words added, into a
    temporary folder that Pagefind reads in one pass: its Python API answers
    about ten requests a second, too slow to send pages one by one.
    """
    from pagefind.index import IndexConfig, PagefindIndex

    config = IndexConfig(output_path=os.path.join(output_path, "pagefind"), force_language="vi")
    with tempfile.TemporaryDirectory(prefix="honours-search-") as staging:
        for relative in pages_to_index(output_path):
            with open(os.path.join(output_path, relative), encoding="utf-8") as handle:
                page = handle.read()
            if INDEX_MARKER not in page:
                continue
            target = os.path.join(staging, relative)
            os.makedirs(os.path.dirname(target), exist_ok=True)
            with open(target, "w", encoding="utf-8") as handle:
                handle.write(with_folded_words(page))
        async with PagefindIndex(config=config) as index:
            result = await index.add_directory(staging)
    for name in UNUSED_BUNDLE_FILES:
        path = os.path.join(output_path, "pagefind", name)
        if os.path.exists(path):
            os.remove(path)
    return int(result.get("page_count", 0))


def incomplete_files(index_path: str) -> list[str]:
    """Files of a written index that are empty, or an entry file that is not JSON."""
    bad = []
    for folder, _dirs, files in os.walk(index_path):
        for name in files:
            path = os.path.join(folder, name)
            if os.path.getsize(path) == 0:
                bad.append(path)
    entry = os.path.join(index_path, "pagefind-entry.json")
    try:
        with open(entry, encoding="utf-8") as handle:
            json.load(handle)
    except (OSError, ValueError):
        bad.append(entry)
    return sorted(set(bad))


WRITE_ATTEMPTS = 3


def build_search_index(pelican) -> None:
    """Write the search index after the build (Pelican's `finalized` signal).

    The Pagefind service has been seen to leave a file empty when it stops
    (about one build in eight on this machine), so the written index is read
    back, and written again if any file is incomplete; a search that cannot
    work stops the build rather than being published broken.
    """
    if not setting(pelican.settings, "HONOURS_SEARCH_INDEX"):
        return
    index_path = os.path.join(pelican.output_path, "pagefind")
    for attempt in range(1, WRITE_ATTEMPTS + 1):
        shutil.rmtree(index_path, ignore_errors=True)
        try:
            count = asyncio.run(write_index(pelican.output_path))
        except Exception as error:  # the Pagefind service reports its own failures
            logger.error("honours: không tạo được chỉ mục tìm kiếm (%s)", error)
            raise
        bad = incomplete_files(index_path)
        if not bad:
            logger.info("honours: đã lập chỉ mục tìm kiếm cho %d trang", count)
            return
        logger.warning("honours: chỉ mục tìm kiếm bị thiếu (%s), đang ghi lại (lần %d/%d)",
                       ", ".join(os.path.relpath(p, pelican.output_path) for p in bad), attempt, WRITE_ATTEMPTS)
    message = "chỉ mục tìm kiếm ghi ra bị thiếu sau nhiều lần thử"
    logger.error("honours: %s", message)
    raise RuntimeError(message)
