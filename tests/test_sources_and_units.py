"""Real articles name their source, statistics leave illustrations out, unit pages carry a profile."""

from __future__ import annotations

import json
from collections import Counter

import pytest
import yaml
from conftest import CONTENT, article_headers, read_page
from test_faults import GOOD, article, stopped

KINDS = ("collectives", "individuals", "households")
NAMED_KIND = {"name": "individuals", "household": "households"}


def published_headers():
    return [(path, h) for path, h in article_headers() if h.get("status", "published") == "published"]


def line_counts(line: dict) -> Counter:
    """A line's counts as the editor wrote them: a count, or else how many recipients of that kind are named."""
    named = Counter(next((NAMED_KIND[k] for k in NAMED_KIND if k in r), "collectives")
                    for r in line.get("recipients", []))
    return Counter({kind: line.get(kind, named[kind]) for kind in KINDS})


def front_matter_totals(include_illustrative: bool) -> dict[int, Counter]:
    """Per emulation year, the counts the front-matter of the published articles records."""
    totals: dict[int, Counter] = {}
    for _path, header in published_headers():
        if "honours" not in header or (header.get("illustrative") and not include_illustrative):
            continue
        default_year = header["honours"].get("year", int(str(header["date"])[:4]))
        for line in header["honours"]["awards"]:
            totals.setdefault(line.get("year", default_year), Counter()).update(line_counts(line))
    return totals


def shown_kinds(output, year: int) -> dict[str, int]:
    table = read_page(output, f"/thong-ke/{year}/").find("table", class_="stats-kinds")
    return {row.th.get_text(strip=True): int(row.td.get_text(strip=True).replace(".", ""))
            for row in table.tbody.find_all("tr")}


def registry_units() -> list[dict]:
    return yaml.safe_load((CONTENT / "data/units.yml").read_text(encoding="utf-8"))


def test_at_least_twelve_real_articles_name_their_source():
    real = [(path, h) for path, h in published_headers() if not h.get("illustrative")]
    sourced = [(path, h) for path, h in real if h.get("source")]
    assert len(sourced) >= 12
    for path, header in sourced:
        assert header["source"]["url"].startswith(("https://", "http://")), path
        assert header["source"]["publisher"].strip(), path


def test_the_article_page_shows_its_source_as_a_link(demo_site):
    for path, header in published_headers():
        if not header.get("source"):
            continue
        date = str(header["date"])
        page = read_page(demo_site, f"/tin-tuc/{date[:4]}/{date[5:7]}/{header['slug']}/")
        source = page.find("p", class_="source")
        assert source is not None, path
        assert source.get_text(" ", strip=True).startswith("Nguồn:"), path
        link = source.find("a")
        assert link["href"] == header["source"]["url"] and link.get_text(strip=True) == header["source"]["publisher"]


def test_statistics_count_no_illustrative_line_by_default(demo_site):
    counted = front_matter_totals(include_illustrative=False)
    everything = front_matter_totals(include_illustrative=True)
    assert counted != everything  # the demonstration content does add lines
    for year, totals in counted.items():
        shown = shown_kinds(demo_site, year)
        assert [shown["Tập thể"], shown["Cá nhân"], shown["Hộ gia đình"]] == [totals[k] for k in KINDS], year
    # A year whose every line is illustrative has no statistics page and no link to one.
    only_illustrative = sorted(set(everything) - set(counted))
    assert only_illustrative
    for year in only_illustrative:
        assert not (demo_site / f"thong-ke/{year}/index.html").exists()
        roll = read_page(demo_site, f"/khen-thuong/{year}/")
        assert not roll.find("a", href=f"/thong-ke/{year}/")
    # An illustrative article says that its figures are not counted.
    path, header = next((p, h) for p, h in published_headers() if h.get("illustrative") and "honours" in h)
    date = str(header["date"])
    notice = read_page(demo_site, f"/tin-tuc/{date[:4]}/{date[5:7]}/{header['slug']}/").find("p", class_="notice")
    assert "không được tính vào trang thống kê" in notice.get_text(), path
    # Open data still lists every line, each with its label.
    rows = json.loads((demo_site / "du-lieu/khen-thuong.json").read_text(encoding="utf-8"))
    assert {r["year"] for r in rows} == set(everything)


