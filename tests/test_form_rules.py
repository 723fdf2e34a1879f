"""One set of cases through the web editor's form rules (in Chromium) and through `invoke check`: same verdicts.

The form's rules (theme/static/js/decap-rules.js with the generated
admin/rules.js) repeat the build's checks so the editor sees them before
saving. Each case is what an editor types; the form's widgets turn it into
what is saved (a count typed "1.780" is saved as 1780, "2,5" is kept as typed
and refused). The check then reads that saved article, and both must agree.
"""

from __future__ import annotations

import copy
import json
from datetime import date

import pytest
import yaml
from browser import CHROMIUM_ARGS, require_chromium, serve
from conftest import CONTENT, article_headers, site_settings

from editor.check import check_problems

SEED_TITLE = "Hiệp Hòa tổng kết phong trào thi đua, khen thưởng năm 2017"  # dated 2018-02-01
CASE_FILE = "tin-tuc/2018/ca-kiem-tra.md"
LINE = {"by": "chu-tich-ubnd-huyen", "award": "giay-khen"}


def article(*lines, **fields) -> dict:
    data = {"title": "Bài kiểm tra biểu mẫu", "date": "2018-03-10 08:00", "status": "published"}
    data.update(fields)
    if lines:
        data["honours"] = {**data.get("honours", {}), "awards": [dict(line) for line in lines]}
    return data


def line(**values) -> dict:
    return {**LINE, **values}


# (what the editor typed, whether the build accepts it)
ARTICLE_CASES = {
    "a plain count": (article(line(collectives="3")), True),
    "thousands written the Vietnamese way": (article(line(collectives="1.780")), True),
    "thousands with a space": (article(line(individuals="1 780")), True),
    "a decimal comma": (article(line(individuals="2,5")), False),
    "a decimal point that is not thousands": (article(line(individuals="1.78")), False),
    "a negative count": (article(line(collectives="-3")), False),
    "a word for a count": (article(line(collectives="ba")), False),
    "zero in all": (article(line(collectives="0")), False),
    "no count and no names": (article(line()), False),
    "an individual title to collectives": (article(line(award="chien-si-thi-dua-co-so", collectives="2")), False),
    "an individual title to individuals": (article(line(award="chien-si-thi-dua-co-so", individuals="2")), True),
    "a named person under a collective title": (
        article(line(award="tap-the-lao-dong-tien-tien", recipients=[{"name": "Nguyễn Văn An", "unit": "xa-hoa-son"}])),
        False),
    "a named household under an individual title": (
        article(line(award="chien-si-thi-dua-co-so", recipients=[{"household": "Hộ ông Lê Văn Ba",
                                                                  "unit": "xa-hoa-son"}])), False),
    "more names than the count": (
        article(line(individuals="1", recipients=[{"name": "Nguyễn Văn An", "unit": "xa-hoa-son"},
                                                  {"name": "Trần Thị Bình", "unit": "xa-hoa-son"}])), False),
    "as many names as the count": (
        article(line(individuals="2", recipients=[{"name": "Nguyễn Văn An", "unit": "xa-hoa-son"},
                                                  {"name": "Trần Thị Bình", "unit": "xa-hoa-son"}])), True),
    "names without a count": (article(line(recipients=[{"unit": "xa-hoa-son"}, {"unit": "xa-dong-lo"}])), True),
    "a name and a household at once": (
        article(line(recipients=[{"name": "Nguyễn Văn An", "household": "Hộ ông An", "unit": "xa-hoa-son"}])),
        False),
    "a unit merged before the year": (
        article(line(recipients=[{"unit": "xa-bac-ly"}]), date="2024-01-10 08:00", honours={"year": 2023}), False),
    "a unit before it existed": (article(line(recipients=[{"unit": "thi-tran-bac-ly"}])), False),
    "a unit in its last year": (
        article(line(recipients=[{"unit": "xa-bac-ly"}]), date="2023-01-10 08:00", honours={"year": 2022}), True),
    "an emulation year after the article": (article(line(collectives="1"), honours={"year": 2019}), False),
    "an emulation year before 1945": (article(line(collectives="1", year="1900")), False),
    "an unknown authority": (article(line(by="thu-tuong", collectives="1")), False),
    "a title whose address is taken": (article(title=SEED_TITLE, date="2018-02-05 08:00"), False),
    "a taken title in another month": (article(title=SEED_TITLE, date="2018-03-05 08:00"), True),
    "a taken title as a draft": (article(title=SEED_TITLE, date="2018-02-05 08:00", status="draft"), True),
    "a taken title with its own address": (
        article(title=SEED_TITLE, date="2018-02-05 08:00", slug="hiep-hoa-tong-ket-thi-dua-lan-hai"), True),
    "an address with capitals": (article(slug="Hiep-Hoa"), False),
    "one count for collectives and individuals": (article(line(collectives_or_individuals="64")), True),
    "one count beside a count of its own": (article(line(collectives_or_individuals="64", individuals="3")), False),
    "one count for an award given to individuals only": (
        article(line(award="chien-si-thi-dua-co-so", collectives_or_individuals="5")), False),
    "more names than the count together": (
        article(line(collectives_or_individuals="1", recipients=[{"unit": "xa-hoa-son"},
                                                                 {"name": "Trần Thị Bình", "unit": "xa-hoa-son"}])),
        False),
    "names within the count together": (
        article(line(collectives_or_individuals="2", recipients=[{"unit": "xa-hoa-son"},
                                                                 {"name": "Trần Thị Bình", "unit": "xa-hoa-son"}])),
        True),
    "no title": (article(title=""), False),
}

