"""Rebuilds with Pelican's content cache give exactly what a fresh build gives."""

from __future__ import annotations

import filecmp
import shutil

from conftest import CONTENT, read_page, run_pelican

SEED = "tin-tuc/2018/hiep-hoa-tong-ket-thi-dua-khen-thuong-nam-2017.md"
SEED_URL = "/tin-tuc/2018/02/hiep-hoa-tong-ket-phong-trao-thi-dua-khen-thuong-nam-2017/"


def cached_build(content, output, cache):
    return run_pelican(content, output, CACHE_CONTENT=True, LOAD_CONTENT_CACHE=True, CACHE_PATH=str(cache),
                       HONOURS_SEARCH_INDEX=False)


def same_tree(first, second):
    names = sorted(str(p.relative_to(first)) for p in first.rglob("*") if p.is_file())
    assert names == sorted(str(p.relative_to(second)) for p in second.rglob("*") if p.is_file())
    _, mismatch, errors = filecmp.cmpfiles(first, second, names, shallow=False)
    assert mismatch == [] and errors == []


def test_warm_rebuild_after_edits_equals_a_fresh_build(tmp_path):
    content, cache = tmp_path / "content", tmp_path / "cache"
    shutil.copytree(CONTENT, content)
    cached_build(content, tmp_path / "first", cache)
    seed = content / SEED
    seed.write_text(seed.read_text(encoding="utf-8").replace("collectives: 17", "collectives: 18"), encoding="utf-8")
    units = content / "data/units.yml"
    units.write_text(units.read_text(encoding="utf-8").replace("name: Phòng Nội vụ", "name: Phòng Nội vụ huyện"),
                     encoding="utf-8")
    warm = cached_build(content, tmp_path / "warm", cache)
    fresh = run_pelican(content, tmp_path / "fresh", HONOURS_SEARCH_INDEX=False)
    same_tree(warm, fresh)
    footer = read_page(warm, SEED_URL).find("table", class_="awards").tfoot.get_text(" ")
    assert "73" in footer  # 72 collectives + 1
    assert "Phòng Nội vụ huyện" in read_page(warm, "/don-vi/phong-noi-vu/").h1.get_text()


def test_warm_rebuild_after_a_new_year_appears_equals_a_fresh_build(tmp_path):
    """A new year changes the links between rolls of other years, whose articles did not change."""
    content, cache = tmp_path / "content", tmp_path / "cache"
    shutil.copytree(CONTENT, content)
    cached_build(content, tmp_path / "first", cache)
    (content / "tin-tuc/2021/bai-moi.md").parent.mkdir(parents=True, exist_ok=True)
    (content / "tin-tuc/2021/bai-moi.md").write_text(
        "---\ntitle: Khen thưởng năm 2020\ndate: 2021-01-10 08:00\nhonours:\n  year: 2020\n  awards:\n"
        "    - by: chu-tich-ubnd-huyen\n      award: giay-khen\n      recipients:\n        - unit: xa-hoa-son\n"
        "---\nNội dung.\n", encoding="utf-8")
    warm = cached_build(content, tmp_path / "warm", cache)
    fresh = run_pelican(content, tmp_path / "fresh", HONOURS_SEARCH_INDEX=False)
    same_tree(warm, fresh)
    assert read_page(warm, "/khen-thuong/2019/").find("a", href="/khen-thuong/2020/")
