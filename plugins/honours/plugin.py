"""Connect the honours plugin to Pelican's signals.

Signals hold weak references, so only module-level functions are connected.
"""

from __future__ import annotations

import importlib
import logging
import pkgutil

from pelican import signals

from .checks.content import CONTENT_KEY, list_files, scan_content
from .checks.outputs import check_output_paths
from .core.ledger import LEDGER_KEY, ArticleRef, Ledger
from .core.problems import ContentErrors, Problem, display_path, stop_on
from .pages.base import HonoursGenerator
from .pages.feeds import provide_writer
from .pages.images import rewrite_images
from .pages.pagecache import PAGE_CACHE_KEY, PageCache, PageCacheGenerator
from .pages.search import build_search_index
from .pages.templating import add_template_helpers, date_pages_for_sitemap, freeze_article_urls
from .pelican_internals import forget_unfinished_sitemap
from .reader import HonoursMarkdownReader, use_fast_reader

logger = logging.getLogger(__name__)


def check_content(generator) -> None:
    """Check registries and every content file before Pelican reads them."""
    index = scan_content(generator.settings, list_files(generator, "ARTICLE"), list_files(generator, "PAGE"))
    generator.context[CONTENT_KEY] = index
    stop_on(index.problems)
    if index.warnings:
        logger.warning("honours: %d cảnh báo (bài viết và dữ liệu khen thưởng chưa khớp):\n%s",
                       len(index.warnings), "\n".join(f"  {w}" for w in index.warnings))
    if index.cache_key is not None:
        generator.context[PAGE_CACHE_KEY] = PageCache(generator.settings, index.digests, index.cache_key)
    reader = generator.readers.readers.get("md")
    if isinstance(reader, HonoursMarkdownReader):  # this build's reader: no second parse of each header
        reader.known_headers = index.headers


def build_ledger(generator) -> None:
    """Join the checked award data with Pelican's published articles."""
    index = generator.context[CONTENT_KEY]
    published = {a.source_path: a for a in (
        *generator.articles, *generator.translations, *generator.hidden_articles, *generator.hidden_translations,
    )}  # fmt: skip
    drafts = {a.source_path for a in (*generator.drafts, *generator.drafts_translations)}
    refs, lost = [], []
    for path, data in sorted(index.articles.items()):
        article = published.get(path)
        if article is not None:
            refs.append((ArticleRef(path, article.url, article.title, article.date, data.illustrative), data))
        elif path not in drafts:
            lost.append(Problem(display_path(path), 0, "", "Pelican đã bỏ qua bài này nên nó không có trên trang",
                                "xem thông báo lỗi của Pelican ở trên và sửa bài"))
    stop_on(lost)
    generator.context[LEDGER_KEY] = Ledger(index.registries, refs)


def quiet_fatal_traceback(record: logging.LogRecord) -> bool:
    """Drop the traceback Pelican prints when a build stops on logged errors.

    The errors themselves were logged just before, worded for editors; the
    traceback of the stop would only bury them.
    """
    error = record.exc_info[1] if record.exc_info else None
    if isinstance(error, ContentErrors) or (
        isinstance(error, RuntimeError) and str(error) == "Warning or error encountered"
    ):
        record.exc_info = None
        record.msg, record.args = "Dừng xây dựng trang vì có lỗi (xem ở trên).", ()
    return True


def forget_stopped_build(pelican) -> None:
    """Start each build afresh, even after one in the same process stopped on an error (`initialized`)."""
    forget_unfinished_sitemap()


def page_families() -> list[type]:
    """Every page family: each HonoursGenerator subclass in a module of `pages`, in the order they run."""
    package = importlib.import_module(".pages", __package__)
    for module in pkgutil.iter_modules(package.__path__):
        importlib.import_module(f"{package.__name__}.{module.name}")
    return sorted(HonoursGenerator.families, key=lambda family: (family.position, family.__module__, family.__name__))


def add_generators(pelican):
    """Return the generators of the plugin's page families, and the page cache's last."""
    return [*page_families(), PageCacheGenerator]


def register() -> None:
    """Connect the plugin (called by Pelican)."""
    logging.getLogger("pelican").addFilter(quiet_fatal_traceback)
    signals.initialized.connect(forget_stopped_build)
    signals.readers_init.connect(use_fast_reader)
    signals.generator_init.connect(add_template_helpers)
    signals.article_generator_init.connect(check_content)
    signals.article_generator_finalized.connect(freeze_article_urls)
    signals.article_generator_finalized.connect(build_ledger)
    signals.page_generator_finalized.connect(check_output_paths)
    signals.get_generators.connect(add_generators)
    signals.get_writer.connect(provide_writer)
    signals.content_object_init.connect(rewrite_images)
    signals.content_written.connect(date_pages_for_sitemap)
    signals.finalized.connect(build_search_index)
