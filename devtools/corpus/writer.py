"""Planned articles turned into Markdown files with YAML front-matter."""

from __future__ import annotations

import random

from honours.core.kinds import COUNT_KEYS
from honours.core.kinds import RECIPIENT_KINDS as KIND_WORDS
from honours.core.registries import (
    Award,
    Registries,
)
from honours.core.vietnamese import format_number

from .names import AUTHORS
from .planner import Article, Line
from .prose import (
    AUTHORITY_PROSE,
    AWARD_PROSE,
    AWARD_VERB,
    HIGHLIGHTS,
    RESULT_OPENINGS,
    TOTAL_OPENINGS,
    UNITS_SENTENCES,
)
from .shape import KINDS
from .yamltext import yaml_flow_list, yaml_str


def counts_phrase(counts: dict[str, int], last_joiner: str = ", ") -> str:
    """Return "25 tập thể, 40 cá nhân" (with last_joiner before the last part)."""
    parts = [f"{format_number(counts[k])} {KIND_WORDS[k]}" for k in KINDS if counts.get(k)]
    if len(parts) < 2:
        return "".join(parts)
    return ", ".join(parts[:-1]) + last_joiner + parts[-1]


def _totals(article: Article) -> dict[str, int]:
    totals = dict.fromkeys(KINDS, 0)
    for line in article.lines:
        for kind, count in line.counts.items():
            totals[kind] += count
    return totals


def _join_names(names: list[str]) -> str:
    return names[0] if len(names) == 1 else ", ".join(names[:-1]) + " và " + names[-1]


