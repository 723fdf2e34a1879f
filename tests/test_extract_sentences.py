"""The extractor on single sentences: the general case, spelling, numbers, the lookup tables."""

from __future__ import annotations

import pytest
from conftest import CONTENT
from honours.core.registries import load_registries
from test_extract import C, P, T, rows

from editor.extract import (
    GENERIC_AWARDS,
    extract,
    extractor_for,
    normalize_word,
    number_from_words,
    phrase_key,
    sentences,
)

# ---- sentences of the general case --------------------------------------------


@pytest.mark.parametrize("sentence, expected", [
    # The authority carries over ";" and "và" and a new one resets it.
    ("Thủ tướng Chính phủ tặng Bằng khen cho 2 tập thể, 3 cá nhân; UBND tỉnh tặng cờ thi đua cho 4 tập thể.",
     [("thu-tuong-chinh-phu", "bang-khen-thu-tuong", 2, 3, 0, C), ("ubnd-tinh", "co-thi-dua-tinh", 4, 0, 0, C)]),
    ("Chủ tịch UBND huyện khen thưởng 5 tập thể; UBND tỉnh khen thưởng 2 tập thể.",
     [("chu-tich-ubnd-huyen", "giay-khen", 5, 0, 0, C), ("ubnd-tinh", "bang-khen-tinh", 2, 0, 0, C)]),
    # Passive voice and recipients before the award.
    ("2 tập thể, 3 cá nhân được Thủ tướng Chính phủ tặng Bằng khen.",
     [("thu-tuong-chinh-phu", "bang-khen-thu-tuong", 2, 3, 0, C)]),
    ("Chủ tịch UBND tỉnh tặng 5 tập thể Cờ thi đua.", [("chu-tich-ubnd-tinh", "co-thi-dua-tinh", 5, 0, 0, C)]),
    # The award's own authority wins over the sentence's subject.
    ("UBND huyện trao Bằng khen của Thủ tướng Chính phủ cho 3 cá nhân.",
     [("thu-tuong-chinh-phu", "bang-khen-thu-tuong", 0, 3, 0, C)]),
    # Counts that belong to nothing are left out.
    ("Hội nghị có 300 người tham dự, Chủ tịch UBND huyện tặng Giấy khen cho 5 tập thể.",
     [("chu-tich-ubnd-huyen", "giay-khen", 5, 0, 0, C)]),
    ("Hàng trăm tập thể, cá nhân được khen thưởng.", []),
    # A presenter is neither a recipient nor, for an award above their level, who confers it.
    ("Đồng chí Nguyễn Văn An, Chủ tịch UBND huyện trao Bằng khen cho 5 tập thể.", [(None, None, 5, 0, 0, C)]),
    ("Đồng chí Nguyễn Văn Bình, Phó Chủ tịch UBND tỉnh trao Huân chương Lao động hạng Nhì cho 1 tập thể.",
     [(None, "huan-chuong-lao-dong", 1, 0, 0, C)]),
    ("Phó Chủ tịch UBND huyện Nguyễn Văn Bình trao Giấy khen cho 12 tập thể.",
     [("chu-tich-ubnd-huyen", "giay-khen", 12, 0, 0, C)]),
    ("Đến dự có đồng chí Vũ Văn Khải, Phó Bí thư Thường trực Huyện ủy và 200 đại biểu.", []),
    # Recipients named without a count are one each.
    ("UBND tỉnh tặng Cờ thi đua cho xã Xuân Cẩm và UBND xã Hoà Sơn.", [("ubnd-tinh", "co-thi-dua-tinh", 2, 0, 0, C)]),
    ("Chủ tịch UBND huyện tặng Giấy khen cho ông Nguyễn Văn Tâm và hộ bà Lê Thị Lan.",
     [("chu-tich-ubnd-huyen", "giay-khen", 0, 1, 1, C)]),
    # Award words that only describe the recipients of the award already named.
    ("Chủ tịch UBND xã tặng Giấy khen cho sáu hộ gia đình văn hóa tiêu biểu.",
     [("chu-tich-ubnd-xa", "giay-khen", 0, 0, 6, C)]),
    # A period after the event's own counts is what they were earned for, not a tally.
    ("Chủ tịch UBND huyện tặng Giấy khen cho 10 tập thể có thành tích xuất sắc trong giai đoạn 2015-2020.",
     [("chu-tich-ubnd-huyen", "giay-khen", 10, 0, 0, C)]),
    ("Trong 5 năm qua, đã có 150 tập thể được khen thưởng; tại hội nghị, Chủ tịch UBND huyện tặng Giấy khen "
     "cho 20 tập thể.", [(None, None, 150, 0, 0, T), ("chu-tich-ubnd-huyen", "giay-khen", 20, 0, 0, C)]),
    ("Trong năm qua, Chủ tịch UBND huyện tặng Giấy khen cho 20 tập thể.",
     [("chu-tich-ubnd-huyen", "giay-khen", 20, 0, 0, C)]),
    # The whole stated first, its parts after.
    ("Năm 2017, 32 tập thể và 76 cá nhân được khen thưởng. Cụ thể, UBND tỉnh tặng Bằng khen cho 21 tập thể, "
     "55 cá nhân; Chủ tịch UBND huyện tặng Giấy khen cho 11 tập thể, 21 cá nhân.",
     [(None, None, 32, 76, 0, T), ("ubnd-tinh", "bang-khen-tinh", 21, 55, 0, C),
      ("chu-tich-ubnd-huyen", "giay-khen", 11, 21, 0, C)]),
    # A subset after "trong đó" is not a second award.
    ("Chủ tịch UBND huyện tặng Giấy khen cho 5 tập thể và 10 cá nhân, trong đó có 3 giáo viên.",
     [("chu-tich-ubnd-huyen", "giay-khen", 5, 10, 0, C)]),
    # Who proposes does not confer.
    ("UBND huyện đề nghị tặng Bằng khen cho 5 tập thể.", [(None, None, 5, 0, 0, P)]),
    ("Chủ tịch UBND huyện tặng Giấy khen cho 10 tập thể và đề nghị Chủ tịch UBND tỉnh tặng Bằng khen cho 3 tập thể.",
     [("chu-tich-ubnd-huyen", "giay-khen", 10, 0, 0, C), ("chu-tich-ubnd-tinh", "bang-khen-tinh", 3, 0, 0, P)]),
    # People counted as "đồng chí", "N/M" read as N out of M, "lượt", a figure over two kinds left out.
    ("Chủ tịch UBND huyện công nhận danh hiệu Chiến sĩ thi đua cơ sở cho mười lăm đồng chí.",
     [("chu-tich-ubnd-huyen", "chien-si-thi-dua-co-so", 0, 15, 0, C)]),
    ("Năm 2023, toàn xã có 1.126/1.250 hộ đạt danh hiệu Gia đình văn hóa.",
     [(None, "gia-dinh-van-hoa", 0, 0, 1126, C)]),
    ("Chủ tịch UBND huyện tặng Giấy khen cho 12 lượt tập thể.", [("chu-tich-ubnd-huyen", "giay-khen", 12, 0, 0, C)]),
    # "30 tập thể, cá nhân" (one count for both kinds) is the sum of the line before: a suggestion, not a line.
    ("Chủ tịch UBND huyện tặng Giấy khen cho 10 tập thể, 20 cá nhân. Hội nghị đã khen thưởng 30 tập thể, cá nhân.",
     [("chu-tich-ubnd-huyen", "giay-khen", 10, 20, 0, C), (None, None, 0, 0, 0, T)]),
    # A count of a kind the award cannot go to is not its recipients.
    ("Nhà trường đã đào tạo 25.000 học sinh, đạt danh hiệu Tập thể lao động xuất sắc.", []),
    # An award left without a count does not take the next subject's "02 Cờ thi đua".
    ("Năm 2023, Chủ tịch nước tặng thưởng Huân chương Lao động hạng Ba, UBND tỉnh tặng 02 Cờ thi đua cho xã.",
     [("ubnd-tinh", "co-thi-dua-tinh", 2, 0, 0, C)]),
    # "Căn cứ đề nghị …" is the ground of a decision, not a proposal.
    ("Căn cứ đề nghị của Hội đồng Thi đua - Khen thưởng huyện, Chủ tịch UBND huyện đã ký quyết định tặng Giấy khen "
     "cho 25 tập thể.", [("chu-tich-ubnd-huyen", "giay-khen", 25, 0, 0, C)]),
    # A subject that cannot confer the award presents it; a presenter's title stays in its clause.
    ("Chủ tịch UBND huyện Nguyễn Văn Quân trao Huân chương Lao động hạng Ba cho 01 tập thể.",
     [(None, "huan-chuong-lao-dong", 1, 0, 0, C)]),
    ("Đồng chí Lê Văn Tâm, Phó Chủ tịch UBND huyện trao Giấy khen của Chủ tịch UBND huyện cho 4 tập thể; "
     "Giám đốc Trung tâm Y tế tặng Giấy khen cho 12 tập thể.",
     [("chu-tich-ubnd-huyen", "giay-khen", 4, 0, 0, C), (None, "giay-khen", 12, 0, 0, C)]),
    # The authority inside an award's name carries over ";" like a subject.
    ("Đồng chí Nguyễn Thị Lan, Bí thư Đảng ủy thị trấn trao Giấy khen của Chủ tịch UBND thị trấn cho 5 tổ dân phố; "
     "tặng Giấy khen cho 20 hộ gia đình văn hóa tiêu biểu.",
     [("chu-tich-ubnd-xa", "giay-khen", 5, 0, 0, C), ("chu-tich-ubnd-xa", "giay-khen", 0, 0, 20, C)]),
    # Named recipients: a person as the passive subject, titles between names, "Đảng bộ, chính quyền và Nhân dân".
    ("Đồng chí Ngô Văn Long, Chủ tịch UBND xã Hoàng Vân được Chủ tịch UBND tỉnh tặng Bằng khen.",
     [("chu-tich-ubnd-tinh", "bang-khen-tinh", 0, 1, 0, C)]),
    ("Cô giáo Trần Thị Bích Ngọc, Hiệu trưởng nhà trường được tặng Bằng khen của Bộ trưởng Bộ Giáo dục và Đào tạo.",
     [("bo-giao-duc-va-dao-tao", "bang-khen-tinh", 0, 1, 0, C)]),
    ("Đồng chí Vũ Văn Khải, Phó Bí thư Huyện ủy, tới dự cùng các đại biểu, lãnh đạo các xã, thị trấn và những tập thể "
     "được Chủ tịch UBND tỉnh tặng Bằng khen.", []),
    ("Đồng chí Trần Văn Bình, Chủ tịch UBND huyện được ủy quyền trao Bằng khen cho 3 tập thể.",
     [(None, None, 3, 0, 0, C)]),
    ("Chủ tịch UBND huyện tặng Giấy khen cho ông Nguyễn Văn Tâm, Trưởng thôn Trung Hưng và bà Lê Thị Lan.",
     [("chu-tich-ubnd-huyen", "giay-khen", 0, 2, 0, C)]),
    ("Chủ tịch UBND tỉnh tặng Bằng khen cho Đảng bộ, chính quyền và Nhân dân xã Hương Lâm.",
     [("chu-tich-ubnd-tinh", "bang-khen-tinh", 1, 0, 0, C)]),
    ("Giám đốc Sở Y tế tặng Giấy khen cho tập thể Khoa Hồi sức cấp cứu và 03 cá nhân.",
     [("so-nganh-tinh", "giay-khen", 1, 3, 0, C)]),
])  # fmt: skip
def test_sentences(sentence, expected, registries):
    assert rows(extract(sentence, registries)) == expected


