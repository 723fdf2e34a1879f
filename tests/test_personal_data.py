"""The personal data guard: ID numbers, phone numbers and e-mail addresses in award data stop the build.

Amounts, decision numbers, dates, years and counts must never trip it.
"""

from __future__ import annotations

import pytest
from conftest import CONTENT
from honours.checks.safety import check_personal_data
from honours.core.problems import ContentErrors
from honours.core.validation import Checker

ARTICLE = "tin-tuc/2018/bai-kiem-tra.md"


def found(value, settings=None, key="note") -> list:
    """Problems of an award line whose `key` holds value."""
    check = Checker("bai.md", lambda path: 1)
    data = {"honours": {"awards": [{"by": "chu-tich-ubnd-huyen", key: value}]}}
    check_personal_data(check, data, settings or {})
    return check.problems


@pytest.mark.parametrize(("text", "kind"), [
    ("Số CCCD 001087012345", "CMND/CCCD"),
    ("CMND 121234567", "CMND/CCCD"),
    ("CCCD 001 087 012 345", "CMND/CCCD"),
    ("CMND số 121234567.", "CMND/CCCD"),  # at the end of a sentence
    ("121234567, cấp ngày 01/02/2010", "CMND/CCCD"),
    ("0912345678", "điện thoại"),
    ("ĐT 0912 345 678", "điện thoại"),
    ("0912.345.678", "điện thoại"),
    ("0912-345-678", "điện thoại"),
    ("+84 912 345 678", "điện thoại"),
    ("+84912345678", "điện thoại"),
    ("(+84) 912 345 678", "điện thoại"),
    ("Điện thoại: 0912345678, gọi giờ hành chính", "điện thoại"),
    ("(0204) 3.812.345", "điện thoại"),
    ("(0204) 3812345", "điện thoại"),
    ("(024) 3825 1234", "điện thoại"),
    ("0204 3812 345", "điện thoại"),
    ("0204.3.812.345", "điện thoại"),
    ("CCCD 0012 3456 7890", "CMND/CCCD"),
    ("0912_345_678", "điện thoại"),
    ("84912345678", "điện thoại"),
    ("nguyen.van.an@gmail.com", "thư điện tử"),
    ("Liên hệ: an_nv+khen@hiephoa.bacgiang.gov.vn", "thư điện tử"),
])  # fmt: skip
def test_personal_data_is_found(text, kind):
    (problem,) = found(text)
    assert kind in problem.message
    assert problem.field == "honours.awards[1].note"
    assert problem.path == "bai.md" and problem.hint


@pytest.mark.parametrize("text", [
    "Thưởng 150.000.000 đồng",
    "Tiền thưởng 1.500.000.000 đồng",
    "150 000 000 đồng",
    "2.000.000đ mỗi tập thể",
    "125/QĐ-UBND",
    "1250/QĐ-UBND",
    "Quyết định số 01/2018/QĐ-UBND ngày 20/01/2018",
    "3521/QĐ-CTN",
    "2018-01-20",
    "20/01/2018",
    "01.02.2018",
    "1/2/2018",
    "năm 2017",
    "giai đoạn 2016-2020, năm học 2018–2019",
    "2016 2017 2018 2019",
    "72 tập thể, 52 cá nhân, 2.875 hộ",
    "1 234 567 người",
    "123.456.789",
    "0,5 ha",
    "100% thôn đạt chuẩn",
    "8:00 ngày 01/02/2018",
    "Tổ 12, khu 3",
    "Số 1",
    "@hiephoa",
    "Nguyễn Văn An",
])  # fmt: skip
def test_amounts_decisions_dates_and_counts_are_left_alone(text):
    assert found(text) == []


def test_numbers_written_without_quotes_are_checked_too():
    # YAML reads `name: 121234567` as a number, not as text.
    (problem,) = found(121234567, key="name")
    assert "CMND/CCCD" in problem.message
    assert found(2017, key="year") == [] and found(1_000_000, key="collectives") == []


