"""The built site as readers see it on a 390-pixel phone and a 1280-pixel desktop.

Measured in headless Chromium: award tables keep every cell on screen, no text
(chart text included) is smaller than 12 CSS pixels, the search form's labels
sit above their controls and do not shift the page, and a search can be shared
by its address. Screenshots of each page family at both widths are kept in
test-artifacts/screens/ for people to look at.
"""

from __future__ import annotations

import re
from pathlib import Path
from urllib.parse import quote

import pytest
from conftest import read_page

pytestmark = pytest.mark.browser

ROOT = Path(__file__).resolve().parent.parent
SCREENS = ROOT / "test-artifacts" / "screens"
ARTICLE = "/tin-tuc/2018/02/hiep-hoa-tong-ket-phong-trao-thi-dua-khen-thuong-nam-2017/"
# One page of each family a reader reaches; the statistics of a year with every chart.
PAGES = {
    "home": "/",
    "article": ARTICLE,
    "roll": "/khen-thuong/2017/",
    "rolls-index": "/khen-thuong/",
    "unit": "/don-vi/xa-duc-thang/",
    "statistics": "/thong-ke/2017/",
    "statistics-index": "/thong-ke/",
    "search": "/tim-kiem/?q=duc+thang",
    "units": "/don-vi/",
    "news": "/tin-tuc/",
    "open-data": "/du-lieu/",
}
# A year's roll is a list; the table of rolls is on the index of years.
TABLE_PAGES = ["article", "rolls-index", "unit", "statistics", "statistics-index", "open-data"]
WIDTHS = {"phone": 390, "desktop": 1280}
SMALLEST_TEXT = 12  # CSS pixels

# Every table cell in the main content that lies (partly) outside the viewport.
CELLS_OUTSIDE = """() => {
  const width = document.documentElement.clientWidth;
  return Array.from(document.querySelectorAll("main table td, main table th"))
    .filter((cell) => cell.getClientRects().length && cell.closest("thead") === null)
    .map((cell) => [cell.textContent.trim().slice(0, 40), cell.getBoundingClientRect()])
    .filter(([, box]) => box.left < -0.5 || box.right > width + 0.5)
    .map(([text, box]) => `${text} [${Math.round(box.left)}, ${Math.round(box.right)}]`);
}"""

# Rendered text under the limit: each visible text node's font size, skipping
# text that is clipped away (screen-reader-only labels, a table's hidden header row).
SMALL_TEXT = """(limit) => {
  const found = [];
  const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
  for (let node = walker.nextNode(); node; node = walker.nextNode()) {
    const element = node.parentElement;
    if (!node.textContent.trim() || !element || element.closest("script, style, noscript")) continue;
    const box = element.getBoundingClientRect();
    if (box.width <= 1 || box.height <= 1 || !element.checkVisibility({visibilityProperty: true})) continue;
    const size = parseFloat(getComputedStyle(element).fontSize);
    if (size < limit) found.push(`${node.textContent.trim().slice(0, 30)}: ${size}px`);
  }
  return found;
}"""

# The charts a page shows: which drawing the browser chose, and how wide it is drawn.
CHARTS = """() => Array.from(document.querySelectorAll("figure.chart img")).map(
  (img) => [img.currentSrc, img.getBoundingClientRect().width])"""

# Font sizes of an SVG's texts as drawn when the SVG is `width` pixels wide.
SVG_TEXT_SIZES = """() => {
  const svg = document.querySelector("svg");
  const scale = svg.getBoundingClientRect().width / svg.viewBox.baseVal.width;
  return Array.from(svg.querySelectorAll("text"))
    .filter((t) => t.textContent.trim() && t.getBBox().width > 0)
    .map((t) => [t.textContent.trim(), parseFloat(getComputedStyle(t).fontSize) * scale]);
}"""

LAYOUT_SHIFT = """() => new Promise((resolve) => {
  let total = 0;
  new PerformanceObserver((list) => {
    for (const entry of list.getEntries()) if (!entry.hadRecentInput) total += entry.value;
  }).observe({type: "layout-shift", buffered: true});
  setTimeout(() => resolve(total), 1000);
})"""


def open_page(browser, site_url, path, width):
    """Open path at the given width with every lazy image loaded."""
    page = browser.new_page(viewport={"width": width, "height": 900})
    page.goto(site_url + path)
    page.wait_for_load_state("networkidle")
    page.evaluate("window.scrollTo(0, document.body.scrollHeight)")
    page.wait_for_function("Array.from(document.images).every((img) => img.complete)")
    page.evaluate("window.scrollTo(0, 0)")
    return page


@pytest.mark.parametrize("width", WIDTHS.values(), ids=WIDTHS.keys())
@pytest.mark.parametrize("name", PAGES)
def test_screenshot_and_nothing_wider_than_the_screen(browser, site_url, name, width):
    page = open_page(browser, site_url, PAGES[name], width)
    if name == "search":
        page.wait_for_selector(".search-results li")
    SCREENS.mkdir(parents=True, exist_ok=True)
    shot = SCREENS / f"{name}-{width}.png"
    page.screenshot(path=str(shot), full_page=True)
    overflow = page.evaluate("document.documentElement.scrollWidth - document.documentElement.clientWidth")
    page.close()
    assert shot.stat().st_size > 10_000
    assert overflow <= 0, f"{name} is {overflow}px wider than a {width}px screen"


