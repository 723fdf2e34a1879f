"""What real reports say and the data model must hold: a count for collectives and individuals
together, households honoured with orders, and a commendation whose form is not stated.

Each test builds a real site and reads what a reader or a data user gets.
"""

from __future__ import annotations

import csv
import io
import json
import logging

import pytest
from conftest import read_page
from honours.core.problems import ContentErrors

COMBINED_ARTICLE = """\
---
title: Xã Mai Đình tổng kết phong trào thi đua năm 2019
date: 2020-01-10 08:00
honours:
  year: 2019
  awards:
    - by: chu-tich-ubnd-huyen
      award: giay-khen
      collectives_or_individuals: 64
      recipients:
        - unit: xa-mai-dinh
    - by: chu-tich-ubnd-tinh
      award: bang-khen-tinh
      collectives: 2
      individuals: 3
    - by: chu-tich-nuoc
      award: huan-chuong-doc-lap
      households: 6
    - by: ubnd-huyen
      award: khen-thuong-khong-ro-hinh-thuc
      individuals: 4
---
Hội nghị tổng kết phong trào thi đua của xã.
"""
ARTICLE_PATH = "tin-tuc/2020/mai-dinh-tong-ket.md"
ARTICLE_URL = "/tin-tuc/2020/01/xa-mai-dinh-tong-ket-phong-trao-thi-dua-nam-2019/"
TOGETHER = "Tập thể, cá nhân (không tách)"


def number(text: str) -> int:
    return int(text.strip().replace(".", ""))


def table_rows(table) -> list[dict[str, str]]:
    """Each body row of a table as {column header: cell text}."""
    headers = [th.get_text(strip=True) for th in table.thead.find_all("th")]
    rows = []
    for tr in table.tbody.find_all("tr"):
        cells = [cell.get_text(" ", strip=True) for cell in tr.find_all(["th", "td"])]
        rows.append(dict(zip(headers, cells, strict=True)))
    return rows


@pytest.fixture
def site(build_site):
    return build_site({ARTICLE_PATH: COMBINED_ARTICLE})


def test_article_table_has_a_column_for_the_combined_count_and_counts_it_in_the_total(site):
    table = read_page(site, ARTICLE_URL).find("table", class_="awards")
    rows = table_rows(table)
    giay_khen = next(r for r in rows if r["Hình thức, danh hiệu"].startswith("Giấy khen"))
    assert number(giay_khen[TOGETHER]) == 64
    assert (number(giay_khen["Tập thể"]), number(giay_khen["Cá nhân"])) == (0, 0)
    footer = table.tfoot.get_text(" ", strip=True)
    assert "Tổng cộng (79 lượt)" in footer  # 64 + 2 + 3 + 6 + 4


def test_households_receive_the_huan_chuong_doc_lap(site):
    rows = table_rows(read_page(site, ARTICLE_URL).find("table", class_="awards"))
    order = next(r for r in rows if r["Hình thức, danh hiệu"].startswith("Huân chương Độc lập"))
    assert number(order["Hộ gia đình"]) == 6
    assert order["Cấp khen thưởng"] == "Chủ tịch nước"


def test_a_commendation_of_unstated_form_is_shown_as_such(site):
    rows = table_rows(read_page(site, ARTICLE_URL).find("table", class_="awards"))
    assert any(r["Hình thức, danh hiệu"].startswith("Khen thưởng (không rõ hình thức)") for r in rows)
    roll = read_page(site, "/khen-thuong/2019/").get_text(" ", strip=True)
    assert "Khen thưởng (không rõ hình thức)" in roll


def test_roll_and_statistics_show_the_combined_count(site):
    roll = read_page(site, "/khen-thuong/2019/")
    assert "64 tập thể và cá nhân (không tách)" in roll.get_text(" ", strip=True)
    totals = {dt.get_text(strip=True): number(dt.find_next("dd").get_text()) for dt in roll.select("dl.totals dt")}
    assert totals[TOGETHER] == 64 and totals["Tổng số lượt"] == 79

    stats = read_page(site, "/thong-ke/2019/")
    kinds = {row.th.get_text(strip=True): number(row.td.get_text())
             for row in stats.find("table", class_="stats-kinds").tbody.find_all("tr")}
    assert kinds[TOGETHER] == 64 and kinds["Tổng số"] == 79
    by_award = {r["Hình thức, danh hiệu"]: r for r in table_rows(stats.find("table", class_="stats-awards"))}
    assert number(by_award["Giấy khen"][TOGETHER]) == 64 and number(by_award["Giấy khen"]["Tổng"]) == 64

    overview = read_page(site, "/thong-ke/")
    years = table_rows(overview.find("table", class_="stats-years"))
    assert number(years[0][TOGETHER]) == 64 and number(years[0]["Tổng"]) == 79
    assert "64 lượt tập thể, cá nhân (không tách)" in overview.get_text(" ", strip=True)


