"""The web editor driven in Chromium as an editor would, saving through `decap-server` into a copy of the content.

Each test fills the real form (Decap CMS with the site's widgets), saves, and
then reads the saved file and builds the site from it: what the form saves
builds, and what the build would refuse is stopped at the field, in
Vietnamese, and not saved.
"""

from __future__ import annotations

import contextlib
import re
import shutil
from concurrent.futures import ThreadPoolExecutor
from datetime import datetime, timedelta, timezone
from pathlib import Path

import pytest
import yaml
from browser import CHROMIUM_ARGS, require_chromium, serve
from conftest import CONTENT, read_page, run_pelican
from playwright.sync_api import TimeoutError as PlaywrightTimeout
from test_admin import decap_server, free_port, require_decap

pytestmark = pytest.mark.browser
SEED_TITLE = "Hiệp Hòa tổng kết phong trào thi đua, khen thưởng năm 2017"  # dated 01/02/2018
WAIT_MS = 30_000  # generous for a busy machine, but bounded
SAVED = "Mục đã được lưu"
REFUSED = "Có trường chưa hợp lệ"


class Editor:
    """The site, decap-server and Chromium, sharing one copy of the content."""

    def __init__(self, tmp: Path, browser, site_url: str, output: Path, port: int):
        self.tmp, self.browser, self.site_url, self.output, self.port = tmp, browser, site_url, output, port
        self.repository = tmp / "repository"
        self.page = None
        self.errors: list[str] = []

    def rebuild(self) -> None:
        """Build the site again from the saved content (as `invoke serve` does after a save)."""
        # In another thread: Playwright's event loop runs in this one, and the search index needs its own.
        with ThreadPoolExecutor(1) as pool:
            pool.submit(run_pelican, self.repository / "content", self.output,
                        HONOURS_ADMIN_LOCAL_BACKEND={"url": f"http://127.0.0.1:{self.port}/api/v1"}).result()

    def open(self, address: str):
        if self.page is not None:
            self.page.close()
        # An English-language browser: the form must still be Vietnamese, dates day/month/year.
        self.page = self.browser.new_page(viewport={"width": 1280, "height": 1000}, locale="en-US")
        self.page.on("pageerror", lambda error: self.errors.append(str(error)))
        self.page.goto(self.site_url + "/admin/" + address)
        self.page.get_by_role("button", name="Đăng nhập").click(timeout=60_000)
        ready = self.page.get_by_label("Tiêu đề", exact=True) if "tin-tuc" in address else \
            self.page.get_by_role("button", name=re.compile("^Thêm "))
        ready.first.wait_for(timeout=WAIT_MS)
        return self.page

    def new_article(self, title: str, day: str):
        page = self.open("#/collections/tin-tuc/new")
        # A new article is dated now, shown day/month/year in Vietnam's time, whatever the browser's language.
        shown = page.get_by_label("Ngày đăng", exact=True).input_value()
        assert re.fullmatch(r"\d{2}/\d{2}/\d{4} \d{2}:\d{2}", shown), shown
        today = datetime.now(timezone(timedelta(hours=7)))
        assert shown[:10] in {today.strftime("%d/%m/%Y"), (today - timedelta(minutes=2)).strftime("%d/%m/%Y")}
        page.get_by_label("Tiêu đề", exact=True).fill(title)
        page.get_by_label("Ngày đăng", exact=True).fill(day)
        page.locator("[data-slate-editor]").click()
        page.keyboard.type("Nội dung bài viết thử.")
        return page

    def choose(self, label: str, text: str) -> None:
        """Pick an option of a list by typing part of its Vietnamese name (the newest field with that label)."""
        self.page.get_by_label(label, exact=True).last.click()
        self.page.keyboard.type(text)
        self.page.get_by_role("option", name=text).first.click(timeout=WAIT_MS)

    def add_line(self, by: str, award: str) -> None:
        self.page.get_by_role("button", name="Thêm dòng khen thưởng").click()
        self.choose("Cấp khen thưởng", by)
        self.choose("Hình thức khen thưởng, danh hiệu", award)

    def add_recipient(self, unit: str, name: str = "") -> None:
        self.page.get_by_role("button", name="Thêm người hoặc tập thể").last.click()
        self.choose("Đơn vị", unit)
        if name:
            self.page.get_by_label(field_label("Họ tên (cá nhân)")).last.fill(name)

    def count(self, label: str, text: str) -> None:
        self.page.get_by_label(field_label(label)).last.fill(text)

    def save(self) -> str:
        """Press "Công bố ngay"; return the notice Decap shows (saved, or refused)."""
        page = self.page
        page.get_by_role("button", name="Công bố", exact=True).click()
        page.get_by_text("Công bố ngay").click()
        notice = page.get_by_text(re.compile(f"{SAVED}|{REFUSED}")).first
        notice.wait_for(timeout=WAIT_MS)
        text = notice.inner_text()
        # Decap closes a notice when it is clicked, and the next save shows its own; a notice that
        # closed by itself meanwhile (they time out) leaves nothing to click.
        with contextlib.suppress(PlaywrightTimeout):
            notice.click(timeout=5_000)
        notice.wait_for(state="detached", timeout=WAIT_MS)
        return text

    def errors_at(self, label: str) -> list[str]:
        """The messages shown at the (newest) field whose label starts with this text."""
        return self.page.evaluate("""(label) => {
            const labels = [...document.querySelectorAll('label')].filter(l => {
                const text = l.textContent.trim();
                return text === label || text.startsWith(label + " (");
            });
            const bar = labels.length ? labels[labels.length - 1].parentElement : null;
            return bar ? [...bar.querySelectorAll('li')].map(li => li.textContent) : [];
        }""", label)

    def files(self) -> set[Path]:
        return set((self.repository / "content/tin-tuc").rglob("*.md"))