@pytest.mark.parametrize("width", WIDTHS.values(), ids=WIDTHS.keys())
@pytest.mark.parametrize("name", TABLE_PAGES)
def test_every_table_cell_is_on_screen(browser, site_url, name, width):
    page = open_page(browser, site_url, PAGES[name], width)
    cells = page.evaluate("document.querySelectorAll('main table td').length")
    outside = page.evaluate(CELLS_OUTSIDE)
    page.close()
    assert cells > 0, f"{name} has no table to check"
    assert outside == []


@pytest.mark.parametrize("name", PAGES)
def test_no_text_under_12px_on_a_phone(browser, site_url, name):
    page = open_page(browser, site_url, PAGES[name], WIDTHS["phone"])
    small = page.evaluate(SMALL_TEXT, SMALLEST_TEXT)
    charts = page.evaluate(CHARTS)
    page.close()
    assert small == []
    for source, drawn_width in charts:
        chart = browser.new_page(viewport={"width": round(drawn_width), "height": 900})
        chart.goto(source)
        sizes = chart.evaluate(SVG_TEXT_SIZES)
        chart.close()
        assert sizes, source
        assert [(text, round(size, 1)) for text, size in sizes if size < SMALLEST_TEXT] == [], source


def test_statistics_charts_on_a_phone_are_the_narrow_drawings(browser, site_url):
    page = open_page(browser, site_url, PAGES["statistics"], WIDTHS["phone"])
    phone = page.evaluate(CHARTS)
    page.close()
    page = open_page(browser, site_url, PAGES["statistics"], WIDTHS["desktop"])
    desktop = page.evaluate(CHARTS)
    page.close()
    assert len(phone) == len(desktop) == 2
    assert {src for src, _ in phone}.isdisjoint(src for src, _ in desktop)


def test_search_labels_sit_directly_above_their_controls(browser, site_url):
    page = open_page(browser, site_url, "/tim-kiem/", WIDTHS["desktop"])
    pairs = []
    for label in page.query_selector_all(".search-form label"):
        control = page.query_selector("#" + label.get_attribute("for"))
        pairs.append((label.inner_text(), label.bounding_box(), control.bounding_box()))
    page.close()
    assert len(pairs) == 4
    for text, label, control in pairs:
        assert abs(label["x"] - control["x"]) < 2, text
        assert 0 <= control["y"] - (label["y"] + label["height"]) < 12, text
        assert label["x"] + label["width"] <= control["x"] + control["width"] + 1, text
    # the three filters side by side on a desktop
    assert len({round(label["y"]) for _, label, _ in pairs[1:]}) == 1


@pytest.mark.parametrize("address", ["/tim-kiem/", "/tim-kiem/?q=duc+thang", "/tim-kiem/?q=nguyen&nam=2017"])
def test_search_page_does_not_shift_on_a_phone(browser, site_url, address):
    page = browser.new_page(viewport={"width": WIDTHS["phone"], "height": 800})
    page.goto(site_url + address)
    page.wait_for_selector("#tim-kiem[data-ready='true']")
    if "q=" in address:
        results_of(page)
    shift = page.evaluate(LAYOUT_SHIFT)
    page.close()
    assert shift < 0.1


def results_of(page):
    """The results a search shows, as (url, kind · year), once the index has loaded and answered."""
    page.wait_for_selector("#tim-kiem[data-ready='true']")
    page.wait_for_function("document.querySelector('.search-status').textContent.includes('kết quả')")
    return [(item.query_selector("a").get_attribute("href"), item.query_selector(".meta").inner_text())
            for item in page.query_selector_all(".search-results li")]


@pytest.mark.parametrize("query, first", [
    ("duc thang", "/don-vi/xa-duc-thang/"),
    ("Đức Thắng", "/don-vi/xa-duc-thang/"),
    ("mai dinh", "/don-vi/xa-mai-dinh/"),
])
def test_a_units_name_without_diacritics_gives_its_page_first(browser, site_url, query, first):
    page = browser.new_page()
    page.goto(site_url + "/tim-kiem/")
    page.fill("#tu-khoa", query)
    found = results_of(page)
    page.close()
    assert found and found[0][0] == first


def test_a_shared_search_address_restores_query_and_filters(browser, site_url):
    page = browser.new_page()
    page.goto(site_url + "/tim-kiem/")
    page.fill("#tu-khoa", "nguyen")
    page.select_option("#loc-nam", "2017")
    page.select_option("#loc-loai", "Tin tức")
    results_of(page)
    shared = page.url
    page.close()
    assert "q=nguyen" in shared and "nam=2017" in shared and f"loai={quote('Tin tức')}" in shared.replace("+", "%20")

    page = browser.new_page()
    page.goto(shared)
    found = results_of(page)
    state = (page.input_value("#tu-khoa"), page.input_value("#loc-nam"), page.input_value("#loc-loai"))
    page.close()
    assert state == ("nguyen", "2017", "Tin tức")
    assert found and all(meta == "Tin tức · 2017" for _, meta in found)


def test_phrase_matches_come_before_scattered_words(browser, site_url, demo_site):
    from honours.core.vietnamese import fold

    # "Hòa Sơn" the commune, and pages that only have "hòa" and "sơn" apart ("Hiệp Hòa", "Hùng Sơn").
    page = browser.new_page()
    page.goto(site_url + "/tim-kiem/?q=hoa+son")
    found = results_of(page)
    page.close()
    holds = []
    for url, _meta in found:
        words = re.sub(r"[^\w]+", " ", fold(read_page(demo_site, url).main.get_text(" ")).lower())
        holds.append(" hoa son " in f" {words} ")
    assert True in holds and False in holds, "the query should find both kinds of pages"
    assert holds == sorted(holds, reverse=True), list(zip([url for url, _ in found], holds, strict=True))