def test_unit_page_lists_the_named_recipient_of_a_combined_line(site):
    page = read_page(site, "/don-vi/xa-mai-dinh/")
    text = page.get_text(" ", strip=True)
    assert "Giấy khen" in text and "Chủ tịch Ủy ban nhân dân huyện Hiệp Hòa" in text


def test_open_data_has_the_combined_column(site):
    records = json.loads((site / "du-lieu/khen-thuong.json").read_text(encoding="utf-8"))
    giay_khen = next(r for r in records if r["award"] == "giay-khen")
    assert giay_khen["collectives_or_individuals"] == 64
    assert (giay_khen["collectives"], giay_khen["individuals"]) == (0, 0)
    assert all(r["collectives_or_individuals"] == 0 for r in records if r["award"] != "giay-khen")
    rows = list(csv.DictReader(io.StringIO((site / "du-lieu/khen-thuong.csv").read_text(encoding="utf-8-sig"))))
    assert sorted(int(r["collectives_or_individuals"]) for r in rows) == [0, 0, 0, 64]
    yearly = (site / "du-lieu/khen-thuong-2019.csv").read_text(encoding="utf-8-sig")
    assert "collectives_or_individuals" in yearly.splitlines()[0]
    package = json.loads((site / "du-lieu/datapackage.json").read_text(encoding="utf-8"))
    described = [f for res in package["resources"] for f in res["schema"]["fields"]
                 if f["name"] == "collectives_or_individuals"]
    assert described and all(f["type"] == "integer" and f.get("description") for f in described)


def problems(build_site, line: str, caplog) -> list:
    caplog.set_level(logging.ERROR)
    text = COMBINED_ARTICLE.replace("""    - by: chu-tich-ubnd-tinh
      award: bang-khen-tinh
      collectives: 2
      individuals: 3
""", line)
    with pytest.raises(ContentErrors) as stopped:
        build_site({ARTICLE_PATH: text})
    return stopped.value.problems


@pytest.mark.parametrize("line, field, words", [
    # Only awards given to both collectives and individuals take a count for both.
    ("    - by: chu-tich-ubnd-huyen\n      award: lao-dong-tien-tien\n      collectives_or_individuals: 5\n",
     "honours.awards[2].collectives_or_individuals", "chỉ tặng cho cá nhân"),
    # Split counts and a combined count on one line would count twice.
    ("    - by: chu-tich-ubnd-huyen\n      award: giay-khen\n      collectives: 2\n"
     "      collectives_or_individuals: 5\n", "honours.awards[2].collectives_or_individuals", "đã ghi riêng"),
    # Validated like any count: a whole number.
    ("    - by: chu-tich-ubnd-huyen\n      award: giay-khen\n      collectives_or_individuals: 6.5\n",
     "honours.awards[2].collectives_or_individuals", "số nguyên"),
    ("    - by: chu-tich-ubnd-huyen\n      award: giay-khen\n      collectives_or_individuals: -1\n",
     "honours.awards[2].collectives_or_individuals", "không được nhỏ hơn 0"),
    # More named than the combined count.
    ("    - by: chu-tich-ubnd-huyen\n      award: giay-khen\n      collectives_or_individuals: 1\n"
     "      recipients:\n        - unit: xa-hoa-son\n        - name: Nguyễn Văn An\n          unit: xa-hoa-son\n",
     "honours.awards[2].recipients", "nêu tên 2 tập thể, cá nhân"),
    # Households only where the registry allows them.
    ("    - by: chu-tich-nuoc\n      award: huan-chuong-lao-dong\n      households: 2\n",
     "honours.awards[2].households", "không tặng cho hộ gia đình"),
])  # fmt: skip
def test_combined_and_household_counts_are_checked(build_site, caplog, line, field, words):
    found = problems(build_site, line, caplog)
    assert [p.field for p in found] == [field]
    assert words in found[0].message
    assert found[0].hint  # every message says how to fix it


def test_an_unrelated_slug_gets_no_suggestion_but_the_registry_file(build_site, caplog):
    line = "    - by: chu-tich-ubnd-huyen-phu-yen\n      award: giay-khen\n      individuals: 2\n"
    (found,) = problems(build_site, line, caplog)
    assert "có phải là" not in found.message
    assert "authorities.yml" in found.hint


def test_a_typo_still_gets_its_suggestion(build_site, caplog):
    line = "    - by: hoi-nong-dan-tinhh\n      award: giay-khen\n      individuals: 2\n"
    (found,) = problems(build_site, line, caplog)
    assert "(có phải là 'hoi-nong-dan-tinh'?)" in found.message


def test_a_name_typed_for_its_slug_is_suggested_the_slug(build_site, caplog):
    line = "    - by: Chủ tịch UBND tỉnh\n      award: giay-khen\n      individuals: 2\n"
    (found,) = problems(build_site, line, caplog)
    assert "(có phải là 'chu-tich-ubnd-tinh'?)" in found.message
