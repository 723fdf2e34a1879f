"""The ledger: every award line of the site, built once per build, with queries.

Pages, charts and open data read award data from here and nowhere else.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import datetime

from .counts import TOTAL_KEYS
from .model import ArticleData, AwardLine, Recipient
from .registries import LEVELS, Award, Registries, Unit

LEDGER_KEY = "honours_ledger"  # where the build's ledger lives in Pelican's context


@dataclass(frozen=True)
class ArticleRef:
    """The published article an award line comes from."""

    source_path: str
    url: str
    title: str
    date: datetime
    illustrative: bool = False


@dataclass(frozen=True)
class Entry:
    """One award line of one published article."""

    article: ArticleRef
    line: AwardLine

    @property
    def year(self) -> int:
        return self.line.year

    @property
    def order(self) -> tuple:
        """Award rank first, then authority, then the article and its line order."""
        line = self.line
        return (line.year, line.award.order, list(LEVELS).index(line.authority.level),
                line.authority.slug, self.article.date, self.article.source_path, line.position)


@dataclass(frozen=True)
class Totals:
    """Counts by recipient kind."""

    collectives: int = 0
    individuals: int = 0
    households: int = 0
    collectives_or_individuals: int = 0  # stated together, not split

    @property
    def total(self) -> int:
        return self.collectives + self.individuals + self.households + self.collectives_or_individuals

    def count(self, kind: str) -> int:
        """Return the count for a recipient kind, or for registries.COMBINED_KIND."""
        return getattr(self, TOTAL_KEYS[kind])

    def __add__(self, other: Totals) -> Totals:
        return Totals(*(getattr(self, key) + getattr(other, key) for key in TOTAL_KEYS.values()))

    @classmethod
    def of(cls, entries: Iterable[Entry]) -> Totals:
        """Sum the counts of award lines."""
        c = i = h = ci = 0
        for entry in entries:
            c += entry.line.collectives
            i += entry.line.individuals
            h += entry.line.households
            ci += entry.line.collectives_or_individuals
        return cls(c, i, h, ci)


@dataclass(frozen=True)
class Honour:
    """One named recipient of one award line."""

    entry: Entry
    recipient: Recipient


class Ledger:
    """All award lines of the published articles, indexed for the pages."""

    def __init__(self, registries: Registries, articles: Iterable[tuple[ArticleRef, ArticleData]]):
        self.registries = registries
        self.articles = tuple(sorted(articles, key=lambda pair: (pair[0].date, pair[0].source_path)))
        self.entries = tuple(sorted(
            (Entry(ref, line) for ref, data in self.articles for line in data.lines),
            key=lambda e: e.order,
        ))  # fmt: skip
        self._by_year: dict[int, list[Entry]] = defaultdict(list)
        self._by_article: dict[str, list[Entry]] = defaultdict(list)
        self._honours_by_unit: dict[str, list[Honour]] = defaultdict(list)
        self._articles_by_unit: dict[str, dict[str, ArticleRef]] = defaultdict(dict)
        self._units_by_article: dict[str, dict[str, Unit]] = defaultdict(dict)
        for entry in self.entries:
            self._by_year[entry.year].append(entry)
            self._by_article[entry.article.source_path].append(entry)
            for recipient in entry.line.recipients:
                self._honours_by_unit[recipient.unit.slug].append(Honour(entry, recipient))
                self._articles_by_unit[recipient.unit.slug][entry.article.source_path] = entry.article
                self._units_by_article[entry.article.source_path][recipient.unit.slug] = recipient.unit
        for ref, data in self.articles:
            for unit in data.units:
                self._articles_by_unit[unit.slug][ref.source_path] = ref
                self._units_by_article[ref.source_path][unit.slug] = unit

    # Queries by one key -------------------------------------------------

    def years(self) -> list[int]:
        """Emulation years that have award lines, newest first."""
        return sorted(self._by_year, reverse=True)

    def for_year(self, year: int) -> list[Entry]:
        return list(self._by_year.get(year, ()))

    def named_count(self, year: int) -> int:
        """How many named recipients the award lines of a year list."""
        if not hasattr(self, "_named_by_year"):  # asked once per article page: count once
            self._named_by_year = {y: sum(len(e.line.recipients) for e in es) for y, es in self._by_year.items()}
        return self._named_by_year.get(year, 0)

    def for_article(self, source_path: str) -> list[Entry]:
        """Award lines of one article, in the order the article lists them."""
        return sorted(self._by_article.get(source_path, ()), key=lambda e: e.line.position)

    def honours_of_unit(self, slug: str) -> list[Honour]:
        """Named honours of a unit and of its people, newest year first."""
        return sorted(self._honours_by_unit.get(slug, ()),
                      key=lambda h: (-h.entry.year, h.entry.order, h.recipient.kind, h.recipient.name or ""))

    def articles_naming(self, slug: str) -> list[ArticleRef]:
        """Articles that name a unit in `units` or through a recipient, newest first."""
        refs = self._articles_by_unit.get(slug, {}).values()
        return sorted(refs, key=lambda r: (r.date, r.source_path), reverse=True)

    def latest(self, limit: int) -> list[Entry]:
        """The award lines of the most recently published articles."""
        newest_first = sorted(self.entries, key=lambda e: (e.article.date, e.article.source_path, -e.line.position),
                              reverse=True)
        return newest_first[:limit]

    def units_of_article(self, source_path: str) -> list[Unit]:
        """Units an article names, in `units` or through a recipient, alphabetical."""
        return sorted(self._units_by_article.get(source_path, {}).values(), key=lambda u: u.order)

    def unit_titles_of(self, source_path: str) -> list[str]:
        """Titles of the units an article names (for the search filters)."""
        return [unit.title for unit in self.units_of_article(source_path)]

    def honours(self, year: int | None = None) -> list[Honour]:
        """Every named recipient, optionally of one year, in ledger order."""
        entries = self.entries if year is None else self.for_year(year)
        return [Honour(e, r) for e in entries for r in e.line.recipients]

    # Totals ---------------------------------------------------------------

    def totals(self, entries: Iterable[Entry] | None = None) -> Totals:
        """Counts by recipient kind over some entries (all by default)."""
        return Totals.of(self.entries if entries is None else entries)

    def totals_by_award(self, entries: Iterable[Entry]) -> list[tuple[Award, Totals]]:
        """Totals per award, highest honour first."""
        return _group(entries, lambda e: e.line.award, key=lambda a: a.order)

    def totals_by_level(self, entries: Iterable[Entry]) -> list[tuple[str, Totals]]:
        """Totals per authority level, every level listed (zero when none)."""
        grouped = dict(_group(entries, lambda e: e.line.authority.level, key=list(LEVELS).index))
        return [(level, grouped.get(level, Totals())) for level in LEVELS]

    def unit_counts(self, year: int | None = None) -> dict[str, int]:
        """Named honours per unit slug (the unit and its people)."""
        counts: dict[str, int] = defaultdict(int)
        for entry in self.entries if year is None else self._by_year.get(year, ()):
            for recipient in entry.line.recipients:
                counts[recipient.unit.slug] += 1
        return dict(counts)

    def top_units(self, year: int | None = None, limit: int = 10) -> list[tuple[Unit, int]]:
        """Units with the most named honours, most first, then alphabetical."""
        counts = self.unit_counts(year)
        units = self.registries.units
        ranked = sorted(counts.items(), key=lambda kv: (-kv[1], units[kv[0]].order))
        return [(units[slug], n) for slug, n in ranked[:limit]]


def _group(entries, attribute, key) -> list:
    """Sum totals of entries grouped by attribute(entry), groups sorted by key."""
    groups: dict = defaultdict(list)
    for entry in entries:
        groups[attribute(entry)].append(entry)
    return [(group, Totals.of(groups[group])) for group in sorted(groups, key=key)]
