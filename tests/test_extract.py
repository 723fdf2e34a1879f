"""Award counts read out of Vietnamese prose: the extractor, its outputs and the prose/data check."""

from __future__ import annotations

import json
from dataclasses import replace
from pathlib import Path

import pytest
import yaml
from conftest import CONTENT, ROOT, SHARED, needs_shared
from honours.core.frontmatter import parse_front_matter
from honours.core.model import parse_article
from honours.core.registries import load_registries
from honours.core.validation import Checker

from editor.extract import (
    GENERIC_AWARDS,
    Proposal,
    compare,
    extract,
    extractor_for,
    main,
    normalize_word,
    number_from_words,
    phrase_key,
    sentences,
    to_json,
    to_yaml,
)

# The raw seed lives beside the repository (its sentences are not ours to publish).
SEED_TEXT = SHARED / "seeds" / "000_1e997da88f4ac5f2.txt"
needs_seed = needs_shared(SEED_TEXT)
SEED_ARTICLE = CONTENT / "tin-tuc" / "2018" / "hiep-hoa-tong-ket-thi-dua-khen-thuong-nam-2017.md"
FIXTURES = ROOT / "tests" / "fixtures" / "prose"

SEED_LINES = [
    ("thu-tuong-chinh-phu", "bang-khen-thu-tuong", 2, 3, 0),
    ("ubnd-tinh", "co-thi-dua-tinh", 4, 0, 0),
    ("chu-tich-ubnd-tinh", "bang-khen-tinh", 9, 11, 0),
    ("chu-tich-ubnd-tinh", "tap-the-lao-dong-tien-tien", 11, 0, 0),
    ("chu-tich-ubnd-huyen", "giay-khen", 17, 0, 0),
    ("chu-tich-ubnd-huyen", "tap-the-lao-dong-tien-tien", 29, 0, 0),
    ("chu-tich-ubnd-huyen", "chien-si-thi-dua-co-so", 0, 29, 0),
    ("chu-tich-ubnd-huyen", "giay-khen", 0, 9, 0),
]

C, P, A, T = "conferred", "proposed", "approved", "total"

