"""Honour rolls: the index of years and, for each year, who was honoured."""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass
from datetime import datetime

from ..core.ledger import LEDGER_KEY, Entry, Honour, Totals
from ..core.registries import Authority, Award
from ..settings import setting, url_for
from .base import HonoursGenerator, newest


@dataclass(frozen=True)
class YearSummary:
    """One line of the index of years."""

    year: int
    totals: Totals
    lines: int
    named: int
    illustrative: bool
    date: datetime | None


@dataclass(frozen=True)
class AwardGroup:
    """The award lines of one award in one year, by authority."""

    award: Award
    totals: Totals
    by_authority: tuple[tuple[Authority, tuple[Entry, ...]], ...]
    honours: tuple[Honour, ...]
    url: str | None  # the award's own page when the year is split


@dataclass(frozen=True)
class YearRoll:
    """Everything the roll of one year shows."""

    summary: YearSummary
    groups: tuple[AwardGroup, ...]
    inline: bool

    @property
    def unit_titles(self) -> list[str]:
        """Titles of the units the roll names, alphabetical (for the search filters)."""
        units = {h.recipient.unit for group in self.groups for h in group.honours}
        return [unit.title for unit in sorted(units, key=lambda u: u.order)]


def summarise(year: int, entries: list[Entry]) -> YearSummary:
    """Return the totals of one year's award lines."""
    return YearSummary(
        year=year,
        totals=Totals.of(entries),
        lines=len(entries),
        named=sum(len(e.line.recipients) for e in entries),
        illustrative=any(e.article.illustrative for e in entries),
        date=newest(e.article.date for e in entries),
    )


def is_split(settings: dict, ledger, year: int) -> bool:
    """Whether a year's named recipients are listed on one page per award."""
    return ledger.named_count(year) > setting(settings, "HONOURS_ROLL_INLINE_LIMIT")


def roll_url(settings: dict, context: dict, year: int, award: str) -> str:
    """Return where a year's roll lists the recipients of one award."""
    if is_split(settings, context[LEDGER_KEY], year):
        return url_for(settings, "HONOURS_YEAR_AWARD", year=year, award=award)
    return url_for(settings, "HONOURS_YEAR", year=year) + f"#muc-{award}"


class HonourRollGenerator(HonoursGenerator):
    """Write /khen-thuong/ and one roll per emulation year."""

    position = 10

    def generate_context(self):
        self.rolls: list[YearRoll] = []
        for year in self.ledger.years():
            entries = self.ledger.for_year(year)
            summary = summarise(year, entries)
            inline = not is_split(self.settings, self.ledger, year)
            self.rolls.append(YearRoll(summary, tuple(self._groups(year, entries, inline)), inline))

    def _groups(self, year: int, entries: list[Entry], inline: bool):
        by_award: dict[Award, list[Entry]] = defaultdict(list)
        for entry in entries:  # already in rank order
            by_award[entry.line.award].append(entry)
        for award, award_entries in by_award.items():
            by_authority: dict[Authority, list[Entry]] = defaultdict(list)
            for entry in award_entries:
                by_authority[entry.line.authority].append(entry)
            honours = tuple(Honour(e, r) for e in award_entries for r in e.line.recipients)
            url = None if inline or not honours else self.url("HONOURS_YEAR_AWARD", year=year, award=award.slug)
            yield AwardGroup(
                award=award,
                totals=Totals.of(award_entries),
                by_authority=tuple((a, tuple(es)) for a, es in by_authority.items()),
                honours=honours,
                url=url,
            )

    def generate_output(self, writer):
        summaries = [roll.summary for roll in self.rolls]
        self.write(writer, "HONOURS_INDEX", "honours_index", "Khen thưởng theo năm",
                   date=newest(s.date for s in summaries if s.date), years=summaries)
        years = [s.year for s in summaries]
        per_page = self.setting("HONOURS_ROLL_PER_PAGE")
        for roll in self.rolls:
            year = roll.summary.year
            position = years.index(year)
            title = f"Khen thưởng năm {year}"
            sources = {e.article.source_path for e in self.ledger.for_year(year)}
            newer = years[position - 1] if position > 0 else None
            older = years[position + 1] if position + 1 < len(years) else None
            self.write(
                writer, "HONOURS_YEAR", "honours_year", title, {"year": year}, roll.summary.date, sources,
                cache_parts=(newer, older), roll=roll, year=year, newer_year=newer, older_year=older,
            )  # fmt: skip
            for group in roll.groups:
                if group.url:
                    self.write_paginated(
                        writer, "HONOURS_YEAR_AWARD", "honours_award", f"{group.award.name} – năm {year}",
                        list(group.honours), per_page, {"year": year, "award": group.award.slug},
                        roll.summary.date, sources, roll=roll, group=group, year=year,
                    )  # fmt: skip
