"""Unit pages: every commune, town, agency or school, with its honours and news."""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass
from datetime import date, datetime, timedelta

from ..core.ledger import ArticleRef, Honour
from ..core.registries import UNIT_KINDS, Unit
from .base import HonoursGenerator, newest


@dataclass(frozen=True)
class UnitYear:
    """How many named honours a unit and its people had in one emulation year."""

    year: int
    as_collective: int
    people: int

    @property
    def total(self) -> int:
        return self.as_collective + self.people


@dataclass(frozen=True)
class UnitRecord:
    """Everything one unit's page shows."""

    unit: Unit
    honours: tuple[Honour, ...]  # newest year first
    years: tuple[UnitYear, ...]
    total: int
    as_collective: int
    people: int
    articles: tuple[ArticleRef, ...]
    parent: Unit | None
    children: tuple[Unit, ...]
    successor: Unit | None
    successor_from: date | None  # the day the successor took over
    predecessors: tuple[Unit, ...]
    feed_url: str | None
    news_url: str | None
    date: datetime | None


class UnitPagesGenerator(HonoursGenerator):
    """Write /don-vi/, one page per registry unit, and each unit's Atom feed."""

    position = 20

    def generate_context(self):
        units = self.ledger.registries.units
        children, predecessors = defaultdict(list), defaultdict(list)
        for unit in units.values():
            if unit.parent:
                children[unit.parent].append(unit)
            if unit.successor:
                predecessors[unit.successor].append(unit)
        self.records = [
            self._record(unit, units, children[unit.slug], predecessors[unit.slug])
            for unit in self.ledger.registries.units_in_order()
        ]

    def _record(self, unit: Unit, units: dict, children: list, predecessors: list) -> UnitRecord:
        honours = self.ledger.honours_of_unit(unit.slug)
        by_year: dict[int, list[Honour]] = defaultdict(list)
        for honour in honours:
            by_year[honour.entry.year].append(honour)
        years = tuple(
            UnitYear(
                year=year,
                as_collective=sum(1 for h in items if h.recipient.kind == "collective"),
                people=sum(1 for h in items if h.recipient.kind != "collective"),
            )
            for year, items in sorted(by_year.items(), reverse=True)
        )
        articles = tuple(self.ledger.articles_naming(unit.slug))
        return UnitRecord(
            unit=unit,
            honours=tuple(honours),
            years=years,
            total=len(honours),
            as_collective=sum(y.as_collective for y in years),
            people=sum(y.people for y in years),
            articles=articles,
            parent=units.get(unit.parent) if unit.parent else None,
            children=tuple(sorted(children, key=lambda u: u.order)),
            successor=units.get(unit.successor) if unit.successor else None,
            successor_from=unit.valid_until + timedelta(days=1) if unit.valid_until else None,
            predecessors=tuple(sorted(predecessors, key=lambda u: u.order)),
            feed_url=self.url("HONOURS_UNIT_FEED", slug=unit.slug) if articles else None,
            news_url=(self.url("HONOURS_UNIT_NEWS", slug=unit.slug)
                      if len(articles) > self.setting("HONOURS_UNIT_NEWS_LIMIT") else None),
            date=newest(a.date for a in articles),
        )

    def generate_output(self, writer):
        groups = defaultdict(list)
        for record in self.records:
            groups[record.unit.kind].append(record)
        index = [(UNIT_KINDS[kind], groups[kind]) for kind in UNIT_KINDS if groups[kind]]
        self.write(writer, "HONOURS_UNITS", "units_index", "Đơn vị",
                   date=newest(r.date for r in self.records if r.date), groups=index)
        published = {a.source_path: a for a in (*self.context["articles"], *self.context["hidden_articles"])}
        per_page = self.setting("HONOURS_ROLL_PER_PAGE")
        news_limit = self.setting("HONOURS_UNIT_NEWS_LIMIT")
        for record in self.records:
            unit, values = record.unit, {"slug": record.unit.slug}
            # What the unit's pages show comes from these articles only.
            sources = {h.entry.article.source_path for h in record.honours} | {a.source_path for a in record.articles}
            # A unit with many honours continues on …/page/2/, never one huge page.
            self.write_paginated(writer, "HONOURS_UNIT", "unit", unit.title, list(record.honours), per_page,
                                 values, record.date, sources, later_sources=_honour_sources, record=record,
                                 latest_articles=record.articles[:news_limit])
            if record.news_url:
                self.write_paginated(writer, "HONOURS_UNIT_NEWS", "unit_news", f"Tin về {unit.full_name}",
                                     list(record.articles), self.setting("HONOURS_UNIT_NEWS_PER_PAGE"), values,
                                     record.date, sources, later_sources=_article_sources, record=record)
            if record.feed_url:
                articles = [published[a.source_path] for a in record.articles]
                writer.write_feed(
                    articles[: self.setting("HONOURS_UNIT_FEED_LIMIT")], self.context,
                    self.setting("HONOURS_UNIT_FEED_SAVE_AS").format(**values),
                    record.feed_url, feed_type="atom", feed_title=unit.title,
                )  # fmt: skip


def _honour_sources(honours) -> set[str]:
    """Articles that one page of a unit's honours shows."""
    return {honour.entry.article.source_path for honour in honours}


def _article_sources(articles) -> set[str]:
    """Articles that one page of a unit's news list shows."""
    return {article.source_path for article in articles}