# What each fixture article states, read from its prose:
# (by, award, collectives, individuals, households, status).
FIXTURE_EXPECTATIONS = {
    # Words as numbers, Hoà/Uỷ spellings, "Thừa ủy quyền …" with a deputy presenting, households.
    "01-hoa-son-tong-ket.md": [
        ("chu-tich-ubnd-tinh", "bang-khen-tinh", 2, 5, 0, C),
        ("chu-tich-ubnd-huyen", "giay-khen", 15, 21, 0, C),
        ("chu-tich-ubnd-xa", "lao-dong-tien-tien", 0, 34, 0, C),
        ("chu-tich-ubnd-xa", "giay-khen", 0, 0, 12, C),
    ],
    # Five-year and "từ năm 2013 đến nay" tallies, thousands dots, zero padding, "sỹ", proposals.
    "02-van-hoa-5-nam.txt": [
        (None, "gia-dinh-van-hoa", 0, 0, 1780, T),
        (None, "thon-van-hoa", 96, 0, 0, T),
        ("ubnd-tinh", "co-thi-dua-tinh", 7, 0, 0, T),
        ("chu-tich-ubnd-tinh", "bang-khen-tinh", 45, 120, 0, T),
        ("chu-tich-ubnd-huyen", "giay-khen", 5, 8, 0, C),
        ("chu-tich-ubnd-huyen", "chien-si-thi-dua-co-so", 0, 3, 0, C),
        ("chu-tich-ubnd-tinh", "bang-khen-tinh", 2, 4, 0, P),
        ("thu-tuong-chinh-phu", "bang-khen-thu-tuong", 1, 0, 0, P),
    ],
    # Presenters named "đồng chí …", an award "của" its authority, a sum beside its parts.
    "03-nong-dan-gioi.md": [
        ("chu-tich-ubnd-huyen", "giay-khen", 21, 55, 0, C),
        ("chu-tich-ubnd-huyen", "giay-khen", 11, 21, 0, C),
        (None, None, 32, 76, 0, T),
        ("ubnd-huyen", "giay-khen", 0, 0, 15, C),
    ],
    # "…, trong đó: …" (the whole before its parts), central awards, "Giám đốc Sở".
    "04-trung-tam-y-te.md": [
        (None, None, 12, 35, 0, T),
        ("chu-tich-nuoc", "huan-chuong-lao-dong", 1, 0, 0, C),
        ("chinh-phu", "co-thi-dua-chinh-phu", 1, 0, 0, C),
        ("ubnd-tinh", "co-thi-dua-tinh", 2, 0, 0, C),
        ("so-nganh-tinh", "giay-khen", 8, 35, 0, C),
    ],
    # "Xét đề nghị" is no proposal; "trình" and "đề nghị cấp trên" are; bare "khen thưởng" by level.
    "05-phong-chong-dich.txt": [
        ("chu-tich-ubnd-huyen", "giay-khen", 14, 100, 0, C),
        ("chu-tich-ubnd-tinh", "bang-khen-tinh", 3, 6, 0, P),
        (None, None, 2, 0, 0, P),
        ("chu-tich-ubnd-tinh", "bang-khen-tinh", 0, 4, 0, C),
    ],
    # Several awards per sentence, "Thủ tướng", a title split by recipient kind, a body outside the registry.
    "06-nganh-giao-duc.md": [
        ("chu-tich-ubnd-tinh", "chien-si-thi-dua-tinh", 0, 6, 0, C),
        ("chu-tich-ubnd-tinh", "bang-khen-tinh", 9, 17, 0, C),
        ("thu-tuong-chinh-phu", "bang-khen-thu-tuong", 0, 1, 0, C),
        ("chu-tich-ubnd-huyen", "tap-the-lao-dong-tien-tien", 40, 0, 0, C),
        ("chu-tich-ubnd-huyen", "lao-dong-tien-tien", 0, 1205, 0, C),
        ("chu-tich-ubnd-huyen", "chien-si-thi-dua-co-so", 0, 86, 0, C),
        ("chu-tich-ubnd-huyen", "giay-khen", 25, 60, 0, C),
        (None, "giay-khen", 0, 210, 0, C),
    ],
    # A province-wide tally, "thay mặt …, ông …, Phó Chủ tịch …", households, zero padding.
    "07-nong-thon-moi.txt": [
        ("chu-tich-ubnd-tinh", "bang-khen-tinh", 2345, 1120, 0, T),
        ("chu-tich-ubnd-tinh", "bang-khen-tinh", 3, 0, 2, C),
        ("chu-tich-ubnd-huyen", "giay-khen", 7, 0, 10, C),
    ],
    # The authority carried to the next sentence of a paragraph, a share (95%) is no count, "Tổng cộng".
    "08-mai-dinh.md": [
        ("chu-tich-ubnd-xa", "giay-khen", 12, 30, 0, C),
        ("chu-tich-ubnd-xa", "thon-van-hoa", 8, 0, 0, C),
        (None, None, 20, 30, 0, T),
    ],
    # A named teacher as the passive subject, "Bằng khen của Bộ trưởng …" after "được tặng", 25.000 pupils no award.
    "09-truong-thpt-huan-chuong.md": [
        ("chu-tich-nuoc", "huan-chuong-lao-dong", 1, 0, 0, C),
        ("chu-tich-ubnd-tinh", "bang-khen-tinh", 1, 2, 0, C),
        ("so-nganh-tinh", "giay-khen", 0, 5, 0, C),
        ("bo-giao-duc-va-dao-tao", "bang-khen-tinh", 0, 1, 0, C),
    ],
    # "2.148/2.310 hộ", "11/12 thôn", words, "Trong 5 năm qua", a proposal.
    "10-doan-bai-gia-dinh-van-hoa.md": [
        (None, "gia-dinh-van-hoa", 0, 0, 2148, C),
        (None, "thon-van-hoa", 11, 0, 0, C),
        ("chu-tich-ubnd-huyen", "giay-khen", 2, 0, 5, C),
        ("chu-tich-ubnd-xa", "giay-khen", 3, 0, 15, C),
        ("chu-tich-ubnd-huyen", "giay-khen", 0, 0, 38, T),
        ("chu-tich-ubnd-huyen", "thon-van-hoa", 2, 0, 0, P),
    ],
    # Bullets "Bằng khen của …: 02 tập thể, 04 cá nhân", the award's own authority carried over ";".
    "11-thi-tran-thang-gach-dau-dong.md": [
        ("ubnd-tinh", "co-thi-dua-tinh", 1, 0, 0, C),
        ("chu-tich-ubnd-tinh", "bang-khen-tinh", 2, 4, 0, C),
        ("chu-tich-ubnd-huyen", "giay-khen", 6, 15, 0, C),
        (None, "lao-dong-tien-tien", 0, 86, 0, C),
        (None, "chien-si-thi-dua-co-so", 0, 9, 0, C),
        ("chu-tich-ubnd-xa", "giay-khen", 5, 12, 0, C),
        ("chu-tich-ubnd-xa", "giay-khen", 0, 0, 20, C),
        (None, "thon-van-hoa", 7, 0, 0, C),
        (None, "gia-dinh-van-hoa", 0, 0, 1985, C),
    ],
    # "Đảng bộ, chính quyền và Nhân dân xã …", an award left without a count, past years' awards.
    "12-huong-lam-co-thi-dua.txt": [
        ("chinh-phu", "co-thi-dua-chinh-phu", 1, 0, 0, C),
        ("ubnd-tinh", "co-thi-dua-tinh", 2, 0, 0, T),
        ("chu-tich-ubnd-tinh", "bang-khen-tinh", 3, 4, 0, C),
        ("chu-tich-ubnd-huyen", "giay-khen", 10, 18, 6, C),
    ],
    # People named one by one with their titles between; a state title the district only hands over.
    "13-guong-nguoi-tot.md": [
        ("chu-tich-ubnd-tinh", "bang-khen-tinh", 0, 1, 0, C),
        ("chu-tich-ubnd-huyen", "giay-khen", 0, 2, 0, C),
        ("chu-tich-ubnd-huyen", "giay-khen", 0, 2, 0, C),
        ("chu-tich-ubnd-huyen", "giay-khen", 0, 3, 0, C),
        (None, "ba-me-viet-nam-anh-hung", 0, 5, 0, C),
    ],
    # Central and provincial bodies the registries name; presenters listed with titles confer nothing known.
    "14-lien-doan-lao-dong.txt": [
        ("tong-lien-doan-lao-dong", "bang-khen-tinh", 1, 2, 0, C),
        ("lien-doan-lao-dong-tinh", "bang-khen-tinh", 4, 6, 0, C),
        (None, "giay-khen", 15, 32, 0, C),
        (None, None, 2, 3, 0, C),
    ],
    # One list of one kind ("412 học sinh giỏi, 389 học sinh tiên tiến"), a department head's Giấy khen.
    "15-thcs-tong-ket-nam-hoc.md": [
        ("chu-tich-ubnd-huyen", "giay-khen", 1, 11, 0, C),
        (None, "giay-khen", 0, 27, 0, C),
        (None, "giay-khen", 0, 801, 0, C),
        ("chu-tich-ubnd-tinh", "bang-khen-tinh", 0, 1, 0, C),
        ("chu-tich-ubnd-tinh", "bang-khen-tinh", 0, 2, 0, P),
    ],
    # A five-yearly congress: tallies "bình quân mỗi năm", then the congress's own awards ("tại Đại hội").
    "16-dong-lo-dai-hoi-thi-dua.md": [
        ("thu-tuong-chinh-phu", "bang-khen-thu-tuong", 1, 0, 0, T),
        ("chu-tich-ubnd-tinh", "bang-khen-tinh", 4, 11, 0, T),
        ("chu-tich-ubnd-huyen", "giay-khen", 27, 96, 0, T),
        (None, "gia-dinh-van-hoa", 0, 0, 2100, T),
        (None, "thon-van-hoa", 9, 0, 0, T),
        ("chu-tich-ubnd-huyen", "giay-khen", 1, 2, 0, C),
        ("chu-tich-ubnd-xa", "giay-khen", 8, 21, 15, C),
        ("ubnd-huyen", "giay-khen", 3, 5, 0, P),
    ],
    # Gifts to "hộ gia đình văn hóa" and "chiến sĩ thi đua" are not awards to them.
    "17-tet-vi-nguoi-ngheo.md": [
        ("ubnd-huyen", "giay-khen", 5, 8, 0, C),
    ],
    # Prizes and cash ("trao thưởng", "thưởng nóng … triệu đồng") are not awards.
    "18-giai-bong-da.md": [
        ("chu-tich-ubnd-huyen", "giay-khen", 2, 4, 0, C),
    ],
    # Other districts' figures ("huyện Việt Yên có 120 tập thể …") are not this district's awards;
    # what the cluster agreed to propose is an approval, not yet an award.
    "19-cum-thi-dua.md": [
        (None, None, 120, 356, 0, T),
        (None, None, 98, 274, 0, T),
        (None, "tap-the-lao-dong-xuat-sac", 34, 0, 0, T),
        ("chu-tich-ubnd-tinh", "bang-khen-tinh", 3, 3, 0, C),
        # "Các huyện trong Cụm thống nhất đề nghị …": the cluster agreed to propose, not yet a decision.
        ("ubnd-tinh", "co-thi-dua-tinh", 1, 0, 0, A),  # the district is a registry unit: one flag
        ("chu-tich-ubnd-tinh", "bang-khen-tinh", 5, 0, 0, A),
    ],
    # A Markdown table whose header names the recipient kinds; a table of yearly figures gives nothing.
    "20-bang-tong-hop.md": [
        (None, "huan-chuong-lao-dong", 1, 2, 0, C),
        ("thu-tuong-chinh-phu", "bang-khen-thu-tuong", 2, 3, 0, C),
        ("ubnd-tinh", "co-thi-dua-tinh", 3, 0, 0, C),
        ("chu-tich-ubnd-tinh", "bang-khen-tinh", 15, 41, 0, C),
        ("chu-tich-ubnd-huyen", "giay-khen", 86, 245, 0, C),
        (None, "gia-dinh-van-hoa", 0, 0, 48926, C),
        (None, "thon-van-hoa", 226, 0, 0, C),
    ],
}


