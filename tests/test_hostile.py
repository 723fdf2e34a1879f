"""Hostile content: HTML, quotes, entities, formulas and very long text reach readers only as the text they are.

A site is built (with the published settings' absolute URLs) from articles
whose every editor-written text is hostile, and read back the way each
consumer reads it: pages with an HTML parser, JSON-LD with a JSON parser,
feeds with an XML parser, open data with the csv and json modules.
"""

from __future__ import annotations

import csv
import io
import json
import re
import shutil
import xml.etree.ElementTree as ET
from datetime import date, datetime
from pathlib import Path

import pytest
import yaml
from bs4 import BeautifulSoup
from conftest import CONTENT, PUBLISHED_URL, html_files, read_page, run_pelican, write_files
from honours.core.model import MAX_NAME, MAX_TITLE

SITENAME = "Hiệp Hòa – Tin tức và Vinh danh"
ATOM = "{http://www.w3.org/2005/Atom}"
# What Excel and LibreOffice Calc read as the start of a formula (OWASP, "CSV Injection").
SPREADSHEET_FORMULA = ("=", "+", "-", "@", "\t", "\r")

LONG_NAME = ("Nguyễn Thị " + "Hoàng Lan " * 30)[: MAX_NAME - 2] + "n"  # 199 characters
assert len(LONG_NAME) == MAX_NAME - 1
TITLE = "<script>alert(1)</script> \"Tiêu đề\" & 'nháy' &amp; &lt;b&gt; </script><!-- -->"
FORMULA_TITLE = '=HYPERLINK("http://example.com/x","Bấm vào đây")'
LONG_TITLE = ("Hiệp Hòa tổng kết thi đua " * 20)[: MAX_TITLE - 1] + "!"
AUTHOR = "<img src=x onerror=alert(1)> \"Thu\" 'Hà' &amp;"
CATEGORY = '</script><b>Chuyên mục</b> & "x"'
TAGS = ["<script>alert(1)</script>", "=cmd|' /C calc'!A0", "&amp; 'thẻ' \"kép\""]
SUMMARY = "Tóm tắt \"kép\" và 'đơn', a < b & c, =1+1"
DECISION = '=1+2/<QĐ>&amp;"x"'
NOTE = "<script>alert(1)</script> \"ghi chú\" & 'x' </script>" + " rất dài" * 200
UNIT_NAME = "Thôn \"Đông\" & 'Tây' <b>Bắc</b> &amp;"
NAMES = ["<img src=x onerror=alert(1)>", "=1+1 Nguyễn", "+Trần Văn Bình", "-Lê Thị Cúc", "@Phạm Văn Dũng",
         "Nguyễn \"Văn\" O'Brien &amp; &lt;b&gt;", "</script><script>alert(2)</script>", LONG_NAME]
HOUSEHOLD = "</script>Hộ <b>Lê</b> \"Văn\" 'Tám'"


def front_matter(data: dict, body: str = "Nội dung bài.\n") -> str:
    return "---\n" + yaml.safe_dump(data, allow_unicode=True, sort_keys=False, width=100_000) + "---\n" + body


HOSTILE = {
    "title": TITLE,
    "date": datetime(2018, 2, 1, 8, 0),
    "author": AUTHOR,
    "category": CATEGORY,
    "tags": TAGS,
    "summary": SUMMARY,
    "slug": "bai-doc-hai",
    "units": ["thon-dong-tay", "xa-hoa-son"],
    "honours": {"year": 2017, "awards": [{
        "by": "chu-tich-ubnd-huyen",
        "award": "giay-khen",
        "decision_number": DECISION,
        "decision_date": date(2018, 1, 20),
        "note": NOTE,
        "recipients": [
            {"unit": "thon-dong-tay"},
            *({"name": name, "unit": "xa-hoa-son"} for name in NAMES),
            {"household": HOUSEHOLD, "unit": "xa-hoa-son"},
        ],
    }]},
}  # fmt: skip


def plain(title: str, slug: str) -> dict:
    return {"title": title, "date": datetime(2018, 3, 1, 8, 0), "author": "@Ban biên tập", "slug": slug,
            "honours": {"awards": [{"by": "chu-tich-ubnd-huyen", "award": "giay-khen", "collectives": 1}]}}


ARTICLES = {
    "tin-tuc/2018/bai-doc-hai.md": front_matter(HOSTILE),
    "tin-tuc/2018/bai-cong-thuc.md": front_matter(plain(FORMULA_TITLE, "bai-cong-thuc")),
    "tin-tuc/2018/bai-tieu-de-dai.md": front_matter(plain(LONG_TITLE, "bai-tieu-de-dai")),
}
PAGE = "tin-tuc/2018/02/bai-doc-hai/"


