"""Reuse rendered pages on a rebuild with Pelican's content cache, when what made them is unchanged.

Rendering templates is most of a rebuild. A page is taken from the cache
when its inputs are unchanged: what the site is built with (settings, theme
templates, registries, the plugin's code) and the text of every article
file the page shows. An article's page depends on its own file and on
whether the honour rolls of its years are split; a unit page, a year's roll
or statistics on the articles they list. Pages that depend on everything
(the indexes) are always rendered. Pelican's writer is subclassed so that
every page, cached or not, is written by its `write_file` (its checks, `content_written`).
"""

from __future__ import annotations

import hashlib
import os
import re
from pathlib import Path

from pelican.generators import Generator
from pelican.utils import sanitised_join
from pelican.writers import Writer

from ..core.ledger import LEDGER_KEY
from ..settings import setting

PAGE_CACHE_KEY = "honours_page_cache"  # where this build's PageCache lives in Pelican's context
_ADDRESS = re.compile(r" at 0x[0-9a-f]+")
_WHERE_WRITTEN = {"OUTPUT_PATH", "CACHE_PATH"}


class PageCache:
    """Rendered article pages of the previous build, by fingerprint of what made them."""

    def __init__(self, settings: dict, digests: dict[str, bytes], inputs_key: bytes):
        self.folder = Path(settings["CACHE_PATH"]) / "honours-pages"
        self.settings, self.digests = settings, digests
        fingerprint = hashlib.sha256(inputs_key)
        # Every setting may reach a template, except where the build writes (staging folders differ);
        # object addresses in reprs change between runs.
        shown = sorted((k, v) for k, v in settings.items() if k not in _WHERE_WRITTEN)
        fingerprint.update(_ADDRESS.sub("", repr(shown)).encode())
        theme = Path(settings["THEME"]) / "templates"
        for template in sorted(theme.rglob("*")):
            if template.is_file():
                fingerprint.update(str(template.relative_to(theme)).encode() + template.read_bytes())
        self.fingerprint = fingerprint.digest()
        self.used: set[str] = set()

    def key(self, article, context: dict) -> str | None:
        """The cache key of an article's page, or None if the article was not checked."""
        digest = self.digests.get(article.source_path)
        if digest is None:
            return None
        ledger = context[LEDGER_KEY]
        years = sorted({e.year for e in ledger.for_article(article.source_path)})
        limit = setting(self.settings, "HONOURS_ROLL_INLINE_LIMIT")  # as rolls.is_split decides
        splits = ",".join(f"{y}:{ledger.named_count(y) > limit}" for y in years)
        return hashlib.sha256(self.fingerprint + digest + splits.encode()).hexdigest()

    def key_for(self, kind: str, parts: tuple, sources) -> str | None:
        """The cache key of a generated page made from some articles (by source path)."""
        digest = hashlib.sha256(self.fingerprint + repr((kind, parts)).encode())
        for path in sorted(set(sources)):
            file_digest = self.digests.get(path)
            if file_digest is None:
                return None
            digest.update(path.encode() + file_digest)
        return digest.hexdigest()

    def _path(self, key: str) -> Path:
        return self.folder / key[:2] / f"{key}.html"

    def get(self, key: str) -> str | None:
        try:
            text = self._path(key).read_text(encoding="utf-8")
        except OSError:
            return None
        self.used.add(key)
        return text

    def put(self, key: str, text: str) -> None:
        path = self._path(key)
        try:
            path.parent.mkdir(parents=True, exist_ok=True)
            temporary = path.with_suffix(f".{os.getpid()}")
            temporary.write_text(text, encoding="utf-8")
            os.replace(temporary, path)
            self.used.add(key)
        except OSError:
            pass  # a page that cannot be cached is rendered again next time

    def prune(self) -> None:
        """Forget pages no article of this build used (deleted or changed articles)."""
        for path in self.folder.glob("*/*.html") if self.folder.exists() else ():
            if path.stem not in self.used:
                path.unlink(missing_ok=True)


class CachingWriter(Writer):
    """Pelican's writer, taking unchanged pages from the page cache.

    Article pages are recognised by themselves; the plugin's generators pass
    the key of their pages as `cache_key`.
    """

    def write_file(self, name, template, context, relative_urls=False, paginated=None, template_name=None,
                   override_output=False, url=None, **kwargs):
        cache: PageCache | None = context.get(PAGE_CACHE_KEY)
        key = kwargs.pop("cache_key", None)
        article = kwargs.get("article")
        if key is None and cache is not None and article is not None and name and not paginated:
            key = cache.key(article, context)
        if cache is None or not name:
            key = None
        if key is None:
            return super().write_file(name, template, context, relative_urls, paginated, template_name,
                                      override_output, url, **kwargs)
        html = cache.get(key)
        if html is not None:  # written by Pelican's writer all the same: its checks, its content_written
            return super().write_file(name, TextTemplate(html), context, relative_urls, paginated, template_name,
                                      override_output, url, **kwargs)
        super().write_file(name, template, context, relative_urls, paginated, template_name, override_output,
                           url, **kwargs)
        with open(sanitised_join(self.output_path, name), encoding="utf-8") as handle:
            cache.put(key, handle.read())
        return None


class TextTemplate:
    """A text rendered already (a cached page, a CSV file), given to Pelican's writer as a template."""

    def __init__(self, text: str):
        self.text = text

    def render(self, context) -> str:
        return self.text


class PageCacheGenerator(Generator):
    """Forget cached pages this build did not use; listed last, after every page is written."""

    def generate_output(self, writer):
        cache: PageCache | None = self.context.get(PAGE_CACHE_KEY)
        if cache is not None:
            cache.prune()