class ArticleWriter:
    """Turns planned articles into Markdown files with YAML front-matter."""

    def __init__(self, registries: Registries, rng: random.Random):
        self.reg, self.rng = registries, rng

    def authority_prose(self, article: Article, authority: str) -> str:
        prose = article.theme.authority_prose
        text = prose.get(authority) or AUTHORITY_PROSE.get(authority) or self.reg.authorities[authority].name
        return text.format(org=article.organizer.full_name)

    def award_noun(self, award: Award) -> str:
        """The award as the object of "trao tặng"."""
        name = AWARD_PROSE.get(award.slug, award.name)
        verb = AWARD_VERB.get(award.slug, "tặng" if award.kind == "form" else "công nhận danh hiệu")
        return f"danh hiệu “{name}”" if "danh hiệu" in verb else name

    def clause(self, article: Article, line: Line, subject: bool = True) -> str:
        """Return "Chủ tịch UBND huyện tặng Giấy khen cho 12 tập thể, 30 cá nhân" (without the subject)."""
        award = line.award
        verb = AWARD_VERB.get(award.slug, "tặng" if award.kind == "form" else "công nhận danh hiệu")
        name = AWARD_PROSE.get(award.slug, award.name)
        if award.slug == "ba-me-viet-nam-anh-hung":
            name = "“Bà mẹ Việt Nam anh hùng”"
        said = f"{verb} {name} cho {counts_phrase(line.counts)}"
        return f"{self.authority_prose(article, line.authority)} {said}" if subject else said

    def values(self, article: Article) -> dict[str, str]:
        rng, year = self.rng, article.year
        lead = article.lead
        totals = _totals(article)
        return {
            "year": str(year), "next": str(year + 1), "prev": str(year - 1),
            "day": f"{article.published.day}/{article.published.month}/{article.published.year}",
            "org": article.organizer.full_name, "Org": article.organizer.title,
            "counts": counts_phrase(totals), "lead_counts": counts_phrase(lead.counts),
            "award": self.award_noun(lead.award),
            "pct": f"{rng.randint(50, 140) / 10:.1f}".replace(".", ","),
            "income": str(rng.randint(12, 75)), "poor": f"{rng.randint(10, 90) / 10:.1f}".replace(".", ","),
            "schools": str(rng.randint(1, 6)), "pass_rate": f"{rng.randint(950, 999) / 10:.1f}".replace(".", ","),
            "villages": str(rng.randint(70, 96)), "families": str(rng.randint(82, 95)),
            "solved": str(rng.randint(78, 96)), "wage": f"{rng.randint(45, 110) / 10:.1f}".replace(".", ","),
        }  # fmt: skip

    def body(self, article: Article, values: dict[str, str]) -> str:
        rng, theme = self.rng, article.theme
        paragraphs: list[str] = [rng.choice(theme.leads).format(**values)]
        optional: dict[str, str] = {}
        if theme.context:
            count = min(len(theme.context), rng.randint(1, 3))
            optional["context"] = " ".join(s.format(**values) for s in rng.sample(theme.context, count))
        mentioned = [self.reg.units[s] for s in article.units[1:]]
        if mentioned:
            names = _join_names([u.full_name for u in mentioned])
            optional["units"] = rng.choice(UNITS_SENTENCES).format(units=names, year=values["year"])
        people = [r for line in article.lines for r in line.recipients if r[0] != "collective"][:3]
        if people:
            described = [self.describe(r, article.organizer.slug) for r in people]
            optional["highlight"] = rng.choice(HIGHLIGHTS).format(people=_join_names(described))
        if theme.closings:
            optional["closing"] = rng.choice(theme.closings).format(**values)
        keep = set(rng.sample(sorted(optional), rng.randint(min(1, len(optional)), len(optional))))
        for key in ("context", "units"):
            if key in keep:
                paragraphs.append(optional[key])
        if rng.random() < 0.35:
            paragraphs.append("## " + theme.heading.format(**values))
        lines = article.lines
        clauses = "; ".join(self.clause(article, line, i == 0 or line.authority != lines[i - 1].authority)
                            for i, line in enumerate(lines))
        results = f"{rng.choice(RESULT_OPENINGS)}, {clauses}."
        if len(lines) > 1:
            results += f" {rng.choice(TOTAL_OPENINGS)}, có {counts_phrase(_totals(article), ' và ')} được khen thưởng."
        paragraphs.append(results)
        for key in ("highlight", "closing"):
            if key in keep:
                paragraphs.append(optional[key])
        return "\n\n".join(paragraphs) + "\n"

    def describe(self, recipient: tuple[str, str, str], organizer: str) -> str:
        """Return "Nguyễn Văn An (xã Hòa Sơn)", or "hộ ông …"; no unit when it is the organiser."""
        kind, unit, name = recipient
        if kind == "household":
            name = name[:1].lower() + name[1:]
        return name if unit == organizer else f"{name} ({self.reg.units[unit].full_name})"

    def text(self, article: Article) -> tuple[str, str]:
        """Return the title and the Markdown body of an article."""
        values = self.values(article)
        title = self.rng.choice(article.theme.titles).format(**values)
        body = self.body(article, values)
        return title, body

    def header(self, article: Article, title: str) -> str:
        rng, theme = self.rng, article.theme
        tags = rng.sample(theme.tags, rng.randint(2, min(3, len(theme.tags))))
        if rng.random() < 0.5:
            tags.append(f"năm {article.year}")
        out = [
            "---",
            f"title: {yaml_str(title)}",
            f"date: {article.published:%Y-%m-%d %H:%M}",
            f"slug: {yaml_str(article.slug)}",
            f"author: {yaml_str(rng.choice(AUTHORS))}",
            f"category: {yaml_str(rng.choice(theme.categories))}",
            f"tags: {yaml_flow_list(tags)}",
            f"units: {yaml_flow_list(article.units)}",
            "illustrative: true",
            "honours:",
            f"  year: {article.year}",
            "  awards:",
        ]
        for line in article.lines:
            out.append(f"    - by: {yaml_str(line.authority)}")
            out.append(f"      award: {yaml_str(line.award.slug)}")
            for kind in KINDS:
                if kind in line.counts:
                    out.append(f"      {COUNT_KEYS[kind]}: {line.counts[kind]}")
            if line.decision_number:
                out.append(f"      decision_number: {yaml_str(line.decision_number)}")
                out.append(f"      decision_date: {line.decision_date:%Y-%m-%d}")
            if line.recipients:
                out.append("      recipients:")
                for kind, unit, name in line.recipients:
                    if kind == "collective":
                        out.append(f"        - unit: {yaml_str(unit)}")
                    else:
                        key = "name" if kind == "individual" else "household"
                        out.append(f"        - {key}: {yaml_str(name)}\n          unit: {yaml_str(unit)}")
        out.append("---")
        return "\n".join(out) + "\n"
