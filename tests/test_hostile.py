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
from honours.core.model import MAX_DECISION_NUMBER, MAX_NAME, MAX_NOTE, MAX_TITLE, parse_article
from honours.core.problems import ContentErrors
from honours.core.registries import load_registries
from honours.core.validation import Checker

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


# --- what is refused --------------------------------------------------------------------------------------------------

ARTICLE = "tin-tuc/2018/bai-kiem-tra.md"


def stopped(build_site, files, **settings) -> list:
    with pytest.raises(ContentErrors) as error:
        build_site(files, **settings)
    return error.value.problems


def test_control_characters_in_names_and_titles_are_content_errors(build_site):
    data = {
        "title": "Bài\u0007 kiểm tra",
        "date": datetime(2018, 2, 1, 8, 0),
        "author": "Thu\u001bHà",
        "category": "Thi\u009bđua",  # (a NEL, \u0085, is a line break to YAML: read as a space)
        "tags": ["khen thưởng", "thi\u0000đua"],
        "honours": {"year": 2017, "awards": [{
            "by": "chu-tich-ubnd-huyen", "award": "giay-khen",
            "recipients": [{"name": "Nguyễn\u2028Văn An", "unit": "xa-hoa-son"},
                           {"household": "Hộ\tông Bình", "unit": "xa-hoa-son"}],
            "decision_number": "125/QĐ\u200b-UBND\u007f",
        }]},
    }  # fmt: skip
    problems = stopped(build_site, {ARTICLE: front_matter(data)})
    assert {p.field for p in problems} == {
        "title", "author", "category", "tags[2]", "honours.awards[1].recipients[1].name",
        "honours.awards[1].recipients[2].household", "honours.awards[1].decision_number",
    }
    for problem in problems:
        assert problem.path.endswith(ARTICLE) and problem.line > 0
        assert "ký tự điều khiển" in problem.message and problem.hint


REGISTRIES = load_registries(str(CONTENT / "data"))[0]


def parsed(**changes) -> list:
    """Problems of a small valid article with some values changed (None removes a key)."""
    line = {"by": "chu-tich-ubnd-huyen", "award": "giay-khen", "decision_number": "125/QĐ-UBND", "note": "Ghi chú",
            "recipients": [{"name": "Nguyễn Văn An", "unit": "xa-hoa-son"},
                           {"household": "Hộ ông Bình", "unit": "xa-hoa-son"}]}
    data = {"title": "Bài", "slug": "bai", "date": datetime(2018, 2, 1, 8, 0),
            "honours": {"year": 2017, "awards": [line]}}
    for key, value in changes.items():
        if key in ("name", "household"):
            line["recipients"][0 if key == "name" else 1][key] = value
        elif key in line:
            line[key] = value
        else:
            data[key] = value
    check = Checker("bai.md", lambda path: 1)
    parse_article(check, data, REGISTRIES, "bai.md")
    return check.problems


@pytest.mark.parametrize(("key", "limit", "field"), [
    ("title", MAX_TITLE, "title"),
    ("name", MAX_NAME, "honours.awards[1].recipients[1].name"),
    ("household", MAX_NAME, "honours.awards[1].recipients[2].household"),
    ("decision_number", MAX_DECISION_NUMBER, "honours.awards[1].decision_number"),
    ("note", MAX_NOTE, "honours.awards[1].note"),
    ("author", MAX_NAME, "author"),
    ("category", MAX_NAME, "category"),
])  # fmt: skip
def test_longest_texts(key, limit, field):
    assert parsed(**{key: "Đ" * limit}) == []
    (problem,) = parsed(**{key: "Đ" * (limit + 1)})
    assert problem.field == field
    dotted = [f"{n:,}".replace(",", ".") for n in (limit + 1, limit)]  # 2.001: Vietnamese thousands
    assert problem.message == f"quá dài ({dotted[0]} ký tự, tối đa {dotted[1]})"
    assert problem.hint