@pytest.fixture(scope="module")
def registries():
    loaded, problems = load_registries(str(CONTENT / "data"))
    assert problems == []
    return loaded


def rows(proposals, with_status=True):
    return [(p.by, p.award, p.collectives, p.individuals, p.households, *((p.status,) if with_status else ()))
            for p in proposals]


def article_lines(path: Path, registries):
    front = parse_front_matter(path.read_text(encoding="utf-8"))
    check = Checker(str(path), front.line_of)
    record = parse_article(check, front.data, registries, str(path))
    assert check.problems == []
    return front.body, record.lines


# ---- the seed ----------------------------------------------------------------


@needs_seed
def test_seed_text_gives_its_eight_lines(registries):
    proposals = extract(SEED_TEXT.read_text(encoding="utf-8"), registries)
    assert rows(proposals, with_status=False) == SEED_LINES
    assert {p.status for p in proposals} == {"conferred"}
    assert sum(p.collectives for p in proposals) == 72 and sum(p.individuals for p in proposals) == 52


def test_rewritten_seed_counts_its_sum_sentence_once(registries):
    proposals = extract(SEED_ARTICLE.read_text(encoding="utf-8"), registries)
    conferred = [p for p in proposals if p.status == "conferred"]
    assert rows(conferred, with_status=False) == SEED_LINES
    others = [p for p in proposals if p.status != "conferred"]
    assert rows(others) == [(None, None, 72, 52, 0, "total")]
    assert others[0].text.startswith("Tổng cộng, năm 2017")


