"""The portal says who publishes it, under which licences, and states what its statistics count."""

from __future__ import annotations

import json
import re

from conftest import PUBLISHED_URL, read_page

AGENCY = "Ủy ban nhân dân huyện Hiệp Hòa"
SEED = "/tin-tuc/2018/02/hiep-hoa-tong-ket-phong-trao-thi-dua-khen-thuong-nam-2017/"


def test_footer_names_the_agency_and_the_licences(demo_site):
    for url in ("/", SEED, "/thong-ke/"):
        footer = read_page(demo_site, url).find("footer")
        text = footer.get_text(" ", strip=True)
        assert AGENCY in text
        licence = footer.find("a", rel="license")
        assert licence and "CC BY 4.0" in licence.get_text() and licence["href"].startswith("https://creativecommons.org/")
        # No contact detail is shown that no source states: the settings are empty.
        assert footer.find("address") is None
        assert "Điện thoại" not in text and "mailto:" not in str(footer)


def test_contact_details_and_emblem_appear_once_set(build_site):
    output = build_site(SITE_PHONE="0204 3 000 000", SITE_EMAIL="vanphong@example.vn", SITE_ADDRESS="Thị trấn Thắng",
                        SITE_EMBLEM="img/favicon.svg")
    page = read_page(output, "/")
    address = page.find("footer").find("address")
    assert address.find("a", href="tel:02043000000").get_text() == "0204 3 000 000"
    assert address.find("a", href="mailto:vanphong@example.vn")
    assert "Địa chỉ: Thị trấn Thắng" in address.get_text()
    emblem = page.find("header").find("img", class_="emblem")
    assert emblem["src"].endswith("/img/favicon.svg") and emblem["alt"] == ""


def test_favicon_is_a_file_of_the_site(demo_site):
    icon = read_page(demo_site, "/").find("link", rel="icon")
    assert icon["href"].startswith("/theme/") and (demo_site / icon["href"].lstrip("/")).is_file()


def test_data_package_and_feeds_carry_the_licence(demo_site):
    package = json.loads((demo_site / "du-lieu/datapackage.json").read_text(encoding="utf-8"))
    assert [licence["name"] for licence in package["licenses"]] == ["CC-BY-4.0"]
    assert package["licenses"][0]["path"].startswith("https://")
    assert package["contributors"] == [{"title": AGENCY, "role": "publisher"}]
    for feed in [demo_site / "tin-tuc/feed.xml", *sorted(demo_site.glob("don-vi/*/feed.xml"))[:3]]:
        rights = re.search(r"<rights>(.*?)</rights>", feed.read_text(encoding="utf-8"))
        assert rights and AGENCY in rights.group(1) and "CC BY 4.0" in rights.group(1), feed


def test_publish_build_has_absolute_canonical_and_sitemap(published_site):
    for url in ("/", SEED, "/thong-ke/2017/", "/tim-kiem/"):
        canonical = read_page(published_site, url).find("link", rel="canonical")["href"]
        assert canonical == PUBLISHED_URL + url
    robots = (published_site / "robots.txt").read_text(encoding="utf-8").splitlines()
    assert f"Sitemap: {PUBLISHED_URL}/sitemap.xml" in robots


def test_statistics_pages_say_what_they_count(demo_site):
    for url in ["/thong-ke/", *sorted(f"/thong-ke/{p.parent.name}/" for p in demo_site.glob("thong-ke/*/index.html"))]:
        said = read_page(demo_site, url).find(class_="counts-what")
        assert said, url
        text = said.get_text(" ", strip=True)
        assert "bài viết đã đăng" in text and re.search(r"\d+ dòng khen thưởng từ \d+ bài viết", text), url


def test_thin_years_are_marked_and_not_compared(build_site):
    def article(slug, year, collectives):
        return (f"tin-tuc/{year + 1}/{slug}.md", f"""\
            ---
            title: Bài {slug}
            date: {year + 1}-01-15 08:00
            honours:
              year: {year}
              awards:
                - by: chu-tich-ubnd-huyen
                  award: giay-khen
                  collectives: {collectives}
            ---
            Nội dung.
            """)
    # 2018 from one article, 2019 from three: 2019 is not compared with the thin 2018.
    files = dict([article("a", 2018, 1), article("b", 2019, 5), article("c", 2019, 5), article("d", 2019, 5)])
    output = build_site(files)
    thin = read_page(output, "/thong-ke/2018/").main.get_text(" ", strip=True)
    assert "Ít bài viết" in thin and "mới có 1 bài viết" in thin
    page = read_page(output, "/thong-ke/2019/").main
    assert "Ít bài viết" not in page.get_text()
    kinds = page.find("table", class_="stats-kinds")
    assert [th.get_text() for th in kinds.thead.find_all("th")] == ["Đối tượng", "Năm 2019"]
    assert "tăng" not in kinds.get_text() and "Không so sánh với năm 2018" in page.get_text()
    index = read_page(output, "/thong-ke/").main.find("table", class_="stats-years")
    rows = {tr.th.get_text(" ", strip=True): [td.get_text() for td in tr.find_all("td")]
            for tr in index.tbody.find_all("tr")}
    assert rows["Năm 2018 Ít bài viết"][-1] == "1" and rows["Năm 2019"][-1] == "3"
