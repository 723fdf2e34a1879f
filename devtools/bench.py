"""`invoke bench`: the full site against stock Pelican on one synthetic corpus.

Both builds run as separate processes, in turn (full, stock, full, stock…)
so that a noisy machine slows both alike; the JSON line reports medians and
their ratio. `warm_s` is a rebuild with Pelican's content cache after one
article was touched; `search_index_s` times Pagefind alone on the full site.
The work folder is in memory (/dev/shm) when the machine has one, so that
the figures measure the build rather than the disk; `--workdir` chooses
another place.
"""

from __future__ import annotations

import argparse
import asyncio
import json
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from honours.pages.search import write_index
from honours.settings import registry_folder
from pelican.settings import read_settings

from .corpus import write_corpus

STOCK_SETTINGS = """\
# Stock Pelican: default theme and URLs, YAML front-matter only.
PATH = {content!r}
TIMEZONE = "Asia/Ho_Chi_Minh"
DEFAULT_LANG = "vi"
PLUGINS = ["pelican.plugins.yaml_metadata"]
READERS = {{"rst": None, "html": None, "htm": None}}
ARTICLE_PATHS = ["tin-tuc"]
CACHE_CONTENT = False
LOAD_CONTENT_CACHE = False
"""


def timed_run(command: list[str], cwd: Path) -> tuple[float, float]:
    """Run a command; return (wall seconds, peak resident memory in MiB)."""
    started = time.perf_counter()
    process = subprocess.Popen(command, cwd=cwd, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    _, status, usage = os.wait4(process.pid, 0)
    elapsed = time.perf_counter() - started
    stderr = process.stderr.read().decode("utf-8", "replace")
    process.stderr.close()
    if os.waitstatus_to_exitcode(status) != 0:
        raise RuntimeError(f"build failed: {' '.join(command)}\n{stderr[-3000:]}")
    return elapsed, usage.ru_maxrss / 1024


def pelican(content: Path, settings: Path, output: Path, *extra: str) -> list[str]:
    return [sys.executable, "-m", "pelican", str(content), "-s", str(settings), "-o", str(output),
            "--fatal", "errors", "-q", *extra]


def run_bench(articles: int, recipients: int, runs: int, workdir: Path, settings: Path) -> dict:
    """Build the corpus both ways `runs` times; return the figures."""
    content = workdir / "content"
    site = read_settings(str(settings))
    write_corpus(content, articles, recipients, registry_folder(site))
    stock_settings = workdir / "stock.py"
    stock_settings.write_text(STOCK_SETTINGS.format(content=str(content)), encoding="utf-8")
    full_command = pelican(content, settings, workdir / "full", "-e", "HONOURS_SEARCH_INDEX=false")
    stock_command = pelican(content, stock_settings, workdir / "stock")
    full, stock, memory = [], [], []
    for _ in range(runs):
        seconds, peak = timed_run(full_command, settings.parent)
        full.append(seconds)
        memory.append(peak)
        stock.append(timed_run(stock_command, settings.parent)[0])
    pages = sum(1 for _ in (workdir / "full").rglob("*.html"))
    started = time.perf_counter()
    asyncio.run(write_index(str(workdir / "full")))
    search_seconds = time.perf_counter() - started
    warm = warm_rebuilds(content, workdir, runs, settings)
    full_s, stock_s = statistics.median(full), statistics.median(stock)
    return {
        "articles": articles,
        "recipients": recipients,
        "pages": pages,
        "stock_s": round(stock_s, 2),
        "full_s": round(full_s, 2),
        "ratio": round(full_s / stock_s, 3),
        "warm_s": round(statistics.median(warm), 2),
        "peak_rss_mb": round(max(memory)),
        "search_index_s": round(search_seconds, 2),
    }


def warm_rebuilds(content: Path, workdir: Path, runs: int, settings: Path) -> list[float]:
    """Rebuild with Pelican's content cache after touching one article each time."""
    cache = ["-e", "CACHE_CONTENT=true", "LOAD_CONTENT_CACHE=true", f'CACHE_PATH="{workdir / "cache"}"',
             "HONOURS_SEARCH_INDEX=false"]
    command = pelican(content, settings, workdir / "warm", *cache)
    timed_run(command, settings.parent)  # fills the cache
    article = sorted((content / "tin-tuc").rglob("*.md"))[0]
    times = []
    for _ in range(runs):
        article.write_text(article.read_text(encoding="utf-8") + "\n", encoding="utf-8")
        times.append(timed_run(command, settings.parent)[0])
    return times


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="bench", description=__doc__.splitlines()[0])
    parser.add_argument("--articles", type=int, default=3000)
    parser.add_argument("--recipients", type=int, default=30000)
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("-s", "--settings", default="pelicanconf.py", help="the site's Pelican settings")
    parser.add_argument("--workdir", help="parent folder of the temporary work folder (default: /dev/shm if any)")
    args = parser.parse_args(argv)
    parent = args.workdir or ("/dev/shm" if os.path.isdir("/dev/shm") and os.access("/dev/shm", os.W_OK) else None)
    with tempfile.TemporaryDirectory(prefix="honours-bench-", dir=parent) as folder:
        result = run_bench(args.articles, args.recipients, args.runs, Path(folder), Path(args.settings).resolve())
    print(json.dumps(result))
    return 0


if __name__ == "__main__":  # pragma: no cover
    sys.exit(main())
