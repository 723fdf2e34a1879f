"""Writing a whole corpus into a folder, and the command line."""

from __future__ import annotations

import argparse
import random
import shutil
import sys
import time
from pathlib import Path

from honours.core.problems import report
from honours.core.registries import (
    AUTHORITY_FILE,
    AWARD_FILE,
    UNIT_FILE,
    load_registries,
)
from honours.core.vietnamese import slugify

from .planner import Planner, apportion
from .shape import ARTICLE_FOLDER, DATA_FOLDER, FIRST_YEAR, LAST_YEAR, MAX_NAMED_PER_ARTICLE, CorpusStats
from .writer import ArticleWriter


def _years_for(articles: int) -> list[int]:
    span = max(1, min(LAST_YEAR - FIRST_YEAR + 1, (articles + 2) // 3))
    return list(range(LAST_YEAR - span + 1, LAST_YEAR + 1))


def _prepare_out_dir(out_dir: Path) -> None:
    if out_dir.exists():
        if not out_dir.is_dir():
            raise FileExistsError(f"{out_dir} is a file, not a folder")
        if any(out_dir.iterdir()):
            raise FileExistsError(f"{out_dir} is not empty; give an empty or new folder so that a corpus "
                                  "is never mixed with old files")
    out_dir.mkdir(parents=True, exist_ok=True)


def write_corpus(out_dir: str | Path, articles: int, recipients: int, data_dir: str | Path,
                 seed: int = 2017) -> CorpusStats:
    """Write a content folder of `articles` articles naming `recipients` recipients in all."""
    out_dir, data_dir = Path(out_dir), Path(data_dir)
    if articles < 1:
        raise ValueError("articles must be at least 1")
    if recipients < 0:
        raise ValueError("recipients must not be negative")
    if recipients > articles * MAX_NAMED_PER_ARTICLE:
        raise ValueError(f"at most {MAX_NAMED_PER_ARTICLE} named recipients per article: "
                         f"give at least {-(-recipients // MAX_NAMED_PER_ARTICLE)} articles")
    registries, problems = load_registries(str(data_dir))
    if problems:
        raise ValueError(report(problems))
    _prepare_out_dir(out_dir)

    rng = random.Random(seed)
    planner = Planner(registries, rng)
    years = _years_for(articles)
    year_of = [years[i % len(years)] for i in range(articles)]
    rng.shuffle(year_of)
    themes = planner.themes_for(articles)
    plans = [planner.article(theme, year) for theme, year in zip(themes, year_of, strict=True)]
    weights = [0 if rng.random() < 0.3 else int(rng.paretovariate(1.3) * 1000) * a.theme.named_weight
               for a in plans]
    budgets = apportion(recipients, weights, [MAX_NAMED_PER_ARTICLE] * articles)
    for plan, budget in zip(plans, budgets, strict=True):
        planner.fill(plan, budget)

    writer = ArticleWriter(registries, rng)
    data_out = out_dir / DATA_FOLDER
    data_out.mkdir()
    for name in (AUTHORITY_FILE, AWARD_FILE, UNIT_FILE):
        shutil.copyfile(data_dir / name, data_out / name)
    used_slugs: set[str] = set()
    made_dirs: set[int] = set()
    lines = named = 0
    for plan in plans:
        title, body = writer.text(plan)
        plan.slug = _unique_slug(slugify(title), used_slugs)
        folder = out_dir / ARTICLE_FOLDER / str(plan.published.year)
        if plan.published.year not in made_dirs:
            folder.mkdir(parents=True, exist_ok=True)
            made_dirs.add(plan.published.year)
        text = writer.header(plan, title) + "\n" + body
        with open(folder / f"{plan.slug}.md", "w", encoding="utf-8", newline="\n") as handle:
            handle.write(text)
        lines += len(plan.lines)
        named += sum(len(line.recipients) for line in plan.lines)
    return CorpusStats(articles, named, lines, tuple(sorted({p.year for p in plans})))


def _unique_slug(base: str, used: set[str]) -> str:
    """Return base, or base-2, base-3… whichever is not taken yet."""
    slug, number = base, 1
    while slug in used:
        number += 1
        slug = f"{base}-{number}"
    used.add(slug)
    return slug


def main(argv: list[str] | None = None) -> int:
    """Command line: corpus --articles N --recipients M --out DIR --data DIR [--seed S]."""
    parser = argparse.ArgumentParser(prog="corpus", description="Write a synthetic content folder.")
    parser.add_argument("--articles", type=int, required=True, help="number of articles")
    parser.add_argument("--recipients", type=int, required=True, help="named recipients in all")
    parser.add_argument("--out", required=True, help="an empty or new folder")
    parser.add_argument("--seed", type=int, default=2017, help="random seed (default 2017)")
    parser.add_argument("--data", required=True, help="the registries folder to copy and obey")
    args = parser.parse_args(argv)
    started = time.perf_counter()
    try:
        stats = write_corpus(args.out, args.articles, args.recipients, args.data, args.seed)
    except (ValueError, OSError) as error:
        print(f"corpus: {error}", file=sys.stderr)
        return 2
    elapsed = time.perf_counter() - started
    print(f"corpus: {stats.articles} articles, {stats.recipients} named recipients, {stats.award_lines} award "
          f"lines, years {stats.years[0]}–{stats.years[-1]}, in {args.out} ({elapsed:.1f} s)")
    return 0


if __name__ == "__main__":  # pragma: no cover
    sys.exit(main())