def test_a_setting_puts_illustrative_lines_back_into_the_statistics(build_site):
    awards = "    - {by: chu-tich-ubnd-huyen, award: giay-khen, collectives: 4}\n"
    files = {"tin-tuc/2018/minh-hoa.md": article("Bài minh họa", "minh-hoa", "illustrative: true\n", awards),
             "tin-tuc/2018/that.md": article("Bài thật", "that")}
    output = build_site(files, HONOURS_STATS_INCLUDE_ILLUSTRATIVE=True)
    assert shown_kinds(output, 2017)["Tập thể"] == 5
    output = build_site(files)
    assert shown_kinds(output, 2017)["Tập thể"] == 1


def test_every_unit_page_has_a_profile(demo_site):
    labels = ["Loại", "Trực thuộc", "Thời gian tồn tại", "Tiền thân", "Đơn vị kế thừa", "Tên gọi khác"]
    for unit in registry_units():
        page = read_page(demo_site, f"/don-vi/{unit['slug']}/")
        profile = page.find("dl", class_="unit-profile")
        assert profile is not None, unit["slug"]
        assert [dt.get_text(strip=True) for dt in profile.find_all("dt")][:6] == labels, unit["slug"]
        values = dict(zip([dt.get_text(strip=True) for dt in profile.find_all("dt")],
                          profile.find_all("dd"), strict=True))
        if unit.get("parent"):
            assert values["Trực thuộc"].find("a", href=f"/don-vi/{unit['parent']}/"), unit["slug"]
        for alias in unit.get("aliases", []):
            assert alias in values["Tên gọi khác"].get_text(), unit["slug"]
        if unit.get("source"):
            assert values["Nguồn"].find("a", href=unit["source"]), unit["slug"]


def test_an_old_name_leads_to_what_it_became(demo_site):
    units = registry_units()
    merged = [u for u in units if u.get("successor")]
    assert {"xa-duc-thang", "xa-bac-ly"} <= {u["slug"] for u in merged}
    for unit in merged:
        page = read_page(demo_site, f"/don-vi/{unit['slug']}/")
        notice = page.find("p", class_="notice")
        assert notice.find("a", href=f"/don-vi/{unit['successor']}/"), unit["slug"]
        successor = page.find("dl", class_="unit-profile").find_all("dd")[4]
        assert successor.find("a", href=f"/don-vi/{unit['successor']}/"), unit["slug"]
        if unit.get("act"):
            assert unit["act"] in successor.get_text(), unit["slug"]
        # ... and the new unit names it among its predecessors.
        later = read_page(demo_site, f"/don-vi/{unit['successor']}/").find("dl", class_="unit-profile")
        assert later.find_all("dd")[3].find("a", href=f"/don-vi/{unit['slug']}/"), unit["slug"]


def test_a_unit_without_honours_says_so_in_one_line_with_its_parent_and_successor(demo_site):
    page = read_page(demo_site, "/don-vi/xa-chau-minh/")
    section = page.find("section", attrs={"aria-labelledby": "khen-thuong-don-vi"})
    (line,) = section.find_all("p")
    assert line.get_text().startswith("Chưa có khen thưởng nào")
    assert line.find("a", href="/don-vi/huyen-hiep-hoa/") and line.find("a", href="/don-vi/xa-xuan-cam-bac-ninh/")


@pytest.mark.parametrize("source, field", [
    ("source: https://baobacgiang.vn/bai.html\n", "source"),
    ("source: {url: javascript:alert(1), publisher: Báo}\n", "source.url"),
    ("source: {url: https://baobacgiang.vn/bai.html}\n", "source.publisher"),
    ("source: {url: https://baobacgiang.vn/a.html, publisher: Báo, date: 2018}\n", "source.date"),
])  # fmt: skip
def test_a_source_without_a_web_address_and_a_publisher_is_refused(build_site, caplog, source, field):
    (problem,) = stopped(build_site, {**GOOD, "tin-tuc/2018/nguon.md": article("Bài có nguồn", "nguon", source)},
                         caplog)
    assert problem.path.endswith("nguon.md") and problem.field == field