def test_allowlist_lets_a_public_number_through():
    text = "Đường dây nóng 0204 3812 345"
    assert found(text)
    assert found(text, {"HONOURS_PERSONAL_DATA_ALLOWLIST": ["0204 3812 345"]}) == []
    assert found(text + ", 0912345678", {"HONOURS_PERSONAL_DATA_ALLOWLIST": ["0204 3812 345"]})


def test_every_front_matter_field_is_checked():
    # Pelican hands every field to the templates, so a field not shown today may be shown tomorrow.
    check = Checker("bai.md", lambda path: 1)
    check_personal_data(check, {"author": "Thu Hà 0912345678", "ghi_chu": "Đường dây nóng 0912345678",
                                "title": "Tổng kết năm 2017"}, {})
    assert sorted(p.field for p in check.problems) == ["author", "ghi_chu"]


HEADER = """\
---
title: Bài kiểm tra
date: 2018-02-01 08:00
honours:
  year: 2017
  awards:
    - by: chu-tich-ubnd-huyen
      award: giay-khen
      collectives: 1
      individuals: 1
      recipients:
        - unit: xa-hoa-son
        - name: {name}
          unit: xa-hoa-son
---
Nội dung bài.
"""


def test_the_build_stops_at_the_file_and_field(build_site):
    with pytest.raises(ContentErrors) as stopped:
        build_site({ARTICLE: HEADER.format(name="Nguyễn Văn An, 0912 345 678")})
    (problem,) = stopped.value.problems
    assert problem.path.endswith(ARTICLE)
    assert (problem.line, problem.field) == (13, "honours.awards[1].recipients[2].name")
    assert "điện thoại" in problem.message


def test_the_allowlist_setting_is_read_by_the_build(build_site):
    output = build_site({ARTICLE: HEADER.format(name="Nguyễn Văn An (an@hiephoa.vn)")},
                        HONOURS_PERSONAL_DATA_ALLOWLIST=["an@hiephoa.vn"])
    assert "an@hiephoa.vn" in (output / "du-lieu/nguoi-nhan.csv").read_text(encoding="utf-8-sig")


@pytest.mark.parametrize("text", [
    "0912\u200b345678", "an\u200b@gmail.com", "12\u00ad3456789", "0912\u034f345\u034f678", "0912\u00a0345\u00a0678",
    "0912\u2009345\u2009678", "\uff10\uff19\uff11\uff12\uff13\uff14\uff15\uff16\uff17\uff18",
    "001\u00a0087\u00a0012\u00a0345",
])  # fmt: skip
def test_invisible_characters_do_not_hide_personal_data(text):
    assert len(found(text)) == 1


@pytest.mark.parametrize("key, value", [
    ("title", "Anh Lê Văn Tám (CCCD 001234567890) nhận Giấy khen"),
    ("summary", "Liên hệ 0912345678 để biết thêm"),
    ("tags", ["khen thưởng", "an@gmail.com"]),
])  # fmt: skip
def test_published_texts_besides_award_data_are_checked(key, value):
    check = Checker("bai.md", lambda path: 1)
    check_personal_data(check, {key: value}, {})
    (problem,) = check.problems
    assert problem.field.startswith(key)


def test_a_registry_text_with_personal_data_stops_the_build(build_site):
    units = (CONTENT / "data/units.yml").read_text(encoding="utf-8")
    units += ('\n- slug: thon-moi\n  name: Thôn Mới\n  kind: thon\n  parent: xa-hoa-son\n'
              '  note: "Trưởng thôn: 0912 345 679"\n')
    with pytest.raises(ContentErrors) as stopped:
        build_site({"data/units.yml": units})
    (problem,) = stopped.value.problems
    assert problem.path.endswith("data/units.yml") and "điện thoại" in problem.message
    build_site({"data/units.yml": units}, HONOURS_PERSONAL_DATA_ALLOWLIST=["0912 345 679"])
