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
from honours.core.validation import Checker

from editor.extract import (
    Proposal,
    compare,
    extract,
    main,
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
