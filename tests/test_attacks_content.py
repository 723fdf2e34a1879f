"""A careless or hostile editor's content: each attack stops `check` and the build with a Vietnamese
`file:line: field: problem — fix`, the previous output/ stays whole, and nothing of it is published.
"""

from __future__ import annotations

import io
import shutil
import struct
import zlib
from pathlib import Path

import pytest
from conftest import CONTENT, ROOT, site_settings, write_files
from PIL import Image
from test_editor import tree_digest

from editor.check import run_check
from editor.publish import build_then_swap

SECRET = "BI-MAT-CUA-MAY-XAY-DUNG-7"  # a file outside content/, as a CI token or /etc/passwd would be
ARTICLE = "tin-tuc/2018/bai.md"


def article(body: str = "Nội dung.\n", extra: str = "") -> str:
    return ("---\ntitle: Bài kiểm tra\ndate: 2018-02-01 08:00\ncategory: Tin tức\n" + extra
            + "honours:\n  year: 2017\n  awards:\n    - {by: chu-tich-ubnd-huyen, award: giay-khen, collectives: 1}\n"
            "---\n" + body)


def png(size=(8, 8), **save) -> bytes:
    buffer = io.BytesIO()
    Image.new("RGB", size, (200, 30, 30)).save(buffer, "PNG", **save)
    return buffer.getvalue()


def png_claiming(width: int, height: int) -> bytes:
    """A small PNG whose header claims another size (no need to hold 900 million pixels in memory)."""
    data = bytearray(png())
    header = b"IHDR" + struct.pack(">II", width, height) + bytes(data[24:29])
    data[16:24] = struct.pack(">II", width, height)
    data[29:33] = struct.pack(">I", zlib.crc32(header))
    return bytes(data)


def animated_png() -> bytes:
    frames = [Image.new("RGB", (8, 8), colour) for colour in ((255, 0, 0), (0, 0, 255))]
    buffer = io.BytesIO()
    frames[0].save(buffer, "PNG", save_all=True, append_images=frames[1:])
    return buffer.getvalue()


def gps_jpeg() -> bytes:
    exif = Image.Exif()
    exif.get_ifd(0x8825)[2] = (21.0, 18.0, 0.0)  # GPSLatitude
    buffer = io.BytesIO()
    Image.new("RGB", (8, 8)).save(buffer, "JPEG", exif=exif)
    return buffer.getvalue()


