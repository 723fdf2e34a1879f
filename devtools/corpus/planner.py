"""The plan of each article (its award lines, counts and named recipients) before it becomes text."""

from __future__ import annotations

import random
from dataclasses import dataclass, field, replace
from datetime import date, datetime, timedelta

from honours.core.registries import (
    LEVELS,
    Award,
    Registries,
    Unit,
)

from .names import (
    FAMILY_NAMES,
    FEMALE_GIVEN,
    FEMALE_MIDDLE,
    FEMALE_ONLY_AWARDS,
    FEMALE_SECOND_MIDDLE,
    MALE_GIVEN,
    MALE_MIDDLE,
)
from .prose import DECISION_SUFFIX, EXTRA_COUNT
from .themes import THEMES, VILLAGE_KINDS, Theme


@dataclass
class Line:
    """One award line being planned."""

    authority: str
    award: Award
    level: str
    counts: dict[str, int] = field(default_factory=dict)
    recipients: list[tuple[str, str, str]] = field(default_factory=list)  # (kind, unit slug, name or "")
    decision_number: str | None = None
    decision_date: date | None = None


@dataclass
class Article:
    """One article being planned."""

    theme: Theme
    year: int
    published: datetime
    organizer: Unit
    lead: Line  # the line the article is mainly about
    lines: list[Line]  # highest authority first, as news reports list them
    units: list[str] = field(default_factory=list)  # slugs for the `units:` key, organiser first
    slug: str = ""


