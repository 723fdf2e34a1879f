"""Statistics: totals per year and across years, as tables and SVG charts."""

from __future__ import annotations

from dataclasses import dataclass

from ..core.ledger import Ledger, Totals
from ..core.registries import COMBINED_KIND, COUNT_KINDS, LEVELS, RECIPIENT_KINDS, Award, Unit
from .base import HonoursGenerator, newest
from .charts import NARROW, Chart, bar_chart
from .rolls import YearSummary, summarise

KIND_LABELS = {kind: label.capitalize() for kind, label in COUNT_KINDS.items()}


def shown_kinds(totals: Totals | None) -> tuple[str, ...]:
    """The count kinds a table or chart shows: the recipient kinds, and the combined count when there is one."""
    together = totals is not None and totals.count(COMBINED_KIND)
    return (*RECIPIENT_KINDS, COMBINED_KIND) if together else tuple(RECIPIENT_KINDS)


@dataclass(frozen=True)
class Change:
    """A count this year beside the previous year's."""

    current: int
    previous: int | None

    @property
    def delta(self) -> int | None:
        return None if self.previous is None else self.current - self.previous

    @property
    def percent(self) -> float | None:
        if not self.previous:
            return None
        return round(100 * (self.current - self.previous) / self.previous, 1)


@dataclass(frozen=True)
class Coverage:
    """What a year's figures count: award lines recorded in how many published articles."""

    year: int
    articles: int
    lines: int
    thin: bool


def coverage(year: int, entries, thin_below: int) -> Coverage:
    """Count the articles and award lines behind a year's figures."""
    articles = len({entry.article.source_path for entry in entries})
    return Coverage(year, articles, len(entries), articles < thin_below)


@dataclass(frozen=True)
class ChartLink:
    """A chart as a page shows it: an image with a text alternative, and its phone variant."""

    url: str
    alt: str
    width: int
    height: int
    narrow_url: str
    narrow_width: int
    narrow_height: int


@dataclass(frozen=True)
class YearStats:
    """Everything the statistics page of one year shows."""

    summary: YearSummary
    coverage: Coverage
    previous: Coverage | None
    previous_year: int | None
    changes: tuple[tuple[str, Change], ...]
    by_award: tuple[tuple[Award, Totals], ...]
    by_level: tuple[tuple[str, str, Totals], ...]
    top_units: tuple[tuple[Unit, int], ...]
    charts: dict