@pytest.fixture(scope="module")
def site(tmp_path_factory) -> Path:
    """The hostile articles, and a unit with a hostile name, built with absolute URLs."""
    base = tmp_path_factory.mktemp("hostile")
    shutil.copytree(CONTENT / "data", base / "content/data")
    units = base / "content/data/units.yml"
    extra = yaml.safe_dump([{"slug": "thon-dong-tay", "name": UNIT_NAME, "kind": "thon", "parent": "xa-hoa-son"}],
                           allow_unicode=True, sort_keys=False)
    units.write_text(units.read_text(encoding="utf-8") + "\n" + extra, encoding="utf-8")
    write_files(base / "content", ARTICLES)
    return run_pelican(base / "content", base / "output", SITEURL=PUBLISHED_URL, FEED_DOMAIN=PUBLISHED_URL)


# --- HTML -----------------------------------------------------------------------------------------------------------


def injected(soup: BeautifulSoup) -> list:
    """Elements an attacker would want: scripts that are not the site's, event handlers, the test's images.

    (JSON-LD holds the texts as data: it is read back separately.)
    """
    scripts = [s for s in soup.find_all("script") if s.get("type") != "application/ld+json"
               and ("alert" in s.get_text() or "alert" in s.get("src", ""))]
    handlers = soup.find_all(lambda tag: any(name.lower().startswith("on") for name in tag.attrs))
    images = soup.find_all("img", src="x")
    return scripts + handlers + images


def test_no_page_carries_an_injected_element(site):
    pages = html_files(site)
    assert len(pages) > 50
    for path in pages:
        soup = BeautifulSoup(path.read_text(encoding="utf-8"), "html.parser")
        assert injected(soup) == [], path


def test_the_article_page_shows_every_text_as_written(site):
    page = read_page(site, PAGE)
    assert page.h1.get_text() == TITLE
    assert page.title.get_text() == f"{TITLE} – {SITENAME}"
    assert page.find("meta", property="og:title")["content"] == f"{TITLE} – {SITENAME}"
    assert page.find("meta", attrs={"name": "description"})["content"] == SUMMARY
    meta = page.select_one("header .meta")
    assert [a.get_text() for a in meta.find_all("a")] == [CATEGORY, AUTHOR]
    assert [a.get_text() for a in page.select("p.tags a")] == TAGS
    cell = page.select_one("table.awards tbody td:nth-of-type(2)")
    assert [s.get_text() for s in cell.find_all("small")] == [f"Quyết định số {DECISION} ngày 20/01/2018", NOTE]
    items = [li.get_text() for li in cell.select("ul.recipients li")]
    assert items == [UNIT_NAME, *(f"{n} – Xã Hòa Sơn" for n in NAMES), f"{HOUSEHOLD} (hộ gia đình) – Xã Hòa Sơn"]


def test_rolls_unit_tag_category_and_author_pages_show_the_texts(site):
    article = read_page(site, PAGE)
    links = {a.get_text(): a["href"].removeprefix(PUBLISHED_URL) for a in article.select("main a")}
    expected = {
        "/khen-thuong/2017/": [*NAMES, HOUSEHOLD, UNIT_NAME],
        "/don-vi/xa-hoa-son/": [*NAMES, HOUSEHOLD],
        "/don-vi/thon-dong-tay/": [UNIT_NAME, TITLE],
        links[CATEGORY]: [CATEGORY, TITLE],
        links[AUTHOR]: [AUTHOR, TITLE],
        **{links[tag]: [tag, TITLE] for tag in TAGS},
        "/tin-tuc/": [TITLE, FORMULA_TITLE, LONG_TITLE],
        "/": [TITLE],
    }
    for url, texts in expected.items():
        shown = read_page(site, url).get_text()
        for text in texts:
            assert text in shown, (url, text)


def test_json_ld_parses_back_and_cannot_end_early(site):
    raw = (site / PAGE / "index.html").read_text(encoding="utf-8")
    opening = re.search(r'<script type="application/ld\+json">', raw)
    end = raw.lower().index("</script", opening.end())
    data = json.loads(raw[opening.end(): end])  # what a browser hands the script: up to the first </script
    assert raw[end:].startswith("</script>\n")
    assert data["headline"] == TITLE
    assert data["description"] == SUMMARY
    assert data["author"] == [{"@type": "Person", "name": AUTHOR}]
    parsed = read_page(site, PAGE).find("script", type="application/ld+json")
    assert json.loads(parsed.get_text()) == data