UNIT = {"slug": "xa-moi-lap", "name": "Mới Lập", "kind": "xa"}
REGISTRY_CASES = {
    "a new unit": ("units", UNIT, True),
    "a unit code used twice": ("units", {**UNIT, "slug": "xa-hoa-son"}, False),
    "a unit code with capitals": ("units", {**UNIT, "slug": "Xa-Moi"}, False),
    "a unit without a kind": ("units", {"slug": "xa-moi-lap", "name": "Mới Lập"}, False),
    "a successor that does not exist": ("units", {**UNIT, "valid_until": "2020-01-01", "successor": "xa-khong-co"},
                                        False),
    "a successor without an end date": ("units", {**UNIT, "successor": "xa-hoa-son"}, False),
    "a unit's source that is not a web address": ("units", {**UNIT, "source": "Báo Bắc Giang"}, False),
    "an end before the start": ("units", {**UNIT, "valid_from": "2020-01-01", "valid_until": "2019-01-01"}, False),
    "a new authority": ("authorities", {"slug": "chu-tich-hoi-nong-dan", "name": "Chủ tịch Hội Nông dân huyện",
                                        "level": "district"}, True),
    "an authority at an unknown level": ("authorities", {"slug": "ban-moi", "name": "Ban mới", "level": "huyen"},
                                         False),
    "a new award": ("awards", {"slug": "giay-khen-moi", "name": "Giấy khen mới", "kind": "form",
                               "recipients": ["individual"], "rank": 45}, True),
    "an award for nobody": ("awards", {"slug": "giay-khen-moi", "name": "Giấy khen mới", "kind": "form",
                                       "recipients": [], "rank": 45}, False),
    "an award ranked 0": ("awards", {"slug": "giay-khen-moi", "name": "Giấy khen mới", "kind": "form",
                                     "recipients": ["individual"], "rank": 0}, False),
}


@pytest.fixture(scope="module")
def form(demo_site):
    """The form's rules loaded in Chromium from the built site, as the editor loads them."""
    from playwright.sync_api import sync_playwright

    with serve(demo_site) as url, sync_playwright() as playwright:
        chromium = playwright.chromium.launch(executable_path=require_chromium(), args=CHROMIUM_ARGS)
        try:
            page = chromium.new_page()
            page.goto(url + "/")  # a page in UTF-8, as the editor is
            page.add_script_tag(url=url + "/admin/rules.js")
            page.add_script_tag(url=url + "/theme/js/decap-rules.js")
            yield page
        finally:
            chromium.close()


