"""The real content, built as readers get it."""

from __future__ import annotations

import json
from pathlib import Path

import yaml
from conftest import CONTENT, read_page
from honours.core.frontmatter import HEADER_RE

SEED_URL = "/tin-tuc/2018/02/hiep-hoa-tong-ket-phong-trao-thi-dua-khen-thuong-nam-2017/"


def published_markdown_files() -> list[Path]:
    """Markdown articles that are not drafts, read independently of the plugin."""
    found = []
    for path in sorted((CONTENT / "tin-tuc").rglob("*.md")):
        header = yaml.safe_load(HEADER_RE.fullmatch(path.read_text(encoding="utf-8")).group("metadata"))
        if header.get("status", "published") != "draft":
            found.append(path)
    return found


def test_seed_article_page(demo_site):
    page = read_page(demo_site, SEED_URL)
    assert page.html["lang"] == "vi"
    assert page.h1.get_text() == "Hiệp Hòa tổng kết phong trào thi đua, khen thưởng năm 2017"
    assert page.find("time")["datetime"].startswith("2018-02-01T08:00:00+07:00")
    assert "Thứ Năm, 01/02/2018" in page.find("time").get_text()
    table = page.find("table", class_="awards")
    rows = table.tbody.find_all("tr")
    assert len(rows) == 8
    footer = [cell.get_text() for cell in table.tfoot.find_all(["th", "td"])]
    assert footer[1:] == ["72", "52", "0"]
    assert "124" in footer[0]


def test_open_data_of_the_seed_year(demo_site):
    records = json.loads((demo_site / "du-lieu/khen-thuong.json").read_text(encoding="utf-8"))
    seed = [r for r in records if r["url"] == SEED_URL]
    assert len(seed) == 8
    assert {r["year"] for r in seed} == {2017}
    collectives = sum(r["collectives"] for r in seed)
    individuals = sum(r["individuals"] for r in seed)
    assert (collectives, individuals, collectives + individuals) == (72, 52, 124)


def test_open_data_csv_matches_json(demo_site):
    import csv

    records = json.loads((demo_site / "du-lieu/khen-thuong.json").read_text(encoding="utf-8"))
    with open(demo_site / "du-lieu/khen-thuong.csv", encoding="utf-8-sig", newline="") as handle:
        rows = list(csv.DictReader(handle))
    assert len(rows) == len(records)
    for row, record in zip(rows, records, strict=True):
        assert row["url"] == record["url"]
        assert int(row["collectives"]) == record["collectives"]
        assert int(row["individuals"]) == record["individuals"]
        assert row["award_name"] == record["award_name"]


def test_no_article_is_lost(demo_site):
    expected = published_markdown_files()
    pages = [p for p in (demo_site / "tin-tuc").glob("[0-9][0-9][0-9][0-9]/[0-9][0-9]/*/index.html")]
    assert len(expected) >= 1
    assert len(pages) == len(expected)