@pytest.fixture(scope="module")
def editor(tmp_path_factory):
    require_decap()
    from playwright.sync_api import sync_playwright

    tmp = tmp_path_factory.mktemp("editor")
    shutil.copytree(CONTENT, tmp / "repository" / "content")
    port = free_port()
    output = tmp / "output"
    run_pelican(tmp / "repository" / "content", output,
                HONOURS_ADMIN_LOCAL_BACKEND={"url": f"http://127.0.0.1:{port}/api/v1"})
    with decap_server(tmp / "repository", port, tmp / "decap-server.log"), serve(output) as site_url, \
            sync_playwright() as playwright:
        chromium = playwright.chromium.launch(executable_path=require_chromium(), args=CHROMIUM_ARGS)
        try:
            session = Editor(tmp, chromium, site_url, output, port)
            yield session
            # Decap rejects a refused save with no value (`Promise.reject()` in its persistEntry), which the
            # browser reports as an uncaught "undefined"; anything else is a fault.
            assert [error for error in session.errors if error != "undefined"] == []
        finally:
            chromium.close()


def field_label(label: str) -> re.Pattern:
    """A field's label exactly, with Decap's "(không bắt buộc)" after it or not ("Số tập thể" is not
    "Số tập thể, cá nhân")."""
    return re.compile("^" + re.escape(label) + r"( \(không bắt buộc\))?$")


def front_matter(path: Path) -> dict:
    return yaml.safe_load(path.read_text(encoding="utf-8").split("---\n")[1])


def test_an_article_with_award_lines_is_saved_and_builds(editor):
    before = editor.files()
    editor.new_article("Xã Hoàng An tổng kết thi đua năm 2017", "05/03/2018 08:00")
    editor.add_line("Chủ tịch Ủy ban nhân dân huyện Hiệp Hòa", "Giấy khen")
    editor.count("Số tập thể", "1.780")  # the Vietnamese way of writing 1780
    editor.add_recipient("Xã Hoàng An")
    editor.add_line("Chủ tịch Ủy ban nhân dân xã, thị trấn", "Chiến sĩ thi đua cơ sở")
    editor.add_recipient("Xã Hoàng An", "Nguyễn Thị Thử")
    # A line is summarised with names, not codes.
    assert editor.page.get_by_text("Giấy khen – Chủ tịch Ủy ban nhân dân huyện Hiệp Hòa: 1780 tập thể, 1 được ghi tên",
                                   exact=True).count() == 1
    assert editor.save() == SAVED
    [saved] = editor.files() - before
    assert saved.parent.name == "2018", saved  # the folder of the article's year
    header = front_matter(saved)
    assert header["date"] == "2018-03-05 08:00" and header["status"] == "published"
    assert "illustrative" not in header and "slug" not in header
    first, second = header["honours"]["awards"]
    assert first == {"by": "chu-tich-ubnd-huyen", "award": "giay-khen", "collectives": 1780,
                     "recipients": [{"unit": "xa-hoang-an"}]}
    assert second == {"by": "chu-tich-ubnd-xa", "award": "chien-si-thi-dua-co-so",
                      "recipients": [{"unit": "xa-hoang-an", "name": "Nguyễn Thị Thử"}]}
    editor.rebuild()
    page = read_page(editor.output, "/tin-tuc/2018/03/xa-hoang-an-tong-ket-thi-dua-nam-2017/")
    table = page.find("table", class_="awards").get_text(" ", strip=True)
    assert "Giấy khen" in table and "1.780" in table and "Nguyễn Thị Thử" in table
    roll = read_page(editor.output, "/khen-thuong/2018/").get_text(" ", strip=True)
    assert "Nguyễn Thị Thử" in roll