def test_search_metadata_parses_back(site):
    for url in (PAGE, "/khen-thuong/2017/"):
        spans = read_page(site, url).select("[data-pagefind-meta]")
        units = [s["data-value"] for s in spans if s["data-pagefind-meta"].startswith("don_vi")]
        assert UNIT_NAME in units[0].split("|"), url


# --- feeds ----------------------------------------------------------------------------------------------------------


def entries(feed: Path) -> dict[str, ET.Element]:
    root = ET.parse(feed).getroot()
    return {e.find(f"{ATOM}title").text: e for e in root.iter(f"{ATOM}entry")}


def test_feeds_give_back_titles_authors_and_categories(site):
    found = entries(site / "tin-tuc/feed.xml")
    assert {TITLE, FORMULA_TITLE, LONG_TITLE} <= set(found)
    entry = found[TITLE]
    assert entry.find(f"{ATOM}author/{ATOM}name").text == AUTHOR
    assert [c.get("term") for c in entry.iter(f"{ATOM}category")] == [CATEGORY, *TAGS]
    unit_feed = site / "don-vi/thon-dong-tay/feed.xml"
    assert ET.parse(unit_feed).getroot().find(f"{ATOM}title").text == f"{SITENAME} - {UNIT_NAME}"
    assert set(entries(unit_feed)) == {TITLE}
    category = read_page(site, PAGE).select_one("header .meta a")["href"].removeprefix(PUBLISHED_URL)
    category_feed = site / category.strip("/") / "feed.xml"
    assert ET.parse(category_feed).getroot().find(f"{ATOM}title").text == f"{SITENAME} - {CATEGORY}"


# --- open data ------------------------------------------------------------------------------------------------------


def read_csv(path: Path) -> list[dict]:
    text = path.read_text(encoding="utf-8")
    assert text.startswith("\ufeff")
    return list(csv.DictReader(io.StringIO(text[1:])))


def assert_nothing_evaluates(rows: list[dict]) -> None:
    """No cell starts as a spreadsheet formula; a leading ' appears only where one would otherwise."""
    for row in rows:
        for key, cell in row.items():
            assert not cell.startswith(SPREADSHEET_FORMULA), (key, cell)
            assert not cell.startswith("'") or cell[1:].startswith(SPREADSHEET_FORMULA), (key, cell)


def test_json_gives_back_the_texts(site):
    records = json.loads((site / "du-lieu/khen-thuong.json").read_text(encoding="utf-8"))
    by_title = {r["title"]: r for r in records}
    assert set(by_title) == {TITLE, FORMULA_TITLE, LONG_TITLE}
    hostile = by_title[TITLE]
    assert (hostile["decision_number"], hostile["note"]) == (DECISION, NOTE)
    assert hostile["individuals"] == len(NAMES) and hostile["households"] == 1


@pytest.mark.parametrize("name", ["khen-thuong.csv", "khen-thuong-2017.csv"])
def test_csv_prefixes_exactly_the_cells_a_spreadsheet_would_evaluate(site, name):
    records = json.loads((site / "du-lieu/khen-thuong.json").read_text(encoding="utf-8"))
    if name != "khen-thuong.csv":
        records = [r for r in records if r["year"] == 2017]
    rows = read_csv(site / "du-lieu" / name)
    assert len(rows) == len(records) and [list(row) for row in rows] == [list(r) for r in records]
    assert_nothing_evaluates(rows)
    hostile = next(row for row in rows if row["title"] == TITLE)
    assert (hostile["decision_number"], hostile["note"], hostile["decision_date"]) == ("'" + DECISION, NOTE,
                                                                                        "2018-01-20")
    assert (hostile["individuals"], hostile["households"], hostile["illustrative"]) == (str(len(NAMES)), "1",
                                                                                        "false")
    if name == "khen-thuong.csv":
        assert {"'" + FORMULA_TITLE, LONG_TITLE} <= {row["title"] for row in rows}


def test_recipients_csv_gives_back_every_name(site):
    rows = [r for r in read_csv(site / "du-lieu/nguoi-nhan.csv") if r["url"].endswith(PAGE)]
    assert [r["name"] for r in rows] == [UNIT_NAME, NAMES[0], "'=1+1 Nguyễn", "'+Trần Văn Bình", "'-Lê Thị Cúc",
                                         "'@Phạm Văn Dũng", *NAMES[5:], HOUSEHOLD]
    assert {r["decision_number"] for r in rows} == {"'" + DECISION}
    assert_nothing_evaluates(rows)
