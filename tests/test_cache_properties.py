"""The page cache cannot serve a stale page: after any sequence of edits a warm rebuild is a fresh build.

Each example builds a small site with the page cache, applies random edits
(an award line's count, a recipient's unit, a registry name, a template, a
setting, an article added, removed or turned into a draft), rebuilds warm
after each, and compares the last warm build with a fresh one byte for byte.
"""

from __future__ import annotations

import filecmp
import shutil
import tempfile
from dataclasses import dataclass, field
from pathlib import Path

from conftest import CONTENT, ROOT, run_pelican
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

UNITS = ("xa-hoa-son", "xa-chau-minh", "xa-danh-thang", "thi-tran-thang")
TEMPLATES = ("article.html", "unit.html", "honours_year.html", "stats_year.html", "partials")
SETTINGS = (
    {}, {"HONOURS_ROLL_INLINE_LIMIT": 1}, {"SITESUBTITLE": "Tin tức của huyện"}, {"HONOURS_STATS_TOP_UNITS": 2},
)
SMALL = {"HONOURS_SEARCH_INDEX": False, "HONOURS_ADMIN_SAVE_AS": ""}


@dataclass
class Site:
    """The small site an example edits: its articles (number -> fields), registries, theme and settings."""

    folder: Path
    articles: dict[int, dict] = field(default_factory=dict)
    settings: dict = field(default_factory=dict)
    renamed: bool = False
    runs: int = 0

    @property
    def content(self) -> Path:
        return self.folder / "content"

    def write_article(self, number: int) -> None:
        fields = self.articles[number]
        path = self.content / "tin-tuc" / "2018" / f"bai-{number}.md"
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(
            f"---\ntitle: Khen thưởng số {number}\ndate: 2018-02-{number + 1:02d} 08:00\n"
            f"status: {fields['status']}\nunits: [{fields['unit']}]\nhonours:\n  year: {fields['year']}\n"
            "  awards:\n    - by: chu-tich-ubnd-huyen\n      award: giay-khen\n"
            f"      collectives: {fields['count']}\n      recipients:\n        - unit: {fields['unit']}\n"
            f"        - name: Nguyễn Văn {chr(65 + number)}\n          unit: {fields['unit']}\n"
            f"---\nNội dung bài số {number}.\n", encoding="utf-8")  # fmt: skip

    def build(self, output: str, cached: bool = True) -> Path:
        cache = {"CACHE_CONTENT": True, "LOAD_CONTENT_CACHE": True, "CACHE_PATH": str(self.folder / "cache")}
        return run_pelican(self.content, self.folder / output, THEME=str(self.folder / "theme"), **SMALL,
                           **self.settings, **(cache if cached else {}))


def new_site(folder: Path) -> Site:
    site = Site(folder)
    shutil.copytree(CONTENT / "data", site.content / "data")
    shutil.copytree(ROOT / "theme", folder / "theme")
    for number in range(3):
        site.articles[number] = {"count": 2 + number, "unit": UNITS[number], "status": "published", "year": 2017}
        site.write_article(number)
    return site


def apply(site: Site, edit: tuple) -> None:
    """Make one edit an editor or a developer could make."""
    kind, pick, value = edit
    numbers = sorted(site.articles)
    number = numbers[pick % len(numbers)] if numbers else None
    if kind == "count" and number is not None:
        site.articles[number]["count"] = value
    elif kind == "unit" and number is not None:
        site.articles[number]["unit"] = UNITS[value % len(UNITS)]
    elif kind == "year" and number is not None:
        site.articles[number]["year"] = 2016 + value % 3
    elif kind == "status" and number is not None:
        site.articles[number]["status"] = "draft" if site.articles[number]["status"] == "published" else "published"
    elif kind == "remove" and number is not None:
        del site.articles[number]
        (site.content / "tin-tuc" / "2018" / f"bai-{number}.md").unlink()
        return
    elif kind == "add":
        number = max(numbers, default=-1) + 1
        site.articles[number] = {"count": value, "unit": UNITS[pick % len(UNITS)], "status": "published",
                                 "year": 2017}
    elif kind == "registry":
        units = site.content / "data" / "units.yml"
        old, new = ("name: Châu Minh\n", "name: Châu Minh Mới\n")[:: -1 if site.renamed else 1]
        units.write_text(units.read_text(encoding="utf-8").replace(old, new), encoding="utf-8")
        site.renamed = not site.renamed
        return
    elif kind == "template":
        name = TEMPLATES[pick % len(TEMPLATES)]
        target = site.folder / "theme" / "templates" / name
        if target.is_dir():
            target = sorted(target.glob("*.html"))[0]
        text = target.read_text(encoding="utf-8")
        target.write_text(text.replace("</", f"<!-- {value} --></", 1), encoding="utf-8")
        return
    elif kind == "setting":
        site.settings = SETTINGS[value % len(SETTINGS)]
        return
    if number is not None and number in site.articles:
        site.write_article(number)


edits = st.tuples(
    st.sampled_from(("count", "unit", "year", "status", "remove", "add", "registry", "template", "setting")),
    st.integers(0, 5), st.integers(1, 9),
)  # fmt: skip


def same_files(first: Path, second: Path) -> None:
    names = sorted(str(p.relative_to(first)) for p in first.rglob("*") if p.is_file())
    assert names == sorted(str(p.relative_to(second)) for p in second.rglob("*") if p.is_file())
    _, mismatch, errors = filecmp.cmpfiles(first, second, names, shallow=False)
    assert (mismatch, errors) == ([], []), "the warm rebuild kept stale pages"


@settings(max_examples=8, derandomize=True, database=None, deadline=None,
          suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(edits, min_size=1, max_size=3))
def test_a_warm_rebuild_after_any_edits_is_byte_identical_to_a_fresh_build(sequence):
    with tempfile.TemporaryDirectory() as folder:
        site = new_site(Path(folder))
        site.build("warm")
        for step, edit in enumerate(sequence):
            apply(site, edit)
            warm = site.build(f"warm-{step}")
        same_files(warm, site.build("fresh", cached=False))