def test_a_name_of_199_characters_builds_and_one_of_201_stops_the_build(build_site):
    article = {**HOSTILE, "title": "Bài", "slug": "bai", "units": [], "tags": [], "author": "A", "category": "B"}
    article["honours"] = {"year": 2017, "awards": [{"by": "chu-tich-ubnd-huyen", "award": "giay-khen",
                                                    "recipients": [{"name": LONG_NAME, "unit": "xa-hoa-son"}]}]}
    output = build_site({ARTICLE: front_matter(article)})
    assert LONG_NAME in read_page(output, "/khen-thuong/2017/").get_text()
    article["honours"]["awards"][0]["recipients"][0]["name"] = LONG_NAME + "ab"
    (problem,) = stopped(build_site, {ARTICLE: front_matter(article)})
    assert problem.path.endswith(ARTICLE)
    assert problem.field == "honours.awards[1].recipients[1].name"
    assert problem.message == "quá dài (201 ký tự, tối đa 200)"


def test_a_note_may_have_several_lines(build_site):
    article = plain("Bài", "bai")
    article["honours"]["awards"][0]["note"] = "Dòng một.\nDòng hai."
    output = build_site({ARTICLE: front_matter(article)})
    records = json.loads((output / "du-lieu/khen-thuong.json").read_text(encoding="utf-8"))
    assert records[0]["note"] == "Dòng một.\nDòng hai."


# --- raw HTML in Markdown ---------------------------------------------------------------------------------------------

BODIES = {
    "script": ("Đoạn mở đầu.\n\n<script>alert(1)</script>\n", "<script>", "có thẻ HTML <script>"),
    "handler": ('Xem <a href="#" onclick="alert(1)">tại đây</a>.\n', "onclick", "có thuộc tính HTML 'onclick'"),
    "link": ("Xem [tại đây](javascript:alert(1)).\n", "javascript:", "có đường dẫn 'javascript:'"),
    "html link": ('Xem <a href="javascript:alert(1)">tại đây</a>.\n', "javascript:", "có đường dẫn 'javascript:'"),
}


@pytest.mark.parametrize("kind", BODIES)
def test_raw_scripts_in_a_body_stop_the_build_unless_allowed(build_site, kind):
    body, _, message = BODIES[kind]
    article = front_matter(plain("Bài", "bai"), body)
    (problem,) = stopped(build_site, {ARTICLE: article})
    assert problem.path.endswith(ARTICLE) and problem.field == "nội dung" and problem.hint
    assert message in problem.message
    assert problem.line == article.count("\n", 0, article.index(body.strip().splitlines()[-1])) + 1
    build_site({ARTICLE: article}, HONOURS_ALLOW_RAW_HTML=True)  # the site's owner may allow it


@pytest.mark.parametrize("kind", BODIES)
def test_the_same_inside_code_is_shown_as_code(build_site, kind):
    body, shown, _ = BODIES[kind]
    source = body.strip().splitlines()[-1]
    code = f"Đoạn mã:\n\n```html\n{source}\n```\n\nHoặc `{source}` trong câu.\n"
    output = build_site({ARTICLE: front_matter(plain("Bài", "bai"), code)})
    page = read_page(output, "/tin-tuc/2018/03/bai/")
    assert injected(page) == []
    assert [c.get_text().strip() for c in page.select("main code")] == [source, source]
    assert shown in page.select_one("main pre").get_text()