def test_seed_prose_and_data_agree(registries):
    body, lines = article_lines(SEED_ARTICLE, registries)
    assert len(lines) == 8
    assert compare(body, lines, registries) == []


def test_text_is_the_original_sentence(registries):
    text = "Thừa uỷ quyền của Chủ tịch Uỷ ban nhân dân tỉnh, đồng chí Lê Văn Bình trao Bằng khen cho 4 cá nhân."
    [proposal] = extract(f"  {text}  \n", registries)
    assert proposal.text == text


# ---- fixture articles ---------------------------------------------------------


@pytest.mark.parametrize("name", sorted(FIXTURE_EXPECTATIONS))
def test_fixture_articles(name, registries):
    proposals = extract((FIXTURES / name).read_text(encoding="utf-8"), registries)
    assert rows(proposals) == FIXTURE_EXPECTATIONS[name]


def test_every_fixture_has_an_expectation():
    assert sorted(path.name for path in FIXTURES.iterdir()) == sorted(FIXTURE_EXPECTATIONS)


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


# ---- outputs -----------------------------------------------------------------------

MIXED = [
    Proposal("thu-tuong-chinh-phu", "bang-khen-thu-tuong", 2, 3, 0, "conferred", "Thủ tướng Chính phủ tặng …"),
    Proposal("chu-tich-ubnd-tinh", "bang-khen-tinh", 2, 4, 0, "proposed", "UBND huyện đã đề nghị …"),
    Proposal(None, None, 72, 52, 0, "total", "Tổng cộng, năm 2017 có 72 tập thể và 52 cá nhân …"),
    Proposal(None, "giay-khen", 0, 210, 0, "conferred", "210 học sinh được Ban Thường vụ Huyện đoàn …"),
    Proposal("chu-tich-ubnd-xa", "giay-khen", 0, 0, 12, "conferred", "Chủ tịch UBND xã tặng Giấy khen …"),
]


