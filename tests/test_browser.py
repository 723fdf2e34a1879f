"""The built demo site in real headless Chromium: accessibility, search and no-JavaScript use."""

from __future__ import annotations

import re

import pytest
from bs4 import BeautifulSoup
from conftest import read_page

pytestmark = pytest.mark.browser

SEED = "/tin-tuc/2018/02/hiep-hoa-tong-ket-phong-trao-thi-dua-khen-thuong-nam-2017/"
PAGES = ["/", SEED, "/khen-thuong/2017/", "/don-vi/xa-duc-thang/", "/thong-ke/2017/", "/tim-kiem/",
         "/chuyen-muc/thi-dua-khen-thuong/"]
# Phone and desktop widths, and the phone again with the dark colour scheme.
VIEWS = {"phone": (390, "light"), "desktop": (1280, "light"), "phone-dark": (390, "dark")}


@pytest.fixture(scope="module")
def axe():
    from axe_playwright_python.sync_playwright import Axe

    return Axe()


@pytest.mark.parametrize("view", VIEWS.values(), ids=VIEWS.keys())
@pytest.mark.parametrize("path", PAGES)
def test_no_accessibility_violations(browser, axe, site_url, path, view):
    width, scheme = view
    page = browser.new_page(viewport={"width": width, "height": 900}, color_scheme=scheme)
    requests = []
    page.on("request", lambda request: requests.append(request.url))
    page.goto(site_url + path)
    page.wait_for_load_state("networkidle")
    results = axe.run(page)
    violations = [(v["id"], v["help"], [n["target"] for n in v["nodes"]][:3]) for v in results.response["violations"]]
    title = page.title()
    page.close()
    assert title and "404" not in title
    assert violations == []
    assert all(url.startswith(site_url) or url.startswith("data:") for url in requests), "request to another host"


def search(browser, site_url, query, kind=None):
    """Type a query on the search page; return the results as (url, title, excerpt)."""
    page = browser.new_page()
    page.goto(site_url + "/tim-kiem/")
    page.wait_for_selector("#tim-kiem[data-ready='true']")  # the index has loaded
    if kind:
        page.select_option("#loc-loai", kind)
    page.fill("#tu-khoa", query)
    page.wait_for_function("document.querySelector('.search-status').textContent.includes('kết quả')")
    while page.is_visible(".search-more"):  # load every result, not only the first page
        count = len(page.query_selector_all(".search-results li"))
        page.click(".search-more")
        page.wait_for_function(f"document.querySelectorAll('.search-results li').length > {count}")
    found = [(item.query_selector("a").get_attribute("href"), item.query_selector("a").inner_text(),
              item.query_selector("p").inner_text()) for item in page.query_selector_all(".search-results li")]
    page.close()
    return found


def visible_words(demo_site, url) -> set[str]:
    main = read_page(demo_site, url).main
    return {w.strip(".,;:()«»\"'…–-") for w in main.get_text(" ").split()}


@pytest.mark.parametrize("query, expected", [
    ("dong chi", SEED),
    ("hiep hoa", SEED),
    ("nguyen dinh khoi", "/don-vi/xa-duc-thang/"),
])
def test_search_without_diacritics_finds_the_page(browser, site_url, query, expected):
    urls = [url for url, _, _ in search(browser, site_url, query)]
    assert expected in urls


def test_search_finds_a_person_on_the_roll_that_lists_them(browser, site_url):
    results = search(browser, site_url, "vu dinh long", kind="Bảng vinh danh")
    assert [url for url, _, _ in results] == ["/khen-thuong/2017/"]


def test_nguyen_finds_names_and_folded_words_never_show(browser, demo_site, site_url):
    for query in ("nguyen", "dong", "duc thang"):
        results = search(browser, site_url, query)
        assert results, query
        for url, _title, excerpt in results[:10]:
            words = {w.strip(".,;:()«»\"'…–-") for w in excerpt.split()} - {""}
            assert words <= visible_words(demo_site, url), (query, url, words - visible_words(demo_site, url))


def test_search_page_without_javascript_points_to_rolls_and_units(browser, site_url):
    context = browser.new_context(java_script_enabled=False)
    page = context.new_page()
    page.goto(site_url + "/tim-kiem/")
    fallback = page.query_selector(".search-fallback")
    assert fallback.is_visible()
    assert "JavaScript" in fallback.inner_text()
    links = {a.get_attribute("href") for a in fallback.query_selector_all("a")}
    assert {"/khen-thuong/", "/don-vi/"} <= links
    assert not page.query_selector("form.search-form").is_visible()
    context.close()


def test_only_the_search_page_loads_javascript(demo_site):
    scripts = {}
    for page in demo_site.rglob("*.html"):
        if page.relative_to(demo_site).parts[0] == "admin":
            continue  # the web editor (Decap CMS) is a JavaScript application, not a page for readers
        soup = BeautifulSoup(page.read_text(encoding="utf-8"), "html.parser")
        found = [s for s in soup.find_all("script") if s.get("type") != "application/ld+json"]
        if found:
            scripts[str(page.relative_to(demo_site))] = found
    assert list(scripts) == ["tim-kiem/index.html"]
    assert re.search(r"search\.js$", scripts["tim-kiem/index.html"][0]["src"])