def test_a_very_long_number_is_not_a_count(registries):
    sentence = "Chủ tịch UBND huyện tặng Giấy khen cho " + "1" * 5000 + " tập thể và 3 cá nhân."
    assert rows(extract(sentence, registries)) == [("chu-tich-ubnd-huyen", "giay-khen", 0, 3, 0, C)]


def test_spelling_variants_give_the_same_lines(registries):
    variants = [
        "Chủ tịch UBND tỉnh tặng Bằng khen cho 9 tập thể; công nhận 3 chiến sĩ thi đua cấp tỉnh.",
        "Chủ tịch Ủy ban nhân dân tỉnh tặng bằng khen cho chín tập thể; công nhận ba chiến sỹ thi đua cấp tỉnh.",
        "CHỦ TỊCH UỶ BAN NHÂN DÂN TỈNH TẶNG BẰNG KHEN CHO 09 TẬP THỂ; CÔNG NHẬN 03 CHIẾN SỸ THI ĐUA CẤP TỈNH.",
    ]
    expected = [("chu-tich-ubnd-tinh", "bang-khen-tinh", 9, 0, 0, C),
                ("chu-tich-ubnd-tinh", "chien-si-thi-dua-tinh", 0, 3, 0, C)]
    for text in variants:
        assert rows(extract(text, registries)) == expected, text


