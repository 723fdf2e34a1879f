"""The ledger's queries and totals, from small fixture data without rendering."""

from __future__ import annotations

from datetime import UTC, datetime

import pytest
from conftest import CONTENT
from honours.core.ledger import ArticleRef, Ledger, Totals
from honours.core.model import ArticleData, AwardLine, Recipient
from honours.core.registries import load_registries


@pytest.fixture(scope="module")
def registries():
    loaded, problems = load_registries(str(CONTENT / "data"))
    assert problems == []
    return loaded


def line(registries, position, by, award, year, c=0, i=0, h=0, recipients=()):
    return AwardLine(position, year, registries.authorities[by], registries.awards[award], c, i, h,
                     tuple(Recipient(kind, registries.units[unit], name) for kind, unit, name in recipients))


def article(path, day, lines, units=()):
    ref = ArticleRef(path, f"{path}/", path, datetime(2018, 1, day, tzinfo=UTC))
    return ref, ArticleData(path, path, ref.date, "published", units, tuple(lines))


@pytest.fixture
def ledger(registries):
    hoa_son = registries.units["xa-hoa-son"]
    a = article("a", 10, [
        line(registries, 1, "chu-tich-ubnd-huyen", "giay-khen", 2017, c=2, i=3,
             recipients=[("collective", "xa-hoa-son", None), ("individual", "xa-hoa-son", "Nguyễn Văn An"),
                         ("individual", "xa-mai-dinh", "Lê Thị Hoa")]),
        line(registries, 2, "thu-tuong-chinh-phu", "bang-khen-thu-tuong", 2017, c=1),
    ], units=(hoa_son,))
    b = article("b", 20, [line(registries, 1, "chu-tich-ubnd-xa", "gia-dinh-van-hoa", 2016, h=40)])
    return Ledger(registries, [b, a])


def test_totals_by_recipient_kind(ledger):
    assert ledger.totals() == Totals(3, 3, 40)
    assert ledger.totals().total == 46
    assert ledger.totals(ledger.for_year(2017)) == Totals(3, 3, 0)


def test_years_newest_first(ledger):
    assert ledger.years() == [2017, 2016]


def test_lines_of_a_year_in_rank_order(ledger):
    awards = [e.line.award.slug for e in ledger.for_year(2017)]
    assert awards == ["bang-khen-thu-tuong", "giay-khen"]


def test_the_lines_of_an_article_come_in_its_order(ledger):
    assert [e.line.position for e in ledger.for_article("a")] == [1, 2]


def test_unit_queries(ledger):
    honours = ledger.honours_of_unit("xa-hoa-son")
    assert [h.recipient.kind for h in honours] == ["collective", "individual"]
    assert [r.source_path for r in ledger.articles_naming("xa-hoa-son")] == ["a"]
    assert [r.source_path for r in ledger.articles_naming("xa-mai-dinh")] == ["a"]
    assert ledger.unit_counts() == {"xa-hoa-son": 2, "xa-mai-dinh": 1}
    assert [u.slug for u, _ in ledger.top_units()] == ["xa-hoa-son", "xa-mai-dinh"]


def test_totals_by_level_lists_every_level(ledger):
    levels = dict(ledger.totals_by_level(ledger.entries))
    assert levels["central"] == Totals(1, 0, 0)
    assert levels["district"] == Totals(2, 3, 0)
    assert levels["commune"] == Totals(0, 0, 40)
    assert levels["province"] == Totals()
