"""What the page generators share: reading the ledger and writing through Pelican."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from typing import ClassVar

from pelican.generators import Generator
from pelican.paginator import Paginator

from ..core.ledger import LEDGER_KEY, Ledger
from ..settings import save_as_for, setting, url_for
from .pagecache import PAGE_CACHE_KEY, TextTemplate


@dataclass(frozen=True)
class PageInfo:
    """What a generated page tells its template and the sitemap about itself."""

    url: str
    title: str
    date: datetime | None = None
    status: str = "published"


class HonoursGenerator(Generator):
    """Base class of the plugin's page families.

    `generate_context()` reads and aggregates from the ledger; subclasses
    only write in `generate_output()`. Every subclass defined in a module of
    this package is a page family Pelican runs (see `families`): a new family
    needs no registration.
    """

    families: ClassVar[list[type[HonoursGenerator]]] = []  # filled as the modules of `pages` are imported
    # Where a family runs among the others; pages are listed in the sitemap in the order they are written.
    position: ClassVar[int] = 100

    def __init_subclass__(cls, **kwargs):
        super().__init_subclass__(**kwargs)
        if cls.__module__.startswith(f"{__package__}."):
            HonoursGenerator.families.append(cls)

    @property
    def ledger(self) -> Ledger:
        return self.context[LEDGER_KEY]

    def setting(self, name: str):
        return setting(self.settings, name)

    def url(self, family: str, **values) -> str:
        return url_for(self.settings, family, **values)

    def cache_key(self, family: str, parts: tuple, sources) -> str | None:
        """Key under which a page made from these articles may be reused (None: always render)."""
        cache = self.context.get(PAGE_CACHE_KEY)
        return cache.key_for(family, parts, sources) if cache is not None and sources is not None else None

    def write(self, writer, family: str, template: str, title: str, values: dict | None = None,
              date: datetime | None = None, sources=None, cache_parts: tuple = (), **page_context) -> None:
        """Render one page of a family with a theme template, if the family is on.

        `sources` are the source paths of the articles the page shows, when
        it shows no others: the page is then reused while they are unchanged
        and so are `cache_parts` (whatever else the page shows, e.g. the
        neighbouring years it links to).
        """
        values = values or {}
        save_as = save_as_for(self.settings, family, **values)
        if not save_as:
            return
        url = self.url(family, **values)
        writer.write_file(
            save_as, self.get_template(template), self.context,
            relative_urls=self.settings["RELATIVE_URLS"], url=url,
            honours_page=PageInfo(url, title, date),
            cache_key=self.cache_key(family, (save_as, title, repr(date), cache_parts), sources),
            **page_context,
        )  # fmt: skip

    def write_paginated(self, writer, family: str, template: str, title: str, items: list, per_page: int,
                        values: dict | None = None, date: datetime | None = None, sources=None,
                        cache_parts: tuple = (), later_sources=None, **page_context) -> None:
        """Write a long list over several pages (…/page/2/, …) with Pelican's paginator.

        `later_sources(items)`, when given, names the articles that pages
        after the first depend on (they show only their own items), so that
        a change on one page does not render every page of a long list again.
        """
        values = values or {}
        save_as = save_as_for(self.settings, family, **values)
        if not save_as:
            return
        url = self.url(family, **values)
        paginator = Paginator(save_as, url, items, self.settings, per_page)
        template_object = self.get_template(template)
        for number in range(1, paginator.num_pages + 1):
            page = paginator.page(number)
            page_title = title if number == 1 else f"{title} (trang {number})"
            writer.write_file(
                page.save_as, template_object, self.context,
                relative_urls=self.settings["RELATIVE_URLS"], url=page.url,
                honours_page=PageInfo(page.url, page_title, date),
                items_page=page, items_paginator=paginator,
                items_previous_page=paginator.page(number - 1) if number > 1 else None,
                items_next_page=paginator.page(number + 1) if number < paginator.num_pages else None,
                cache_key=self.cache_key(
                    family, (page.save_as, page_title, number, per_page, len(items), repr(date), cache_parts),
                    later_sources(page.object_list) if later_sources and number > 1 else sources),
                **page_context,
            )  # fmt: skip

    def write_text(self, writer, save_as: str, text: str) -> None:
        """Write a data or image file (CSV, JSON, SVG) through Pelican's writer."""
        if save_as:
            writer.write_file(save_as, TextTemplate(text), self.context)


def newest(dates) -> datetime | None:
    """Return the newest of some dates, or None."""
    return max(dates, default=None)