@pytest.mark.parametrize("old, new", [
    ("hoà", "hòa"), ("hoá", "hóa"), ("hoả", "hỏa"), ("hoã", "hõa"), ("hoạ", "họa"), ("khoẻ", "khỏe"),
    ("thuỳ", "thùy"), ("thuý", "thúy"), ("uỷ", "ủy"), ("thuỹ", "thũy"), ("thuỵ", "thụy"),
    ("sỹ", "sĩ"), ("kỹ", "kĩ"), ("lý", "lí"), ("HOÀ", "hòa"), ("Uỷ", "ủy"),
])  # fmt: skip
def test_tone_placement_and_i_y_variants_normalise_alike(old, new):
    assert normalize_word(old) == normalize_word(new)


def test_normalisation_keeps_distinct_words_apart():
    assert normalize_word("hộ") != normalize_word("họ")
    assert normalize_word("hoàng") == "hoàng" and normalize_word("người") == "người"
    assert normalize_word("Thuyền") == "thuyền" and normalize_word("quý") == normalize_word("quí")


def test_abbreviations_match_their_long_form():
    assert phrase_key("UBND tỉnh") == phrase_key("Uỷ ban nhân dân tỉnh") == phrase_key("Ủy ban Nhân dân Tỉnh")
    assert phrase_key("TTg") == phrase_key("Thủ tướng")