class Planner:
    """Draws every article of a corpus from one random generator."""

    def __init__(self, registries: Registries, rng: random.Random):
        self.reg, self.rng = registries, rng
        self.units = sorted(registries.units.values(), key=lambda u: u.slug)
        self._pool_cache: dict = {}
        self.family_names = tuple(name for name, _ in FAMILY_NAMES)
        self.family_cum = _cumulative(weight for _, weight in FAMILY_NAMES)
        self.themes = tuple(self._usable(theme) for theme in THEMES)
        self.themes = tuple(theme for theme in self.themes if theme.lead_pairs)
        if not self.themes:
            raise ValueError("the registries lack the authorities and awards every kind of article needs")

    def _usable(self, theme: Theme) -> Theme:
        """Drop pairs whose authority or award is missing from the registries."""

        def keep(pairs):
            return tuple(p for p in pairs if p[0] in self.reg.authorities and p[1] in self.reg.awards)

        return replace(theme, lead_pairs=keep(theme.lead_pairs), other_pairs=keep(theme.other_pairs))

    # -- pools of units -------------------------------------------------

    def pool(self, spec: tuple[str, ...], year: int, fallback: bool) -> tuple[Unit, ...]:
        """Units matching slugs or kinds in spec that exist in year (all units if spec is empty)."""
        key = (spec, year, fallback)
        if key not in self._pool_cache:
            existing = [u for u in self.units if u.exists_in(year)]
            found = [u for u in existing if not spec or u.slug in spec or u.kind in spec]
            self._pool_cache[key] = tuple(found if found or not fallback else existing)
        return self._pool_cache[key]

    def person_pool(self, article: Article) -> tuple[Unit, ...]:
        if article.theme.people_of_organizer:
            return (article.organizer,)
        return self.pool(article.theme.person_units, article.year, fallback=True)

    def collective_pool(self, article: Article, award: Award) -> tuple[Unit, ...]:
        spec = VILLAGE_KINDS if award.slug == "thon-van-hoa" else article.theme.collective_units
        return self.pool(spec, article.year, fallback=False)

    # -- articles -------------------------------------------------------

    def themes_for(self, count: int) -> list[Theme]:
        """Every theme at least once (when count allows), the rest by weight, shuffled."""
        chosen = list(self.themes[:count])
        chosen += self.rng.choices(self.themes, weights=[t.weight for t in self.themes], k=count - len(chosen))
        self.rng.shuffle(chosen)
        return chosen

    def article(self, theme: Theme, year: int) -> Article:
        rng = self.rng
        published = self.publication(theme.schedule, year)
        # A commune merged away before the article appeared cannot be its organiser.
        organizers = [u for u in self.pool(theme.organizers, year, fallback=False)
                      if u.valid_until is None or u.valid_until >= published.date()]
        organizer = rng.choice(organizers or self.pool(("ubnd-huyen",), year, fallback=True))
        picks = [_weighted(rng, theme.lead_pairs)]
        others = [p for p in theme.other_pairs if p[:2] != picks[0][:2]]
        for _ in range(min(rng.randint(*theme.extra_lines), len(others))):
            pick = _weighted(rng, others)
            picks.append(pick)
            others.remove(pick)
        lines = [self.line(a, w, published) for a, w, _ in picks]
        return Article(theme, year, published, organizer, lines[0], _ordered(lines))

    def publication(self, schedule: str, year: int) -> datetime:
        """A publication time for results of emulation year `year`."""
        rng = self.rng
        if schedule == "after":  # year-end conferences: mid-December to March
            first, last = date(year, 12, 15), date(year + 1, 3, 31)
        elif schedule == "late":
            first, last = date(year, 11, 1), date(year, 12, 31)
        elif schedule == "school":
            first, last = date(year, 7, 15), date(year, 9, 15)
        elif schedule == "yearend":
            first, last = date(year, 12, 10), date(year + 1, 1, 31)
        else:
            first, last = (date(year, 9, 1), date(year, 12, 31)) if rng.random() < 0.3 else \
                (date(year + 1, 1, 1), date(year + 1, 12, 31))
        day = first + timedelta(days=rng.randint(0, (last - first).days))
        return datetime(day.year, day.month, day.day, rng.choice((7, 8, 8, 9, 10, 14, 15, 16)),
                        rng.choice((0, 0, 15, 30, 45)))

    def line(self, authority: str, award_slug: str, published: datetime) -> Line:
        rng = self.rng
        line = Line(authority, self.reg.awards[award_slug], self.reg.authorities[authority].level)
        suffix = DECISION_SUFFIX.get(authority)
        if suffix and rng.random() < 0.4:
            line.decision_date = published.date() - timedelta(days=rng.randint(2, 30))
            line.decision_number = f"{rng.randint(12, 2400)}/{suffix}"
        return line

    # -- named recipients and counts ------------------------------------

    def fill(self, article: Article, budget: int) -> None:
        """Name exactly `budget` recipients across the lines, then set every count."""
        rng = self.rng
        persons = self.person_pool(article)
        caps = [self._capacity(article, line, persons) for line in article.lines]
        if None not in caps and sum(caps) < budget:
            article.lines = _ordered([*article.lines, self._fallback_line(article)])
            caps = [self._capacity(article, line, persons) for line in article.lines]
        weights = [rng.randint(1, 100) for _ in article.lines]
        shares = apportion(budget, weights, caps)
        for line, share in zip(article.lines, shares, strict=True):
            self._name(article, line, share, persons)
            self._count(line)
        article.units = self._mentions(article, persons)

    def _mentions(self, article: Article, persons) -> list[str]:
        """The organiser, then up to three units the article is about."""
        slugs = [article.organizer.slug]
        for line in article.lines:
            for _, unit, _ in line.recipients[:6]:
                if unit not in slugs and len(slugs) < 4:
                    slugs.append(unit)
        others = [u.slug for u in persons if u.slug not in slugs]
        if len(slugs) < 2 and others:
            slugs += self.rng.sample(others, min(len(others), self.rng.randint(1, 3)))
        return slugs

    def _capacity(self, article: Article, line: Line, persons) -> int | None:
        """How many recipients a line can name (None: no limit)."""
        kinds = line.award.recipients
        if persons and ("individual" in kinds or "household" in kinds):
            return None
        return len(self.collective_pool(article, line.award)) if "collective" in kinds else 0

    def _fallback_line(self, article: Article) -> Line:
        """A line that can name people, for an article whose lines cannot."""
        candidates = [p for p in (*article.theme.lead_pairs, *article.theme.other_pairs)
                      if "individual" in self.reg.awards[p[1]].recipients]
        if not candidates:
            candidates = [(a, w, 1) for t in self.themes for a, w, _ in (*t.lead_pairs, *t.other_pairs)
                          if "individual" in self.reg.awards[w].recipients]
        if not candidates:
            raise ValueError("no award in the registries can be given to individuals")
        authority, award, _ = candidates[0]
        return self.line(authority, award, article.published)

    def _name(self, article: Article, line: Line, quota: int, persons) -> None:
        rng = self.rng
        kinds = line.award.recipients
        named = dict.fromkeys(kinds, 0)
        collectives = self.collective_pool(article, line.award) if "collective" in kinds else ()
        people = bool(persons) and ("individual" in kinds or "household" in kinds)
        if people:
            if collectives:
                named["collective"] = min(len(collectives), rng.randint(0, quota // 5))
            if "household" in kinds and "individual" in kinds:
                named["household"] = rng.randint(0, (quota - named.get("collective", 0)) // 6)
            rest = quota - sum(named.values())
            named["individual" if "individual" in kinds else "household"] += rest
        else:
            named["collective"] = quota
        line.counts = named  # the named part; _count adds the unnamed ones
        out = line.recipients
        for unit in (rng.sample(collectives, named["collective"]) if named.get("collective") else ()):
            out.append(("collective", unit.slug, ""))
        female_only = line.award.slug in FEMALE_ONLY_AWARDS
        for _ in range(named.get("individual", 0)):
            out.append(("individual", rng.choice(persons).slug, self.person(female=True if female_only else None)))
        for _ in range(named.get("household", 0)):
            female = rng.random() < 0.3
            title = "bà" if female else "ông"
            out.append(("household", rng.choice(persons).slug, f"Hộ {title} {self.person(female=female)}"))

    def _count(self, line: Line) -> None:
        rng = self.rng
        low, high = EXTRA_COUNT[line.level]
        kinds = line.award.recipients
        used = {k for k in kinds if line.counts.get(k, 0) > 0}
        odds = {"collective": 0.6, "individual": 0.8, "household": 0.15 if len(kinds) > 1 else 1.0}
        used |= {k for k in kinds if rng.random() < odds[k]}
        if not used:
            used = {"individual" if "individual" in kinds else kinds[0]}
        counts = {}
        for kind in kinds:
            if kind not in used:
                continue
            named = line.counts.get(kind, 0)
            counts[kind] = named + (rng.randint(0, max(1, named // 5)) if named else rng.randint(low, high))
        line.counts = counts

    def person(self, female: bool | None = None) -> str:
        """An invented Vietnamese full name."""
        rng = self.rng
        if female is None:
            female = rng.random() < 0.45
        family = rng.choices(self.family_names, cum_weights=self.family_cum)[0]
        if female:
            middle = rng.choice(FEMALE_MIDDLE)
            if middle == "Thị" and rng.random() < 0.15:
                middle = f"Thị {rng.choice(FEMALE_SECOND_MIDDLE)}"
            given = rng.choice(FEMALE_GIVEN)
            while middle.endswith(given):
                given = rng.choice(FEMALE_GIVEN)
            return f"{family} {middle} {given}"
        middle, given = rng.choice(MALE_MIDDLE), rng.choice(MALE_GIVEN)
        while given == middle:
            given = rng.choice(MALE_GIVEN)
        return f"{family} {middle} {given}"


def _ordered(lines: list[Line]) -> list[Line]:
    """Highest level first, then higher honour first, as news reports list awards."""
    levels = list(LEVELS)
    return sorted(lines, key=lambda line: (levels.index(line.level), line.award.order, line.authority))


def _cumulative(weights) -> list[int]:
    total, out = 0, []
    for weight in weights:
        total += weight
        out.append(total)
    return out


def _weighted(rng: random.Random, pairs):
    return rng.choices(pairs, weights=[p[2] for p in pairs])[0]


def apportion(total: int, weights: list[int], caps: list[int | None]) -> list[int]:
    """Split total into whole shares proportional to weights, none above its cap (None: no cap).

    Integer arithmetic and ties broken by position, so the result is the
    same on every machine.
    """
    shares = [0] * len(weights)

    def room(i: int) -> int:
        return total if caps[i] is None else caps[i] - shares[i]

    remaining = total
    while remaining:
        open_ = [i for i in range(len(weights)) if room(i) > 0]
        if not open_:
            raise ValueError(f"cannot place {remaining} more within the caps")
        chosen = [i for i in open_ if weights[i] > 0] or open_
        weight = {i: weights[i] if weights[i] > 0 else 1 for i in chosen}
        whole = sum(weight.values())
        given, order = 0, []
        for i in chosen:
            share, left = divmod(remaining * weight[i], whole)
            share = min(share, room(i))
            shares[i] += share
            given += share
            order.append((-left, i))
        remaining -= given
        for _, i in sorted(order):
            if not remaining:
                break
            if room(i) > 0:
                shares[i] += 1
                remaining -= 1
    return shares