# What only the HTML that Markdown makes shows: entity-encoded schemes, reference links, HTML around code marks.
HIDDEN = {
    "reference link": ("Xem [tại đây][1].\n\n[1]: javascript:alert(1)\n", "có đường dẫn 'javascript:'"),
    "encoded scheme": ('Xem <a href="&#106;avascript:alert(1)">tại đây</a>.\n', "có đường dẫn 'javascript:'"),
    "encoded link": ("Xem [tại đây](&#106;ava&#x09;script:alert(1)).\n", "có đường dẫn 'javascript:'"),
    "code marks in HTML": ("<div>`<script>alert(1)</script>`</div>\n", "có thẻ HTML <script>"),
    "unclosed fence": ("~~~\n<script>alert(1)</script>\n", "có thẻ HTML <script>"),
    "indented fence": ("  ~~~\n<script>alert(1)</script>\n  ~~~\n", "có thẻ HTML <script>"),
    "media from elsewhere": ('<video src="https://example.org/v.mp4"></video>\n', "lấy từ trang web khác"),
    "comment parsers disagree on": ("```\n<!--><script>alert(1)</script>-->\n````\n", "chú thích"),
    "attribute list": ('[Xem](/tin-tuc/){: onmouseover="alert(1)" }\n', "có thuộc tính HTML 'onmouseover'"),
    "attribute list image": ("Đoạn văn.\n{: style=\"background:url(//example.org/t.png)\" }\n",
                             "có thuộc tính HTML 'style'"),
    "svg animation": ('<svg><a><animate attributeName="href" values="javascript:alert(1)"/></a></svg>\n',
                      "có thẻ HTML <svg>"),
    "backslash host": ('<picture><source srcset="/\\example.org/y.webp"></picture>\n', "lấy từ trang web khác"),
    "table background": ('<table background="https://example.org/t.png"><tr><td>x</td></tr></table>\n',
                         "có thuộc tính HTML 'background'"),
    "noscript": ('<noscript><p title="</noscript><a href=x>Bấm</a>"></noscript>\n', "có thẻ HTML <noscript>"),
}


@pytest.mark.parametrize("kind", HIDDEN)
def test_the_html_markdown_makes_is_checked_too(build_site, kind):
    body, message = HIDDEN[kind]
    problems = stopped(build_site, {ARTICLE: front_matter(plain("Bài", "bai"), body)})
    assert all(p.path.endswith(ARTICLE) and p.field == "nội dung" and p.hint for p in problems)
    assert any(message in p.message for p in problems)


def test_a_lone_carriage_return_cannot_hide_a_body_from_the_check(build_site):
    # Pelican reads "\r" as a line end: "..." then ends the header and the script is in the body.
    article = front_matter(plain("Bài", "bai")).replace("slug: bai\n", "slug: bai\r...\r<script>alert(1)</script>\r\n")
    (problem,) = stopped(build_site, {ARTICLE: article})
    assert "có thẻ HTML <script>" in problem.message


def test_windows_line_ends_are_read_like_any_other(build_site):
    article = front_matter(plain("Bài có dòng kiểu Windows", "bai"), "Đoạn một.\n\nĐoạn hai.\n")
    output = build_site({ARTICLE: article.replace("\n", "\r\n")})
    page = read_page(output, "/tin-tuc/2018/03/bai/")
    assert page.h1.get_text(strip=True) == "Bài có dòng kiểu Windows"
    paragraphs = [p.get_text() for p in page.select("main article p")]
    assert paragraphs.index("Đoạn hai.") == paragraphs.index("Đoạn một.") + 1


def test_raw_scripts_in_a_summary_stop_the_build(build_site):
    article = front_matter({**plain("Bài", "bai"), "summary": "Tóm tắt <img src=x onerror=alert(1)>"})
    (problem,) = stopped(build_site, {ARTICLE: article})
    assert problem.field == "summary" and "onerror" in problem.message
    assert problem.line == article.splitlines().index(next(x for x in article.splitlines()
                                                           if x.startswith("summary:"))) + 1


@pytest.mark.parametrize("character", ["\x00", "\x0b", "\x0c", "\x1b"])
def test_a_control_character_in_a_body_is_a_content_error(build_site, character):
    article = front_matter(plain("Bài", "bai"), f"Dòng một.\nDòng{character} hai.\n")
    (problem,) = stopped(build_site, {ARTICLE: article})
    assert problem.field == "nội dung" and "ký tự điều khiển" in problem.message
    assert problem.line == article.split("\n").index(f"Dòng{character} hai.") + 1
