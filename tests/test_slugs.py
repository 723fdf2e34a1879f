"""One slug: `invoke new`, `invoke check`'s collision check and the published site agree on every address."""

from __future__ import annotations

import re
import shutil
import unicodedata
from datetime import datetime
from zoneinfo import ZoneInfo

from conftest import CONTENT, read_page, run_pelican
from honours.core.vietnamese import slugify

from editor.check import run_check
from editor.new import new_article

NOW = datetime(2018, 2, 1, 8, 0, tzinfo=ZoneInfo("Asia/Ho_Chi_Minh"))
LONG = ("Tổng kết phong trào thi đua yêu nước và công tác khen thưởng của huyện Hiệp Hòa " * 4)[:300]

TITLES = [
    "Ngày 1/2/2018", "Đông Lỗ", "Hòa Sơn", "中文新闻", "Αθήνα 2004", LONG,
    "Hiệp Hòa – tổng kết năm", "Trường <THPT> số 1 & 2", "Giấy khen: 17 tập thể", "Quyết định 125/QĐ-UBND",
    "Tin 2017/2018", "Đ đ Đ", "Ưu tiên ươm ươn", "Xã Hoàng Vân", "x", "1", "A.B.C", "e-mail@ví-dụ",
    "50% hộ gia đình", "C++ và C#", "Phường 1, Quận 3", "“Ngoặc kép”", "‘Đơn’", "(Ngoặc tròn)", "[Vuông]",
    "{Nhọn}", "Ẩn ẫn ậm", "ﬁ chữ ghép", "½ năm", "x² + y²", "Ⅻ La Mã", "Ⓐ khoanh", "Français élève",
    "Straße", "Ærø", "İstanbul", "Москва", "日本語のニュース", "한국어", "עברית", "العربية", "हिन्दी",
    "😀 vui vẻ", "  Khoảng   trắng  ", "CHỮ HOA TOÀN BỘ", "hỗn Hợp CHỮ", "a_b", "-gạch-đầu-cuối-",
    "Số 0001", "Năm 2017-2018", "Tỉ lệ 3:2", "Đ/c Nguyễn Văn A", unicodedata.normalize("NFD", "Hiệp Hòa tách dấu"),
    "Tiêu đề có dấu chấm.", "Hỏi?", "Ô! Ơ! Ư!", "Ký hiệu ™ ® ©", "Tiền 100.000đ", "#hashtag", "Tab	ở giữa",
    "!!!", "…", "— – -", "😀", "ʕ•ᴥ•ʔ",
]
# A title whose slug another title of the list has already taken: `invoke new` refuses it (hand-written).
SAME_AS = {"Đồng Lộ": "Đông Lỗ", "a--b": "a_b", "Hoà Sơn": "Hòa Sơn", "ĐÔNG LỖ": "Đông Lỗ"}
# Titles with no letter or digit to make an address from.
REFUSED = {"!!!", "…", "— – -", "😀", "ʕ•ᴥ•ʔ"}


def make_articles(content):
    shutil.copytree(CONTENT / "data", content / "data")
    made = {}
    for title in [*TITLES, *SAME_AS]:
        try:
            made[title] = new_article(content, title, now=NOW)
        except FileExistsError:
            assert title in SAME_AS, f"{title!r} was given an address another title has"
        except ValueError:
            assert title in REFUSED, f"`invoke new` refused {title!r}"
    return made


def test_invoke_new_the_published_site_and_the_collision_check_agree_on_every_address(tmp_path):
    content = tmp_path / "content"
    made = make_articles(content)
    assert len(made) >= 50 and set(TITLES) - set(made) == REFUSED
    assert not set(SAME_AS) & set(made)  # each refused: its address was taken
    assert made["Ngày 1/2/2018"].name == "ngay-1-2-2018.md" and made["Đông Lỗ"].name == "dong-lo.md"
    assert made["Αθήνα 2004"].name == "athena-2004.md"

    output = run_pelican(content, tmp_path / "output", HONOURS_SEARCH_INDEX=False)
    for title in TITLES:
        if title in made:
            page = read_page(output, f"/tin-tuc/2018/02/{made[title].stem}/")
            assert page.h1.get_text(strip=True) == " ".join(unicodedata.normalize("NFC", title).split())
    published = sorted(p.parent.name for p in (output / "tin-tuc/2018/02").glob("*/index.html"))
    assert published == sorted(path.stem for path in set(made.values()))

    for path in set(made.values()):  # a second file with the same front-matter, under another name
        path.with_name(f"{path.stem}-ban-sao.md").write_text(path.read_text(encoding="utf-8"), encoding="utf-8")
    errors, _ = run_check({**site_settings_for(content)})
    addresses = {m.group(1) for line in errors for m in re.finditer(r"trùng địa chỉ xuất bản '([^']+)'", line)}
    assert addresses == {f"tin-tuc/2018/02/{path.stem}/index.html" for path in made.values()}


def test_titles_without_an_address_are_refused_by_the_check_too(tmp_path):
    content = tmp_path / "content"
    shutil.copytree(CONTENT / "data", content / "data")
    for number, title in enumerate(sorted(REFUSED)):
        path = content / "tin-tuc/2018" / f"bai-{number}.md"
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(f'---\ntitle: "{title}"\ndate: 2018-02-01 08:00\n---\nNội dung.\n', encoding="utf-8")
    errors, _ = run_check(site_settings_for(content))
    assert len([line for line in errors if ": title: " in line]) == len(REFUSED)


def test_the_slug_of_a_long_title_is_cut_at_a_word_and_written_into_the_file(tmp_path):
    path = new_article(tmp_path, LONG, now=NOW)
    assert len(path.stem) <= 80 and path.stem.startswith("tong-ket-phong-trao-thi-dua-yeu-nuoc-va-cong-tac-")
    assert f"slug: {path.stem}\n" in path.read_text(encoding="utf-8")
    assert slugify(LONG).startswith(path.stem + "-")


def site_settings_for(content):
    from conftest import site_settings

    return site_settings(content, content.parent / "checked")


def test_tags_categories_and_authors_get_their_addresses_by_the_same_rule(tmp_path):
    from pelican.urlwrappers import Author, Category, Tag

    settings = site_settings_for(tmp_path)
    # Pelican strips what looks like an HTML tag from a name before making its slug; the rest must agree.
    names = [title for title in [*TITLES, *SAME_AS, *REFUSED] if "<" not in title]
    for wrapper in (Tag, Category, Author):
        assert [wrapper(name, settings).slug for name in names] == [slugify(name) for name in names], wrapper
    assert Tag("Ngày 1/2/2018", settings).slug == "ngay-1-2-2018" and Category("…", settings).slug == ""
