"""Reuse the rendered page of an unchanged article on a rebuild with Pelican's content cache.

Rendering templates is most of a rebuild. An article's page depends on the
article's own file, on what it was built with (settings, theme templates,
registries, the plugin's code) and, through the award table, on whether the
honour rolls of its years are split into one page per award. When none of
these changed, the page is written from the cache instead of being
rendered again. Pelican's writer is subclassed so that every page still goes
through its checks and fires `content_written` (the sitemap needs it).
"""

from __future__ import annotations

import hashlib
import os
import re
from pathlib import Path

from pelican import signals
from pelican.utils import sanitised_join
from pelican.writers import Writer

from .ledger import LEDGER_KEY
from .rolls import is_split

PAGE_CACHE_KEY = "honours_page_cache"  # where this build's PageCache lives in Pelican's context
_ADDRESS = re.compile(r" at 0x[0-9a-f]+")


class PageCache:
    """Rendered article pages of the previous build, by fingerprint of what made them."""

    def __init__(self, settings: dict, digests: dict[str, bytes], inputs_key: bytes):
        self.folder = Path(settings["CACHE_PATH"]) / "honours-pages"
        self.settings, self.digests = settings, digests
        fingerprint = hashlib.sha256(inputs_key)
        # Every setting may reach a template; object addresses in reprs change between runs.
        fingerprint.update(_ADDRESS.sub("", repr(sorted(settings.items(), key=lambda kv: kv[0]))).encode())
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
        splits = ",".join(f"{y}:{is_split(self.settings, ledger, y)}" for y in years)
        return hashlib.sha256(self.fingerprint + digest + splits.encode()).hexdigest()

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
    """Pelican's writer, taking unchanged article pages from the page cache."""

    def write_file(self, name, template, context, relative_urls=False, paginated=None, template_name=None,
                   override_output=False, url=None, **kwargs):
        cache: PageCache | None = context.get(PAGE_CACHE_KEY)
        article = kwargs.get("article")
        cacheable = cache is not None and article is not None and name and not paginated
        key = cache.key(article, context) if cacheable else None
        if key is None:
            return super().write_file(name, template, context, relative_urls, paginated, template_name,
                                      override_output, url, **kwargs)
        path = sanitised_join(self.output_path, name)
        html = cache.get(key)
        if html is None:
            super().write_file(name, template, context, relative_urls, paginated, template_name,
                               override_output, url, **kwargs)
            with open(path, encoding="utf-8") as handle:
                cache.put(key, handle.read())
            return None
        os.makedirs(os.path.dirname(path), exist_ok=True)
        with self._open_w(path, "utf-8", override=override_output) as handle:
            handle.write(html)
        local = {**context, **kwargs, "output_file": name, "localsiteurl": context.get("localsiteurl")}
        signals.content_written.send(path, context=local)
        return None


def provide_writer(pelican):
    """Use the caching writer (Pelican's get_writer signal)."""
    return CachingWriter


def prune_after_articles(generator, writer=None) -> None:
    """Drop cached pages this build did not use, once all articles are written."""
    cache: PageCache | None = generator.context.get(PAGE_CACHE_KEY)
    if cache is not None:
        cache.prune()
