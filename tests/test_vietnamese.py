"""Vietnamese text helpers."""

from __future__ import annotations

from datetime import date

from honours.core.vietnamese import fold, format_date, format_number, slugify, sort_key


def test_dictionary_order_puts_d_bar_after_d_and_tones_after_the_base_letter():
    names = ["Đồng Tân", "Dương", "Đại Thành", "Danh Thắng", "Hóa", "Hoa", "Họa", "Hòa", "Hỏa", "Hoàng An",
             "Ân", "An", "Ăn"]
    assert sorted(names, key=sort_key) == [
        "An", "Ăn", "Ân", "Danh Thắng", "Dương", "Đại Thành", "Đồng Tân",
        "Hoa", "Hòa", "Hỏa", "Hóa", "Họa", "Hoàng An",
    ]


def test_folding_includes_d_bar():
    assert fold("Đồng Lộ, NGUYỄN Thị Ánh") == "dong lo, nguyen thi anh"
    assert slugify("Đông Lỗ") == slugify("Đồng Lộ") == "dong-lo"


def test_dates_and_numbers_without_locale():
    assert format_date(date(2018, 2, 1)) == "Thứ Năm, 01/02/2018"
    assert format_date(date(2018, 2, 4)) == "Chủ Nhật, 04/02/2018"
    assert format_number(1780) == "1.780"