@pytest.mark.parametrize("words, value", [
    ("hai", 2), ("mười", 10), ("mười lăm", 15), ("hai mươi", 20), ("hai mươi mốt", 21), ("ba mươi tư", 34),
    ("một trăm", 100), ("một trăm linh năm", 105), ("hai trăm năm mươi", 250), ("một nghìn hai trăm", 1200),
    ("ba nghìn", 3000),
])  # fmt: skip
def test_numbers_in_words(words, value):
    assert number_from_words([normalize_word(w) for w in words.split()]) == (value, len(words.split()))


def test_numbers_in_words_stop_where_the_number_ends():
    assert number_from_words(["hai", "ba"]) == (2, 1)  # "hai, ba tập thể": two or three
    assert number_from_words(["tư"]) is None  # "tư" alone is not four
    assert number_from_words(["tập", "thể"]) is None


def test_digit_forms(registries):
    text = "Chủ tịch UBND xã tặng Giấy khen cho 1.780 hộ, 05 tập thể và 160 nghìn người."
    assert rows(extract(text, registries)) == [("chu-tich-ubnd-xa", "giay-khen", 5, 160000, 1780, C)]


def test_front_matter_and_markdown_are_skipped(registries):
    text = ("---\ntitle: Tặng Giấy khen cho 3 tập thể\nsummary: 5 tập thể được khen thưởng\n---\n\n"
            "# Tặng Giấy khen cho 7 tập thể\n\n"
            "- Chủ tịch UBND huyện tặng **Giấy khen** cho 2 tập thể\n"
            "- Chủ tịch UBND tỉnh tặng [Bằng khen](https://example.org/bang-khen) cho 1 cá nhân\n")
    assert rows(extract(text, registries)) == [
        (None, "giay-khen", 7, 0, 0, C),
        ("chu-tich-ubnd-huyen", "giay-khen", 2, 0, 0, C),
        ("chu-tich-ubnd-tinh", "bang-khen-tinh", 0, 1, 0, C),
    ]
    assert [p for _, p in sentences(text)][0] == "Tặng Giấy khen cho 7 tập thể"


def test_generic_rules_point_at_registered_awards(registries):
    for phrase, generic in GENERIC_AWARDS.items():
        for selector, slug in generic.rules.items():
            assert slug in registries.awards, (phrase, selector)


def test_lookup_tables_are_built_once_per_registries(registries):
    assert extractor_for(registries) is extractor_for(registries)
    other, _ = load_registries(str(CONTENT / "data"))
    assert extractor_for(other) is not extractor_for(registries)