def test_json_has_exactly_the_documented_keys():
    data = json.loads(to_json(MIXED))
    assert [list(item) for item in data] == [
        ["by", "by_text", "award", "collectives", "individuals", "households", "collectives_or_individuals", "status",
         "reason", "text"]] * len(MIXED)
    assert data[1]["status"] == "proposed" and data[2]["by"] is None
    assert "Thủ tướng" in to_json(MIXED)  # not escaped


def test_yaml_block_is_the_sites_format_and_only_conferred_lines_are_live(registries):
    block = to_yaml(MIXED, 2017)
    data = yaml.safe_load(block)
    assert data == {"honours": {"year": 2017, "awards": [
        {"by": "thu-tuong-chinh-phu", "award": "bang-khen-thu-tuong", "collectives": 2, "individuals": 3},
        {"by": "chu-tich-ubnd-xa", "award": "giay-khen", "households": 12},
    ]}}
    comments = [line for line in block.splitlines() if line.lstrip().startswith("#")]
    for left_out in MIXED[1:4]:
        assert any(left_out.text in line for line in comments), left_out
    assert any("đề nghị" in line for line in comments) and any("tổng hợp" in line for line in comments)
    assert any("chưa rõ cấp khen thưởng" in line for line in comments)
    # Pasted under an article's header, the block passes the site's own checks.
    check = Checker("bai.md", lambda path: 1)
    record = parse_article(check, {"title": "Bài", "date": "2018-02-01 08:00", **data}, registries, "bai.md")
    assert check.problems == []
    assert [(line.authority.slug, line.award.slug) for line in record.lines] == [
        ("thu-tuong-chinh-phu", "bang-khen-thu-tuong"), ("chu-tich-ubnd-xa", "giay-khen")]