def test_what_the_build_refuses_is_stopped_at_the_field(editor):
    before = editor.files()
    editor.new_article("Xã Hoàng An biểu dương điển hình tiên tiến", "06/03/2018 08:00")
    editor.add_line("Chủ tịch Ủy ban nhân dân huyện Hiệp Hòa", "Chiến sĩ thi đua cơ sở")

    editor.count("Số tập thể", "2")  # a title for individuals, given to collectives
    assert editor.save().startswith(REFUSED)
    [message] = editor.errors_at("Số tập thể")
    assert "không tặng cho tập thể" in message and "chỉ tặng cho: cá nhân" in message

    editor.count("Số tập thể", "")
    editor.count("Số cá nhân", "1")
    editor.add_recipient("Xã Hoàng An", "Nguyễn Văn Một")
    editor.add_recipient("Xã Hoàng An", "Trần Thị Hai")
    assert editor.save().startswith(REFUSED)  # two names, a count of one
    assert editor.errors_at("Số cá nhân") == [
        "ghi tên 2 cá nhân nhưng số cá nhân chỉ là 1 — tăng số lượng lên ít nhất 2 hoặc bớt tên"]

    editor.count("Số cá nhân", "-1")
    assert editor.save().startswith(REFUSED)
    assert editor.errors_at("Số cá nhân") == ["không được là số âm (đang là -1)"]

    editor.count("Số cá nhân", "2,5")
    assert editor.save().startswith(REFUSED)
    assert "phải là một số nguyên" in editor.errors_at("Số cá nhân")[0]
    assert editor.files() == before  # nothing was saved

    editor.count("Số cá nhân", "2")
    assert editor.save() == SAVED
    [saved] = editor.files() - before
    assert front_matter(saved)["honours"]["awards"][0]["individuals"] == 2


def test_a_taken_address_is_shown_and_another_can_be_given(editor):
    before = editor.files()
    editor.new_article(SEED_TITLE, "05/02/2018 09:00")  # same title, same month: the same address
    assert editor.save().startswith(REFUSED)
    [message] = editor.errors_at("Địa chỉ bài")
    assert "đã có bài khác dùng" in message and "hiep-hoa-tong-ket-thi-dua-khen-thuong-nam-2017.md" in message
    assert editor.files() == before
    editor.page.get_by_label(field_label("Địa chỉ bài")).fill("hiep-hoa-tong-ket-thi-dua-2017-ky-hai")
    assert editor.save() == SAVED
    [saved] = editor.files() - before
    assert front_matter(saved)["slug"] == "hiep-hoa-tong-ket-thi-dua-2017-ky-hai"
    editor.rebuild()
    assert read_page(editor.output, "/tin-tuc/2018/02/hiep-hoa-tong-ket-thi-dua-2017-ky-hai/").h1


def test_a_draft_is_saved_but_not_on_the_site(editor):
    before = editor.files()
    page = editor.new_article("Bản nháp chưa đăng về Hợp Thịnh", "07/03/2018 08:00")
    page.get_by_label("Trạng thái", exact=True).click()
    page.keyboard.type("không có trong danh sách")
    page.get_by_text("Không có lựa chọn nào phù hợp", exact=True).wait_for(timeout=WAIT_MS)  # not "No options"
    page.keyboard.press("Escape")
    editor.choose("Trạng thái", "Bản nháp (chưa hiện trên trang)")
    assert editor.save() == SAVED
    [saved] = editor.files() - before
    assert front_matter(saved)["status"] == "draft"
    editor.rebuild()
    assert not (editor.output / "tin-tuc/2018/03/ban-nhap-chua-dang-ve-hop-thinh").exists()
    assert "Bản nháp chưa đăng" not in (editor.output / "tin-tuc/index.html").read_text(encoding="utf-8")


def test_a_missing_unit_is_added_from_the_form_and_used(editor):
    units_file = editor.repository / "content/data/units.yml"
    header = units_file.read_text(encoding="utf-8").split("\n- ")[0]
    page = editor.open("#/collections/danh-muc/entries/units")
    page.get_by_role("button", name="Thêm đơn vị").click()
    page.get_by_label(field_label("Mã")).last.fill("xa-moi-lap")
    page.get_by_label(field_label("Tên")).last.fill("Mới Lập")
    editor.choose("Loại đơn vị", "Xã")
    assert editor.save() == SAVED
    text = units_file.read_text(encoding="utf-8")
    assert text.startswith(header.rstrip())  # the comment at the top is kept
    units = yaml.safe_load(text)
    assert units[-1] == {"slug": "xa-moi-lap", "name": "Mới Lập", "kind": "xa"}
    assert len(units) == len(yaml.safe_load((CONTENT / "data/units.yml").read_text(encoding="utf-8"))) + 1

    editor.rebuild()  # the form's lists come from the registries, as the site is built
    before = editor.files()
    editor.new_article("Xã Mới Lập ra mắt", "08/03/2018 08:00")
    editor.add_line("Chủ tịch Ủy ban nhân dân huyện Hiệp Hòa", "Giấy khen")
    editor.add_recipient("Xã Mới Lập")
    assert editor.save() == SAVED
    [saved] = editor.files() - before
    assert front_matter(saved)["honours"]["awards"][0]["recipients"] == [{"unit": "xa-moi-lap"}]
    editor.rebuild()
    unit_page = read_page(editor.output, "/don-vi/xa-moi-lap/")
    assert unit_page.h1.get_text(strip=True) == "Xã Mới Lập"
    assert "Giấy khen" in unit_page.find("table").get_text(" ", strip=True)
    assert "Xã Mới Lập ra mắt" in unit_page.get_text(" ", strip=True)