DEEP = "[" * 990 + "]" * 990
# (id, text files, binary files, settings, what the problem line must hold)
ATTACKS = [
    ("attach-outside", {ARTICLE: article("[a]({attach}../../../secret.txt)\n")}, {}, {}, "ngoài thư mục nội dung"),
    ("attach-rooted", {ARTICLE: article("[a]({attach}/../secret.txt)\n")}, {}, {}, "ngoài thư mục nội dung"),
    ("static-passwd", {ARTICLE: article("[a]({static}../../../../../../../../../etc/passwd)\n")}, {}, {},
     "ngoài thư mục nội dung"),
    ("escaped-marker", {ARTICLE: article("[a]({attach\\}../../../secret.txt)\n")}, {}, {}, "ngoài thư mục nội dung"),
    ("git-config", {ARTICLE: article("[a]({attach}../../.git/config)\n"), ".git/config": SECRET}, {}, {}, "tệp ẩn"),
    ("html-beside", {ARTICLE: article("[a]({attach}trang.html)\n"),
                     "tin-tuc/2018/trang.html": f"<script>alert('{SECRET}')</script>"}, {}, {}, "(.html)"),
    ("svg-in-pages", {ARTICLE: article("![Hình]({static}/pages/hinh.svg)\n"),
                      "pages/hinh.svg": f"<svg xmlns='http://www.w3.org/2000/svg'><script>{SECRET}</script></svg>"},
     {}, {}, "hinh.svg"),
    ("gps-beside", {ARTICLE: article("[Ảnh gốc]({attach}anh-goc.jpg)\n")}, {"tin-tuc/2018/anh-goc.jpg": gps_jpeg()},
     {}, "GPS"),
    ("static-paths", {ARTICLE: article(), "pages/x.svg": f"<svg>{SECRET}</svg>"}, {}, {"STATIC_PATHS": ["pages"]},
     "x.svg"),
    ("extra-path", {ARTICLE: article()}, {}, {"EXTRA_PATH_METADATA": {"../secret.txt": {"save_as": "s.txt"}}},
     "ngoài thư mục nội dung"),
    ("phone-dashes", {ARTICLE: article(extra="summary: Gọi 0912 – 345 – 678\n")}, {}, {}, "điện thoại"),
    ("id-dots", {ARTICLE: article().replace("collectives: 1}", "collectives: 1, note: 'CCCD 001.099.012.345'}")},
     {}, {}, "CMND/CCCD"),
    ("phone-across-lines", {ARTICLE: article().replace(
        "collectives: 1}\n", "collectives: 1, note: \"x\"}\n    - by: chu-tich-ubnd-huyen\n      award: giay-khen\n"
        "      collectives: 1\n      note: |\n        Gọi số 0912\n        345 678\n")}, {}, {}, "điện thoại"),
    ("phone-in-body", {ARTICLE: article("Liên hệ anh An qua số (0912) 345 678.\n")}, {}, {}, "điện thoại"),
    ("tel-link", {ARTICLE: article("[Gọi](tel:0912345678)\n")}, {}, {}, "điện thoại"),
    ("alt-text", {ARTICLE: article("![Anh An 0912/345/678](/images/a.png)\n")}, {"images/a.png": png()}, {},
     "điện thoại"),
    ("image-name", {ARTICLE: article("![Ảnh](/images/nguyen-van-a-0912345678.png)\n")},
     {"images/nguyen-van-a-0912345678.png": png()}, {}, "tên tệp ảnh"),
    ("slow-body", {ARTICLE: article("<a " * 40000)}, {}, {}, "không đóng"),
    ("deep-honours", {ARTICLE: article().replace("awards:\n", f"awards: {DEEP}\n  x:\n")}, {}, {}, "quá sâu"),
    ("merge-key", {ARTICLE: article(extra="base: &b {title: Khác}\n<<: *b\n")}, {}, {}, "'<<'"),
    ("two-authors", {ARTICLE: article(extra="author: Thu Hà\nauthors: [Minh Anh]\n")}, {}, {}, "authors"),
    ("year-one", {ARTICLE: article().replace("date: 2018-02-01 08:00", "date: 0001-02-01 08:00")}, {}, {},
     "ngoài khoảng"),
    ("year-9999", {ARTICLE: article().replace("date: 2018-02-01 08:00", "date: 9999-02-01 08:00")}, {}, {},
     "ngoài khoảng"),
    ("trailing-space", {ARTICLE: article(), "tin-tuc/2018/khac.md ": article()}, {}, {}, "dấu cách"),
    ("summary-image", {ARTICLE: article(extra="summary: '![](/images/khong-co.png)'\n")}, {}, {}, "alt"),
    ("rtl-override", {ARTICLE: article("[baocao\u202egpj.exe](/images/a.png)\n")}, {}, {}, "U+202E"),
    ("animated", {ARTICLE: article("![Ảnh](/images/dong.png)\n")}, {"images/dong.png": animated_png()}, {},
     "ảnh động"),
    ("tall-image", {ARTICLE: article("![Ảnh](/images/cao.png)\n")}, {"images/cao.png": png((100, 20000))}, {},
     "quá lớn"),
    ("huge-image", {ARTICLE: article()}, {"images/lon.png": png_claiming(30000, 30000)}, {}, "quá lớn"),
    ("registry-name", {ARTICLE: article()}, {}, {}, "name"),
    ("registry-encoding", {ARTICLE: article()}, {}, {}, "UTF-8"),
]  # fmt: skip


def make_site(root: Path, files: dict, binaries: dict, case: str) -> Path:
    """A copy of the demo content with one attack in it; SECRET sits beside the project."""
    shutil.copytree(CONTENT, root / "content")
    (root / "secret.txt").write_text(SECRET, encoding="utf-8")
    write_files(root / "content", {k: v for k, v in files.items() if not k.startswith(".git/")})
    for relative, text in files.items():
        if relative.startswith(".git/"):
            (root / relative).parent.mkdir(parents=True, exist_ok=True)
            (root / relative).write_text(text, encoding="utf-8")
    for relative, data in binaries.items():
        (root / "content" / relative).parent.mkdir(parents=True, exist_ok=True)
        (root / "content" / relative).write_bytes(data)
    units = root / "content/data/units.yml"
    if case == "registry-name":
        units.write_text(units.read_text(encoding="utf-8").replace("name: ", "name: " + "Ă" * 100_000, 1),
                         encoding="utf-8")
    if case == "registry-encoding":
        units.write_bytes(units.read_bytes() + b"\n- slug: xa-moi\n  name: X\xe3 M\xf3i\n")  # Latin-1, not UTF-8
    return root


