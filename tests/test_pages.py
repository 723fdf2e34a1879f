"""Honour rolls, unit pages, statistics and open data, read the way a reader sees them."""

from __future__ import annotations

import csv
import json
from collections import Counter

import pytest
import yaml
from conftest import CONTENT, article_headers, html_files, read_page

KINDS = ("collectives", "individuals", "households")


def records(output):
    return json.loads((output / "du-lieu/khen-thuong.json").read_text(encoding="utf-8"))


def sums(rows):
    return {k: sum(r[k] for r in rows) for k in KINDS}


def number(text: str) -> int:
    return int(text.strip().replace(".", ""))


def registry_units():
    return yaml.safe_load((CONTENT / "data/units.yml").read_text(encoding="utf-8"))


def named_recipients():
    """(name or unit slug, unit slug, year) of every named recipient, from the articles' front-matter."""
    found = []
    for _path, header in article_headers():
        if header.get("status") == "draft" or "honours" not in header:
            continue
        default_year = header["honours"].get("year", int(str(header["date"])[:4]))
        for line in header["honours"]["awards"]:
            for r in line.get("recipients", []):
                found.append((r.get("name") or r.get("household"), r["unit"], line.get("year", default_year)))
    return found


def test_statistics_of_2017_match_the_seed_and_open_data(demo_site):
    rows = [r for r in records(demo_site) if r["year"] == 2017]
    seed = sums([r for r in rows if not r["illustrative"]])
    assert (seed["collectives"], seed["individuals"], seed["collectives"] + seed["individuals"]) == (72, 52, 124)
    # The statistics count no line of an illustrative article (HONOURS_STATS_INCLUDE_ILLUSTRATIVE is off).
    table = read_page(demo_site, "/thong-ke/2017/").find("table", class_="stats-kinds")
    shown = {row.th.get_text(strip=True): number(row.td.get_text()) for row in table.tbody.find_all("tr")}
    assert shown["Tập thể"] == seed["collectives"]
    assert shown["Cá nhân"] == seed["individuals"]
    assert shown["Hộ gia đình"] == seed["households"]
    assert shown["Tổng số"] == sum(seed.values())


def test_every_statistics_page_equals_sums_over_the_open_data(demo_site):
    all_rows = [r for r in records(demo_site) if not r["illustrative"]]
    years = sorted({r["year"] for r in all_rows})
    assert len(years) >= 3
    for year in years:
        expected = sums([r for r in all_rows if r["year"] == year])
        page = read_page(demo_site, f"/thong-ke/{year}/")
        levels = page.find("table", class_="stats-levels").tbody.find_all("tr")
        column_sums = [sum(number(row.find_all("td")[i].get_text()) for row in levels) for i in range(3)]
        assert column_sums == [expected[k] for k in KINDS], year
        awards = page.find("table", class_="stats-awards").tbody.find_all("tr")
        assert sum(number(row.find_all("td")[3].get_text()) for row in awards) == sum(expected.values())
    overview = read_page(demo_site, "/thong-ke/").find("table", class_="stats-years").tbody.find_all("tr")
    assert len(overview) == len(years)


def test_awards_are_listed_highest_honour_first(demo_site):
    ranks = {a["slug"]: a["rank"] for a in yaml.safe_load((CONTENT / "data/awards.yml").read_text(encoding="utf-8"))}
    names = {a["name"]: a["slug"] for a in yaml.safe_load((CONTENT / "data/awards.yml").read_text(encoding="utf-8"))}
    page = read_page(demo_site, "/khen-thuong/2017/")
    shown = [names[h2.get_text(strip=True)] for h2 in page.select("section.award-group h2")]
    assert [ranks[s] for s in shown] == sorted(ranks[s] for s in shown)


def test_every_registry_unit_has_a_page(demo_site):
    units = registry_units()
    pages = [p.parent.name for p in (demo_site / "don-vi").glob("*/index.html")]
    assert sorted(pages) == sorted(u["slug"] for u in units)
    index_links = {a["href"] for a in read_page(demo_site, "/don-vi/").select("main ul.unit-list a")}
    assert index_links == {f"/don-vi/{u['slug']}/" for u in units}


def test_each_named_recipient_is_on_its_unit_page_and_its_year_roll(demo_site):
    recipients = named_recipients()
    assert len({unit for _, unit, _ in recipients}) >= 10
    for name, unit, year in recipients:
        unit_page = read_page(demo_site, f"/don-vi/{unit}/").main.get_text(" ")
        roll = read_page(demo_site, f"/khen-thuong/{year}/").main
        assert roll.find("a", href=f"/don-vi/{unit}/"), (unit, year)
        if name:
            assert name in unit_page, (name, unit)
            assert name in roll.get_text(" "), (name, year)


def test_units_index_is_grouped_by_kind_in_vietnamese_order(demo_site):
    page = read_page(demo_site, "/don-vi/")
    headings = [h2.get_text(strip=True) for h2 in page.main.find_all("h2")]
    assert headings[:3] == ["Huyện", "Thị trấn", "Xã"]
    communes = [a.get_text(strip=True) for a in page.main.find_all("section")[2].select("ul.unit-list a")]
    expected_start = ["Xã Bắc Lý", "Xã Châu Minh", "Xã Danh Thắng", "Xã Đại Thành", "Xã Đoan Bái", "Xã Đông Lỗ",
                      "Xã Đồng Tân", "Xã Đức Thắng", "Xã Hòa Sơn", "Xã Hoàng An"]
    assert communes[:10] == expected_start
    assert len(communes) == sum(1 for u in registry_units() if u["kind"] == "xa")