def typed_to_saved(form, data: dict) -> tuple[dict, list]:
    """What the form's widgets save for what was typed, and the problems the form shows."""
    return form.evaluate("""([data, path]) => {
        const F = window.HonoursForm, R = window.HONOURS_RULES;
        const toStored = text => { const p = F.parseCount(text); return p.error ? text : p.value; };
        const honours = data.honours || {};
        if (typeof honours.year === "string") honours.year = toStored(honours.year);
        (honours.awards || []).forEach(line => {
          ["year", R.combinedKey, ...Object.values(R.countKeys)].forEach(key => {
            if (typeof line[key] === "string") line[key] = toStored(line[key]);
          });
        });
        return [data, F.articleProblems(data, R, path)];
    }""", [copy.deepcopy(data), "content/" + CASE_FILE])


def front_matter(data: dict) -> str:
    return "---\n" + yaml.safe_dump(data, allow_unicode=True, sort_keys=False) + "---\nNội dung.\n"


def check_errors(content) -> list[str]:
    problems, _ = check_problems(site_settings(content, content.parent / "output"))
    return [str(p) for p in problems]


@pytest.mark.browser
@pytest.mark.parametrize("case", sorted(ARTICLE_CASES))
def test_form_and_check_agree_on_articles(case, form, tmp_path):
    typed, accepted = ARTICLE_CASES[case]
    saved, form_problems = typed_to_saved(form, typed)
    content = tmp_path / "content"
    # Only what an article needs to be checked: the registries and the article whose address may be taken.
    (content / "tin-tuc/2018").mkdir(parents=True)
    for name in ("data", "tin-tuc/2018/hiep-hoa-tong-ket-thi-dua-khen-thuong-nam-2017.md"):
        source = CONTENT / name
        (copy_tree if source.is_dir() else copy_file)(source, content / name)
    (content / CASE_FILE).write_text(front_matter(saved), encoding="utf-8")
    errors = check_errors(content)
    assert (not errors) is accepted, errors
    assert (not form_problems) is accepted, form_problems
    for problem in form_problems:  # each is worded for the editor, in Vietnamese
        assert problem["message"] and problem["message"].isascii() is False, problem


def copy_tree(source, target):
    import shutil

    shutil.copytree(source, target)


def copy_file(source, target):
    import shutil

    shutil.copyfile(source, target)


def json_ready(value):
    """Registry data as the editor's YAML reader gives it: dates stay text."""
    if isinstance(value, date):
        return value.isoformat()
    if isinstance(value, list):
        return [json_ready(v) for v in value]
    if isinstance(value, dict):
        return {k: json_ready(v) for k, v in value.items()}
    return value


@pytest.mark.browser
@pytest.mark.parametrize("case", sorted(REGISTRY_CASES))
def test_form_and_check_agree_on_registries(case, form, tmp_path):
    registry, entry, accepted = REGISTRY_CASES[case]
    content = tmp_path / "content"
    copy_tree(CONTENT / "data", content / "data")
    (content / "tin-tuc").mkdir()
    path = content / "data" / f"{registry}.yml"
    entries = json_ready(yaml.safe_load(path.read_text(encoding="utf-8")))
    form_problems = form.evaluate("([name, entries]) => window.HonoursForm.registryProblems(name, entries, "
                                  "window.HONOURS_RULES)", [registry, [*entries, entry]])
    with path.open("a", encoding="utf-8") as handle:
        handle.write("\n" + yaml.safe_dump([entry], allow_unicode=True, sort_keys=False))
    errors = check_errors(content)
    assert (not errors) is accepted, errors
    assert (not form_problems) is accepted, json.dumps(form_problems, ensure_ascii=False)


@pytest.mark.browser
def test_form_makes_addresses_as_pelican_does(form):
    """The address the form checks is the one the site will write: its slug of every title of the site."""
    from honours.core.vietnamese import slugify

    titles = sorted({header["title"] for _, header in article_headers()} | {
        "Đông Lỗ: “Đại hội” thi đua – lần thứ IV (2020–2025)!", "  Xã  Hoàng   An / 2024  ",
        "Tổng kết 1/2/2018: Trường <THPT> số 1"})
    made = form.evaluate("(titles) => titles.map(t => window.HonoursForm.slugify(t, "
                         "window.HONOURS_RULES.slugSubstitutions))", titles)
    assert made == [slugify(t) for t in titles]
