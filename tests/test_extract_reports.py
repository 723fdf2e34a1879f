"""How real reports are written, in our own words: titles, captions, approvals, periods, lists, households."""

from __future__ import annotations

import yaml
from test_extract import A, C, P, T, rows

from editor.extract import (
    extract,
    to_yaml,
)

# ---- how real reports are written (fixtures in our own words) --------------------------------


def conferred(proposals):
    return [p for p in proposals if p.status == C]


def test_the_title_restating_the_body_gives_one_line(registries):
    text = ("Huyện Hiệp Hòa khen thưởng 12 tập thể điển hình\n"
            "Chiều 5/3, Chủ tịch UBND huyện tặng Giấy khen cho 12 tập thể điển hình năm 2023.\n")
    proposals = extract(text, registries)
    assert rows(conferred(proposals)) == [("chu-tich-ubnd-huyen", "giay-khen", 12, 0, 0, C)]
    assert [p.status for p in proposals] == ["repeated", C]
    assert "tiêu đề" in proposals[0].reason


def test_a_caption_repeating_the_award_is_a_suggestion(registries):
    text = ("Sáng 2/4, Chủ tịch UBND huyện tặng Giấy khen cho 7 tập thể.\n\n"
            "Chủ tịch UBND huyện trao Giấy khen cho 7 tập thể. (Ảnh: Thu Hà)\n")
    assert [p.status for p in extract(text, registries)] == [C, "repeated"]


def test_council_approval_is_not_an_award(registries):
    text = "Hội đồng Thi đua - Khen thưởng huyện đã bỏ phiếu, thống nhất đề nghị tặng Bằng khen cho 6 tập thể."
    assert [p.status for p in extract(text, registries)] == [A]


def test_a_proposal_reaches_the_sentences_that_only_continue_it(registries):
    text = ("UBND huyện đã lập hồ sơ đề nghị UBND tỉnh khen thưởng như sau. "
            "Cờ thi đua cho 2 xã; Bằng khen cho 5 tập thể và 9 cá nhân.\n\n"
            "Tại hội nghị, Chủ tịch UBND huyện tặng Giấy khen cho 14 cá nhân.")
    assert [(p.status, p.collectives, p.individuals) for p in extract(text, registries)] == [
        (P, 2, 0), (P, 5, 9), (C, 0, 14)]


def test_a_paragraph_opening_with_its_period_is_a_tally(registries):
    text = ("Trong 5 năm qua, phong trào thi đua được duy trì đều khắp. "
            "Có 40 tập thể và 85 cá nhân được Chủ tịch UBND huyện tặng Giấy khen.\n\n"
            "Dịp này, Chủ tịch UBND huyện tặng Giấy khen cho 6 tập thể.")
    proposals = extract(text, registries)
    assert [(p.status, p.collectives, p.individuals) for p in proposals] == [(T, 40, 85), (C, 6, 0)]
    assert "«Trong 5 năm" in proposals[0].reason  # the period is named in the reason


def test_names_listed_after_a_colon_count_one_each(registries):
    text = ("Chủ tịch nước truy tặng danh hiệu Bà mẹ Việt Nam anh hùng cho các mẹ: Lê Thị Hoa ở thôn Đông, "
            "Phạm Thị Nụ ở thôn Tây và Vũ Thị Mai.")
    assert rows(extract(text, registries)) == [("chu-tich-nuoc", "ba-me-viet-nam-anh-hung", 0, 3, 0, C)]


def test_families_of_martyrs_are_households(registries):
    [line] = extract("Chủ tịch nước tặng Huân chương Độc lập hạng Ba cho 6 gia đình liệt sĩ.", registries)
    assert (line.status, line.collectives, line.individuals, line.households) == (C, 0, 0, 6)
    # The registry decides whether the award may go to households; if not, the editor chooses.
    assert line.award in (None, "huan-chuong-doc-lap")


def test_one_count_for_collectives_and_individuals_together(registries):
    [line] = extract("Tại hội nghị, Chủ tịch UBND huyện khen thưởng 25 tập thể, cá nhân.", registries)
    assert (line.status, line.collectives, line.individuals, line.collectives_or_individuals) == (C, 0, 0, 25)
    block = yaml.safe_load(to_yaml([line], 2023))
    assert block["honours"]["awards"][0]["collectives_or_individuals"] == 25


def test_an_overview_then_lines_award_by_award(registries):
    text = ("Hội nghị đã biểu dương, khen thưởng 40 tập thể, cá nhân. "
            "Chủ tịch UBND huyện tặng Giấy khen cho 10 tập thể và 20 cá nhân; "
            "Chủ tịch UBND xã tặng Giấy khen cho 4 tập thể và 6 cá nhân.")
    proposals = extract(text, registries)
    assert [p.status for p in proposals] == [T, C, C]
    assert proposals[0].collectives_or_individuals == 40


def test_a_whole_announced_before_its_parts_counts_once(registries):
    text = ("Chủ tịch nước tặng Huân chương cho 12 đồng chí, gồm: 2 Huân chương Lao động hạng Nhì "
            "và 10 Huân chương Lao động hạng Ba.")
    assert [(p.status, p.individuals) for p in extract(text, registries)] == [(T, 12), (C, 2), (C, 10)]


def test_examples_after_like_are_not_lines(registries):
    text = ("Chủ tịch UBND huyện tặng Giấy khen cho 30 học sinh giỏi, tiêu biểu như: xã Đoan Bái có 6 em; "
            "xã Lương Phong 5 em.")
    assert rows(extract(text, registries)) == [("chu-tich-ubnd-huyen", "giay-khen", 0, 30, 0, C)]


def test_a_body_of_another_province_is_not_ours(registries):
    [line] = extract("Chủ tịch UBND tỉnh Quảng Nam tặng Bằng khen cho 3 tập thể.", registries)
    assert line.by is None and line.collectives == 3 and line.status == C
    assert line.by_text == "Chủ tịch UBND tỉnh Quảng Nam"  # as written, for the editor to add or choose
    assert "«Chủ tịch UBND tỉnh Quảng Nam» chưa có trong danh mục" in to_yaml([line], 2023)
    # What another place "has" is its tally.
    [tally] = extract("Hiện nay, tỉnh Quảng Nam có 1.200 mẹ được tặng danh hiệu Bà mẹ Việt Nam anh hùng.", registries)
    assert tally.status == T


def test_suggested_lines_uncomment_into_valid_yaml(registries):
    text = ("UBND huyện đề nghị Chủ tịch UBND tỉnh tặng Bằng khen cho 5 tập thể.\n\n"
            "Ban Thường vụ Huyện đoàn tặng Giấy khen cho 8 đoàn viên.")
    block = to_yaml(extract(text, registries), 2023)
    assert yaml.safe_load(block) == {"honours": {"year": 2023, "awards": []}}
    lines = block.splitlines()
    # As the comment under "awards: []" says: remove "[]", then the "# " of the suggested lines.
    edited = [line.replace("awards: []", "awards:") for line in lines]
    edited = [line.replace("    # ", "    ", 1) if line.lstrip().startswith(("# -", "#   ")) else line
              for line in edited]
    awards = yaml.safe_load("\n".join(edited))["honours"]["awards"]
    assert [(a["by"], a["award"], a.get("collectives", 0), a.get("individuals", 0)) for a in awards] == [
        ("chu-tich-ubnd-tinh", "bang-khen-tinh", 5, 0), (None, "giay-khen", 0, 8)]