class StatisticsGenerator(HonoursGenerator):
    """Write /thong-ke/ and one statistics page per emulation year, with charts."""

    position = 30

    @property
    def ledger(self) -> Ledger:
        """The award lines the statistics count: those of illustrative articles only when the setting says so."""
        full = super().ledger
        if self.setting("HONOURS_STATS_INCLUDE_ILLUSTRATIVE"):
            return full
        if getattr(self, "_counted", (None,))[0] is not full:
            real = [(ref, data) for ref, data in full.articles if not ref.illustrative]
            self._counted = (full, Ledger(full.registries, real))
        return self._counted[1]

    def generate_context(self):
        ledger = self.ledger
        # Other pages link to a year's statistics only when that year has counted lines.
        self.context["honours_stats_years"] = frozenset(ledger.years())
        self.charts: list[Chart] = []
        summaries = {year: summarise(year, ledger.for_year(year)) for year in ledger.years()}
        thin_below = self.setting("HONOURS_STATS_THIN_ARTICLES")
        self.coverage = {year: coverage(year, ledger.for_year(year), thin_below) for year in summaries}
        self.years: list[YearStats] = []
        for year, summary in summaries.items():
            entries = ledger.for_year(year)
            previous = summaries.get(year - 1)
            kinds = shown_kinds(summary.totals + (previous.totals if previous else Totals()))
            changes = tuple(
                (KIND_LABELS[k], Change(summary.totals.count(k), previous.totals.count(k) if previous else None))
                for k in kinds
            ) + (("Tổng số", Change(summary.totals.total, previous.totals.total if previous else None)),)
            by_award = tuple(ledger.totals_by_award(entries))
            # A level with no line is left out: "Cấp xã 0" would read as a fact about the communes.
            by_level = tuple((level, LEVELS[level], totals)
                             for level, totals in ledger.totals_by_level(entries) if totals.total)
            charts = {
                "award": self._chart(
                    f"{year}/theo-hinh-thuc", f"Khen thưởng năm {year} theo hình thức, danh hiệu",
                    f"Số lượt khen thưởng năm {year} của từng hình thức, danh hiệu; số liệu ở bảng bên cạnh.",
                    [award.name for award, _ in by_award], [("Số lượt", [t.total for _, t in by_award])],
                    horizontal=True),
                "level": self._chart(
                    f"{year}/theo-cap", f"Khen thưởng năm {year} theo cấp khen thưởng",
                    f"Số lượt khen thưởng năm {year} theo cấp khen thưởng và đối tượng; số liệu ở bảng bên cạnh.",
                    [label for _, label, _ in by_level],
                    [(KIND_LABELS[k], [t.count(k) for _, _, t in by_level]) for k in shown_kinds(summary.totals)],
                    stacked=True),
            }  # fmt: skip
            self.years.append(YearStats(
                summary=summary,
                coverage=self.coverage[year],
                previous=self.coverage.get(year - 1),
                previous_year=previous.year if previous else None,
                changes=changes,
                by_award=by_award,
                by_level=by_level,
                top_units=tuple(ledger.top_units(year, self.setting("HONOURS_STATS_TOP_UNITS"))),
                charts=charts,
            ))  # fmt: skip
        ordered = sorted(summaries.values(), key=lambda s: s.year)
        self.overview_chart = self._chart(
            "theo-nam", "Khen thưởng qua các năm",
            "Số lượt khen thưởng mỗi năm thi đua, chia theo tập thể, cá nhân và hộ gia đình; số liệu ở bảng bên cạnh.",
            [str(s.year) for s in ordered],
            [(KIND_LABELS[k], [s.totals.count(k) for s in ordered]) for k in shown_kinds(self.ledger.totals())],
            stacked=True,
        ) if ordered else None  # fmt: skip
        self.top_units = ledger.top_units(None, self.setting("HONOURS_STATS_TOP_UNITS"))
        self.level_rows = [
            (s.year, [totals.total for _, totals in ledger.totals_by_level(ledger.for_year(s.year))])
            for s in sorted(summaries.values(), key=lambda s: -s.year)
        ]

    def _chart(self, name, title, description, labels, series, horizontal=False, stacked=False) -> ChartLink:
        chart = bar_chart(name, title, description, labels, series, horizontal=horizontal, stacked=stacked)
        narrow = bar_chart(f"{name}-dien-thoai", title, description, labels, series,
                           horizontal=horizontal, stacked=stacked, width=NARROW)
        self.charts += [chart, narrow]
        return ChartLink(self.url("HONOURS_STATS_CHART", name=name), chart.alt, chart.width, chart.height,
                         self.url("HONOURS_STATS_CHART", name=narrow.name), narrow.width, narrow.height)

    def generate_output(self, writer):
        for chart in self.charts:
            self.write_text(writer, self.setting("HONOURS_STATS_CHART_SAVE_AS").format(name=chart.name), chart.svg)
        summaries = [stats.summary for stats in self.years]
        self.write(writer, "HONOURS_STATS", "stats_index", "Thống kê khen thưởng",
                   date=newest(s.date for s in summaries if s.date), years=summaries,
                   chart=self.overview_chart, levels=LEVELS, level_rows=self.level_rows,
                   all_totals=self.ledger.totals(), top_units=self.top_units,
                   coverage=self.coverage, thin_below=self.setting("HONOURS_STATS_THIN_ARTICLES"),
                   all_articles=len({e.article.source_path for y in self.coverage for e in self.ledger.for_year(y)}),
                   all_lines=sum(c.lines for c in self.coverage.values()))
        for stats in self.years:
            year = stats.summary.year
            # The page compares the year with the one before: both years' articles make it.
            sources = {e.article.source_path for y in (year, year - 1) for e in self.ledger.for_year(y)}
            self.write(writer, "HONOURS_STATS_YEAR", "stats_year", f"Thống kê khen thưởng năm {year}",
                       {"year": year}, stats.summary.date, sources, stats=stats, year=year)