def published_leaks(output: Path) -> list[str]:
    """Files of output/ that hold the secret or a script from content, or are not the site's own kinds."""
    own = {".html", ".xml", ".json", ".csv", ".txt", ".css", ".js", ".svg", ".jpg", ".png", ".webp", ".woff2",
           ".ico", ".yml", ".pf_fragment", ".pf_index", ".pf_meta", ".pagefind", ".wasm", ".map", ".gz", ""}
    leaks = []
    for path in output.rglob("*"):
        if path.is_file():
            data = path.read_bytes()
            if SECRET.encode() in data or b"root:x:0:0" in data or path.suffix.lower() not in own:
                leaks.append(str(path.relative_to(output)))
    return leaks


@pytest.mark.parametrize(("case", "files", "binaries", "settings", "expected"), ATTACKS, ids=[a[0] for a in ATTACKS])
def test_the_check_refuses_each_attack_with_file_line_and_fix(tmp_path, case, files, binaries, settings, expected):
    root = make_site(tmp_path, files, binaries, case)
    errors, _ = run_check(site_settings(root / "content", root / "output", **settings))
    assert errors, case
    assert any(expected in line for line in errors), errors
    for line in errors:  # file:line: field: problem — fix (a whole file, or a setting, has no line)
        where, _, rest = line.partition(": ")
        assert where and " — " in rest, line


BUILD_SAYS = {"image-name": "0912345678"}  # the build stops at the article's link to the image first
BUILT = ["attach-outside", "escaped-marker", "html-beside", "gps-beside", "image-name", "tall-image", "merge-key",
         "registry-encoding", "static-paths"]


@pytest.fixture(scope="module")
def good_site(tmp_path_factory) -> tuple[Path, str]:
    root = tmp_path_factory.mktemp("site")
    shutil.copytree(CONTENT, root / "content")
    assert build_then_swap(root, str(ROOT / "pelicanconf.py")) == 0
    return root, tree_digest(root / "output")


def expected_in_log(capfd, expected: str) -> bool:
    """Whether the build said why it stopped (Pelican runs in a child process: its output is captured here)."""
    captured = capfd.readouterr()
    return expected in " ".join((captured.out + captured.err).split())


@pytest.mark.parametrize("case", BUILT)
def test_the_build_stops_on_each_attack_and_keeps_the_previous_site(good_site, case, tmp_path, capfd):
    root, before = good_site
    attack = next(a for a in ATTACKS if a[0] == case)
    work = tmp_path / "site"
    shutil.copytree(root / "output", work / "output")
    make_site(work, attack[1], attack[2], case)
    settings = str(ROOT / "pelicanconf.py")
    if attack[3]:
        conf = work / "conf.py"
        conf.write_text(f"import sys\nsys.path.insert(0, {str(ROOT)!r})\nfrom pelicanconf import *  # noqa\n"
                        + "".join(f"{k} = {v!r}\n" for k, v in attack[3].items()), encoding="utf-8")
        settings = str(conf)
    assert build_then_swap(work, settings) != 0
    assert expected_in_log(capfd, BUILD_SAYS.get(case, attack[4]))
    assert tree_digest(work / "output") == before
    assert published_leaks(work / "output") == []
    assert not [p for p in work.iterdir() if p.name.startswith(".output-")]


def test_an_article_without_category_is_filed_under_the_default_one_with_a_warning(tmp_path):
    root = make_site(tmp_path, {ARTICLE: article().replace("category: Tin tức\n", "")}, {}, "")
    errors, warnings = run_check(site_settings(root / "content", root / "output"))
    assert errors == []
    assert any("bai.md:1: category:" in line and "'Tin tức'" in line for line in warnings), warnings
