"""Filters and globals the theme's templates use, and the pages' sitemap dates."""

from __future__ import annotations

import copy
import re
from dataclasses import dataclass
from datetime import datetime
from functools import partial

from ..core.vietnamese import format_counts, format_date, format_number, format_short_date
from ..settings import url_for
from .rolls import roll_url

_FIRST_IMG = re.compile(r"<img\b[^>]*?\bsrc=\"([^\"]+)\"", re.IGNORECASE)


def page_url(output_file: str | None) -> str:
    """URL of a written page, relative to the site ("tin-tuc/index.html" -> "tin-tuc/")."""
    name = output_file or ""
    return name[: -len("index.html")] if name.endswith("index.html") else name


def first_image(settings: dict, html: str | None) -> str | None:
    """Path (from the site root) of the first image in some HTML, if it is the site's own."""
    match = _FIRST_IMG.search(html or "")
    if not match:
        return None
    src, site = match.group(1), settings.get("SITEURL", "")
    if site and src.startswith(site + "/"):
        src = src[len(site):]
    return src.lstrip("/") if src.startswith("/") else None


def decision_text(line) -> str:
    """'Quyết định số 125/QĐ-UBND ngày 20/01/2018' for an award line, or ''."""
    if line.decision_number and line.decision_date:
        return f"Quyết định số {line.decision_number} ngày {format_short_date(line.decision_date)}"
    if line.decision_number:
        return f"Quyết định số {line.decision_number}"
    if line.decision_date:
        return f"Quyết định ngày {format_short_date(line.decision_date)}"
    return ""


def json_ld_person(name: str) -> dict:
    return {"@type": "Person", "name": name}


def add_template_helpers(generator) -> None:
    """Give every template Vietnamese formatting filters and the plugin's URLs."""
    settings = generator.settings
    generator.env.filters.update(
        vn_date=format_date,
        vn_short_date=format_short_date,
        vn_number=format_number,
        vn_counts=lambda c: format_counts(c.collectives, c.individuals, c.households, c.collectives_or_individuals),
        page_url=page_url,
        first_image=partial(first_image, settings),
        jsonld_person=json_ld_person,
        decision=decision_text,
        # Called for every name in long lists, so a filter rather than an included template.
        unit_url=lambda unit: url_for(settings, "HONOURS_UNIT", slug=unit.slug),
    )
    generator.env.globals["honours_url"] = partial(url_for, settings)
    # The main navigation: (section, label, URL), worked out once rather than on every page.
    generator.env.globals["site_nav"] = (
        ("tin-tuc", "Tin tức", settings["ARCHIVES_URL"]),
        ("khen-thuong", "Khen thưởng", url_for(settings, "HONOURS_INDEX")),
        ("don-vi", "Đơn vị", url_for(settings, "HONOURS_UNITS")),
        ("thong-ke", "Thống kê", url_for(settings, "HONOURS_STATS")),
        ("tim-kiem", "Tìm kiếm", url_for(settings, "HONOURS_SEARCH")),
    )
    generator.env.globals["honours_roll_url"] = partial(roll_url, settings, generator.context)


def freeze_article_urls(generator) -> None:
    """Work out each article's URL once (Pelican's article_generator_finalized signal).

    Pelican formats an article's URL from its settings on every access
    (dates through a slow strftime wrapper), and list pages ask for it
    thousands of times; `override_url` is Pelican's own way to give it fixed.
    """
    for article in (*generator.articles, *generator.translations, *generator.hidden_articles,
                    *generator.hidden_translations, *generator.drafts, *generator.drafts_translations):
        article.override_url = article.url


@dataclass(frozen=True)
class SitemapEntry:
    """What pelican-sitemap reads of a page: its URL, date and status."""

    url: str
    date: datetime
    status: str = "published"


def date_pages_for_sitemap(path, context) -> None:
    """Give every written page a date from the content, for pelican-sitemap.

    pelican-sitemap dates pages that are neither an article nor a page
    (indexes, tags, honour rolls…) with the clock, which would make two builds
    differ; here they get the newest date of what they list instead. Must run
    before pelican-sitemap sees the page, so "honours" is listed before it in
    PLUGINS.
    """
    page = context.get("page")
    if page is not None and getattr(page, "date", None) is None and getattr(page, "modified", None) is None:
        # A static page without a date ("Giới thiệu"): the newest article's date stands for the site's.
        newest = max((article.date for article in context.get("articles") or ()), default=None)
        if newest is not None:
            dated = copy.copy(page)  # only the sitemap's copy; the page is written already
            dated.modified = newest
            context["page"] = dated
        return
    if context.get("article") or page or not str(path).endswith(".html"):
        return
    info = context.get("honours_page")
    date = getattr(info, "date", None)
    if date is None:
        page = context.get("articles_page")
        # Pelican's lists are sorted by date, so the newest is at one end.
        listed = page.object_list if page else (context.get("articles") or context.get("dates") or ())
        date = max((a.date for a in (listed[:1] + listed[-1:])), default=None) if listed else None
    if date is not None:
        context["page"] = SitemapEntry(page_url(context.get("output_file")), date)