@needs_seed
def test_yaml_of_the_seed_gives_its_front_matter(registries):
    block = to_yaml(extract(SEED_TEXT.read_text(encoding="utf-8"), registries), 2017)
    awards = yaml.safe_load(block)["honours"]["awards"]
    assert [(a["by"], a["award"], a.get("collectives", 0), a.get("individuals", 0), a.get("households", 0))
            for a in awards] == SEED_LINES


def test_yaml_without_conferred_lines_is_still_valid():
    data = yaml.safe_load(to_yaml(MIXED[1:3], None))
    assert data == {"honours": {"awards": []}}


# ---- prose and data agree ------------------------------------------------------------


def test_compare_reports_both_figures(registries):
    body, lines = article_lines(SEED_ARTICLE, registries)
    changed = [replace(line, collectives=18) if line.position == 5 else line for line in lines]
    # Only the line that differs is named: totals over the article are no longer compared (they mix lines an
    # editor may read differently, and fired falsely on real reports).
    [pair] = compare(body, changed, registries)
    assert "Giấy khen" in pair and "17 tập thể" in pair and "18 tập thể" in pair


def test_compare_is_silent_when_the_prose_states_no_counts(registries):
    _, lines = article_lines(SEED_ARTICLE, registries)
    assert compare("Các tập thể, cá nhân được Thủ tướng Chính phủ tặng Bằng khen.", lines, registries) == []
    assert compare("UBND huyện đề nghị tặng Bằng khen cho 5 tập thể.", lines, registries) == []


def test_compare_of_prose_without_data(registries):
    [warning] = compare("Chủ tịch UBND huyện tặng Giấy khen cho 3 tập thể.", (), registries)
    assert "3 tập thể" in warning and "chưa có dữ liệu khen thưởng" in warning


# ---- command line ------------------------------------------------------------------------


@needs_seed
def test_command_line_json(tmp_path, capsys):
    path = tmp_path / "bai.txt"
    path.write_text(SEED_TEXT.read_text(encoding="utf-8"), encoding="utf-8")
    assert main([str(path), "--json"]) == 0
    data = json.loads(capsys.readouterr().out)
    assert [(d["by"], d["award"], d["collectives"], d["individuals"], d["households"]) for d in data] == SEED_LINES


@needs_seed
def test_command_line_yaml_guesses_the_emulation_year(tmp_path, capsys):
    path = tmp_path / "bai.txt"
    path.write_text(SEED_TEXT.read_text(encoding="utf-8"), encoding="utf-8")
    assert main([str(path)]) == 0
    assert yaml.safe_load(capsys.readouterr().out)["honours"]["year"] == 2017


def test_command_line_missing_file(tmp_path, capsys):
    assert main([str(tmp_path / "khong-co.md")]) == 2
    captured = capsys.readouterr()
    assert captured.out == ""
    assert "không tìm thấy tệp" in captured.err and "khong-co.md" in captured.err


def test_command_line_unreadable_and_bad_usage(tmp_path, capsys):
    path = tmp_path / "bai.md"
    path.write_bytes("Giấy khen".encode("utf-16"))
    assert main([str(path)]) == 2
    assert "UTF-8" in capsys.readouterr().err
    assert main([]) == 2
    assert "cách dùng" in capsys.readouterr().err


@pytest.mark.parametrize("path", sorted(CONTENT.glob("tin-tuc/*/*.md")), ids=lambda p: p.name)
def test_the_demo_articles_prose_and_data_agree(path, registries):
    # Each demo article states in its prose what its front-matter records: no warning is expected.
    body, lines = article_lines(path, registries)
    assert compare(body, lines, registries) == []


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
