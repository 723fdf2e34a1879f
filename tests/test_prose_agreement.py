"""The prose/data check of `invoke check` on real reports: silent when the data is right, heard when it is missing."""

from __future__ import annotations

import unicodedata
from pathlib import Path
from types import SimpleNamespace

import pytest
import yaml
from conftest import CONTENT, ROOT
from honours.core.registries import load_registries

from editor.extract import compare

DEVSET = ROOT.parent / "shared" / "extract-devset"
ARTICLES = sorted(DEVSET.glob("*.txt")) if DEVSET.is_dir() else []
COUNT_KEYS = ("collectives", "individuals", "households", "collectives_or_individuals")


@pytest.fixture(scope="module")
def registries():
    loaded, problems = load_registries(str(CONTENT / "data"))
    assert problems == []
    return loaded


def _key(text: str) -> str:
    return " ".join(unicodedata.normalize("NFC", text or "").lower().split())


def truth_lines(path: Path, registries) -> list[SimpleNamespace]:
    """The conferred lines of an article's truth, as award data an editor would type.

    The authority is the registry entry whose name is the one the truth writes
    (if any) and the award the truth's catalogue slug (if the registry has it);
    anything else gets a slug of its own, as an editor's new registry entry would.
    """
    by_name = {_key(name): slug for slug, authority in registries.authorities.items()
               for name in (authority.name, *authority.aliases)}
    lines = []
    for award in yaml.safe_load(path.read_text(encoding="utf-8")).get("awards") or []:
        if award.get("status") != "conferred" or award.get("aggregate_of") is not None \
                or award.get("subset_of") is not None:
            continue
        slug = award.get("catalogue_slug")
        lines.append(SimpleNamespace(
            authority=SimpleNamespace(slug=by_name.get(_key(award.get("authority")), "chua-co-trong-danh-muc")),
            award=SimpleNamespace(slug=slug if slug in registries.awards else "chua-co-trong-danh-muc"),
            **{key: int(award.get(key) or 0) for key in COUNT_KEYS}))
    return lines


def article_text(path: Path) -> str:
    return path.read_text(encoding="utf-8").split("\n", 1)[1]  # the title and body, as an editor pastes them


@pytest.mark.skipif(not ARTICLES, reason="the real articles are not beside this repository")
@pytest.mark.parametrize("path", ARTICLES, ids=lambda p: p.stem)
def test_no_warning_when_the_data_is_the_truth(path, registries):
    lines = truth_lines(path.with_suffix(".truth.yaml"), registries)
    assert compare(article_text(path), lines, registries) == []


@pytest.mark.skipif(not ARTICLES, reason="the real articles are not beside this repository")
@pytest.mark.parametrize("path", ARTICLES, ids=lambda p: p.stem)
def test_a_warning_when_an_article_states_awards_and_has_no_data(path, registries):
    lines = truth_lines(path.with_suffix(".truth.yaml"), registries)
    if not any(getattr(line, key) for line in lines for key in COUNT_KEYS):
        pytest.skip("the text states no conferred count")
    [warning] = compare(article_text(path), [], registries)
    assert "chưa có dữ liệu khen thưởng" in warning


def test_a_warning_for_an_article_of_our_own_without_data(registries):
    text = "Tại hội nghị, Chủ tịch UBND huyện tặng Giấy khen cho 4 tập thể và 9 cá nhân."
    [warning] = compare(text, [], registries)
    assert "4 tập thể" in warning and "9 cá nhân" in warning and "chưa có dữ liệu" in warning
    assert compare("Hội đồng thống nhất đề nghị tặng Giấy khen cho 4 tập thể.", [], registries) == []


def test_check_warns_about_an_article_that_reports_awards_without_data(content_copy, capsys):
    from editor.check import main

    article = content_copy / "tin-tuc" / "2024" / "xa-mai-trung-tong-ket-thi-dua.md"
    article.parent.mkdir(parents=True, exist_ok=True)
    article.write_text("---\ntitle: Xã Mai Trung tổng kết thi đua\ndate: 2024-01-10 08:00\ncategory: Tin tức\n---\n\n"
                       "Tại hội nghị, Chủ tịch UBND xã tặng Giấy khen cho 5 tập thể và 11 cá nhân.\n", encoding="utf-8")
    assert main(["-s", str(ROOT / "pelicanconf.py"), "--path", str(content_copy), "--no-cache"]) == 0
    warnings = [line for line in capsys.readouterr().out.splitlines() if line.startswith("cảnh báo: ")]
    assert len(warnings) == 1
    assert article.name in warnings[0] and "5 tập thể, 11 cá nhân" in warnings[0]
    assert "chưa có dữ liệu khen thưởng" in warnings[0] and "invoke extract" in warnings[0]