def test_merged_commune_says_so_and_links_its_successor(demo_site):
    page = read_page(demo_site, "/don-vi/xa-duc-thang/")
    notice = page.find("p", class_="notice")
    assert "31/12/2019" in notice.get_text()
    assert notice.find("a", href="/don-vi/thi-tran-thang/")


def test_unit_feed_lists_the_articles_that_name_the_unit(demo_site):
    page = read_page(demo_site, "/don-vi/phong-noi-vu/")
    feed = demo_site / "don-vi/phong-noi-vu/feed.xml"
    from bs4 import BeautifulSoup

    entries = BeautifulSoup(feed.read_text(encoding="utf-8"), "xml").find_all("entry")
    listed = page.find("section", attrs={"aria-labelledby": "tin-don-vi"}).select("ul.news-list a")
    assert len(entries) == len(listed) >= 1
    assert page.find("link", attrs={"type": "application/atom+xml", "href": "/don-vi/phong-noi-vu/feed.xml"})


def test_charts_are_svg_images_with_a_name_and_a_table(demo_site):
    for url in ["/thong-ke/", "/thong-ke/2017/"]:
        page = read_page(demo_site, url)
        assert page.find("script") is None
        figures = page.select("figure.chart")
        assert figures
        for figure in figures:
            image = figure.img
            assert image["alt"] and image["src"].endswith(".svg")
            svg = (demo_site / image["src"].lstrip("/")).read_text(encoding="utf-8")
            assert "<title id=" in svg and "<desc id=" in svg and "<script" not in svg
            assert figure.find_next_sibling("div", class_="table-wrap").table


def test_article_page_links_its_award_lines(demo_site):
    url = "/tin-tuc/2018/02/hiep-hoa-tong-ket-phong-trao-thi-dua-khen-thuong-nam-2017/"
    page = read_page(demo_site, url)
    links = {a["href"] for a in page.select("main a")}
    assert "/khen-thuong/2017/" in links and "/thong-ke/2017/" in links


def test_recipients_csv_has_one_row_per_named_recipient(demo_site):
    with open(demo_site / "du-lieu/nguoi-nhan.csv", encoding="utf-8-sig", newline="") as handle:
        rows = list(csv.DictReader(handle))
    expected = named_recipients()
    assert len(rows) == len(expected)
    assert Counter((r["unit"], int(r["year"])) for r in rows) == Counter((u, y) for _, u, y in expected)


def test_data_package_describes_every_data_file(demo_site):
    folder = demo_site / "du-lieu"
    package = json.loads((folder / "datapackage.json").read_text(encoding="utf-8"))
    described = {r["path"]: r for r in package["resources"]}
    on_disk = {p.name for p in folder.iterdir()} - {"datapackage.json", "index.html"}
    assert set(described) == on_disk
    for name, resource in described.items():
        fields = [f["name"] for f in resource["schema"]["fields"]]
        if name.endswith(".csv"):
            with open(folder / name, encoding="utf-8-sig", newline="") as handle:
                assert next(csv.reader(handle)) == fields
        else:
            first = json.loads((folder / name).read_text(encoding="utf-8"))[0]
            assert list(first) == fields
    for year in {r["year"] for r in records(demo_site) if not r["illustrative"]}:
        page = read_page(demo_site, f"/thong-ke/{year}/")
        assert page.find("a", href=f"/du-lieu/khen-thuong-{year}.csv")


def test_illustrative_content_is_labelled(demo_site):
    illustrative = [h for _, h in article_headers() if h.get("illustrative") and h.get("status") != "draft"]
    assert illustrative
    seed = read_page(demo_site, "/tin-tuc/2018/02/hiep-hoa-tong-ket-phong-trao-thi-dua-khen-thuong-nam-2017/")
    assert "Dữ liệu minh họa" not in seed.main.get_text()
    years = {h["honours"]["year"] for h in illustrative if "honours" in h}
    for year in years:
        assert "Dữ liệu minh họa" in read_page(demo_site, f"/khen-thuong/{year}/").main.get_text()


@pytest.mark.slow
def test_a_year_of_5000_named_recipients_stays_light(build_site):
    units = ["xa-hoa-son", "xa-mai-dinh", "xa-dong-lo", "thi-tran-thang", "truong-thpt-hiep-hoa-1"]
    given = ["An", "Bình", "Cường", "Dũng", "Đức", "Hà", "Hằng", "Hương", "Lan", "Mạnh"]
    lines = [f"        - name: Nguyễn Văn {given[i % 10]} {i:04d}\n          unit: {units[i % 5]}\n"
             for i in range(5000)]
    article = (
        "---\ntitle: Danh sách khen thưởng năm 2020\ndate: 2021-01-20 08:00\n"
        "honours:\n  year: 2020\n  awards:\n"
        "    - by: chu-tich-ubnd-huyen\n      award: giay-khen\n      individuals: 5000\n      recipients:\n"
        + "".join(lines) + "---\nDanh sách.\n"
    )
    output = build_site({"tin-tuc/2021/danh-sach.md": article})
    sizes = {p: p.stat().st_size for p in html_files(output)}
    assert max(sizes.values()) < 200 * 1024, max(sizes.items(), key=lambda kv: kv[1])
    award_pages = sorted((output / "khen-thuong/2020/giay-khen").rglob("index.html"))
    listed = sum(len(read_page(output, "/" + str(p.relative_to(output).parent) + "/").select("main tbody tr"))
                 for p in award_pages)
    assert listed == 5000
