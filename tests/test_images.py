"""Published images are upright, resized for srcset, light, free of EXIF and XMP, and checked before the build."""

from __future__ import annotations

import filecmp
import io
import logging
import shutil
from pathlib import Path

import pytest
from conftest import CONTENT, read_page, run_pelican, write_files
from honours.checks.images import check_body_images, find_body_images
from honours.core.problems import ContentErrors
from PIL import Image

ARTICLE = "tin-tuc/2018/bai-co-anh.md"
ARTICLE_URL = "/tin-tuc/2018/02/bai-co-anh/"
ORIENTATION, GPS_IFD = 0x0112, 0x8825
# The upright picture: 640×400, one colour per quarter.
QUARTERS = {"top_left": (220, 30, 30), "top_right": (30, 160, 40), "bottom_left": (30, 60, 200),
            "bottom_right": (240, 210, 20)}


def article(body: str, title: str = "Bài có ảnh") -> str:
    return f"---\ntitle: {title}\ndate: 2018-02-01 08:00\nslug: bai-co-anh\n---\n{body}"


def upright_picture(size=(640, 400)) -> Image.Image:
    w, h = size
    image = Image.new("RGB", size)
    for name, box in {"top_left": (0, 0, w // 2, h // 2), "top_right": (w // 2, 0, w, h // 2),
                      "bottom_left": (0, h // 2, w // 2, h), "bottom_right": (w // 2, h // 2, w, h)}.items():
        image.paste(QUARTERS[name], box)
    return image


def sideways_jpeg_with_gps() -> bytes:
    """What a phone held upright writes: the bitmap on its side, EXIF Orientation 6, GPS tags and XMP."""
    exif = Image.Exif()
    exif[ORIENTATION] = 6
    exif[0x010F] = "Phone"
    gps = exif.get_ifd(GPS_IFD)
    gps.update({1: "N", 2: (21.0, 21.0, 14.0), 3: "E", 4: (105.0, 57.0, 28.0)})
    buffer = io.BytesIO()
    upright_picture().transpose(Image.Transpose.ROTATE_90).save(
        buffer, "JPEG", quality=90, exif=exif, xmp=b"<x:xmpmeta>GPSLatitude 21,21N</x:xmpmeta>")
    return buffer.getvalue()


def plain_jpeg(size=(1200, 800), colour=(90, 140, 200)) -> bytes:
    buffer = io.BytesIO()
    Image.new("RGB", size, colour).save(buffer, "JPEG", quality=85)
    return buffer.getvalue()


def png_with_alpha(size=(600, 300)) -> bytes:
    buffer = io.BytesIO()
    image = Image.new("RGBA", size, (200, 30, 30, 255))
    image.paste((0, 0, 0, 0), (0, 0, size[0] // 2, size[1]))
    exif = Image.Exif()
    exif[GPS_IFD] = {1: "N"}
    image.save(buffer, "PNG", exif=exif)
    return buffer.getvalue()


IMAGES = {
    "images/anh-xoay.jpg": sideways_jpeg_with_gps,
    "images/hoi-truong.jpg": plain_jpeg,
    "images/bieu-do.png": png_with_alpha,
    "images/nho.jpg": lambda: plain_jpeg((300, 200)),
    "images/kho-anh/khong-dung.jpg": lambda: plain_jpeg((800, 600)),  # published even if no article shows it
}
BODY = """\
Đoạn mở đầu.

![Ảnh chụp dọc: hội nghị nhìn từ cuối hội trường](/images/anh-xoay.jpg)

![Hội trường UBND huyện](/images/hoi-truong.jpg "Hội trường")

![Biểu đồ số tập thể được khen]({static}/images/bieu-do.png)

![Ảnh nhỏ không được phóng to](../../images/nho.jpg)

[Tải ảnh gốc]({static}/images/anh-xoay.jpg)
"""


def write_images(content: Path, images: dict) -> None:
    for relative, make in images.items():
        path = content / relative
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_bytes(make() if callable(make) else make)


@pytest.fixture
def image_site(tmp_path, build_site):
    write_images(tmp_path / "content", IMAGES)
    return build_site({ARTICLE: article(BODY)}, CACHE_PATH=str(tmp_path / "cache"))


def published_images(output: Path) -> list[Path]:
    return sorted(p for p in (output / "images").rglob("*") if p.is_file())


def close(colour, expected, tolerance=40) -> bool:
    return all(abs(a - b) <= tolerance for a, b in zip(colour[:3], expected, strict=True))


def test_every_published_image_is_free_of_exif_and_xmp(image_site, tmp_path):
    files = published_images(image_site)
    assert len(files) == 5 + 2 * (2 + 2 + 2 + 1 + 2)  # five full-size copies; fallback + WebP for each width
    for file in files:
        with Image.open(file) as image:
            exif = image.getexif()
            assert GPS_IFD not in exif and ORIENTATION not in exif, file
            assert not exif, (file, dict(exif))
            assert "xmp" not in image.info and "XML:com.adobe.xmp" not in image.info, file
        data = file.read_bytes()
        assert b"Exif\x00\x00" not in data and b"xmpmeta" not in data, file
    original = tmp_path / "content" / "images" / "anh-xoay.jpg"
    assert (image_site / "images" / "anh-xoay.jpg").read_bytes() != original.read_bytes()


def test_a_photo_stored_sideways_is_published_upright(image_site):
    names = ["anh-xoay.jpg", "anh-xoay-480.jpg", "anh-xoay-640.jpg", "anh-xoay-480.webp", "anh-xoay-640.webp"]
    with Image.open(image_site / "images" / "anh-xoay.jpg") as full:
        assert full.size == (640, 400)  # the stored bitmap is 400×640
    for name in names:
        with Image.open(image_site / "images" / name) as image:
            rgb = image.convert("RGB")
            w, h = rgb.size
            assert w > h and abs(w / h - 1.6) < 0.01, name
            for corner, (x, y) in {"top_left": (0.1, 0.1), "top_right": (0.9, 0.1), "bottom_left": (0.1, 0.9),
                                   "bottom_right": (0.9, 0.9)}.items():
                assert close(rgb.getpixel((int(x * w), int(y * h))), QUARTERS[corner]), (name, corner)


def test_images_become_responsive_pictures(image_site):
    page = read_page(image_site, ARTICLE_URL)
    pictures = page.find_all("picture")
    assert len(pictures) == 4
    first, second, png, small = pictures
    source = first.find("source")
    assert source["type"] == "image/webp"
    assert source["srcset"] == "/images/anh-xoay-480.webp 480w, /images/anh-xoay-640.webp 640w"
    img = first.find("img")
    assert img["src"] == "/images/anh-xoay-640.jpg"
    assert img["srcset"] == "/images/anh-xoay-480.jpg 480w, /images/anh-xoay-640.jpg 640w"
    assert img["sizes"] == source["sizes"] and img["sizes"]
    assert (img["width"], img["height"]) == ("640", "400")
    assert img["alt"] == "Ảnh chụp dọc: hội nghị nhìn từ cuối hội trường"
    assert "loading" not in img.attrs and "decoding" not in img.attrs  # the first image may be above the fold
    for later in (second, png, small):
        assert later.img["loading"] == "lazy" and later.img["decoding"] == "async"
    assert second.img["src"] == "/images/hoi-truong-960.jpg" and second.img["title"] == "Hội trường"
    assert (second.img["width"], second.img["height"]) == ("960", "640")
    assert png.img["srcset"] == "/images/bieu-do-480.png 480w, /images/bieu-do-600.png 600w"  # PNG falls back to PNG
    assert small.img["srcset"] == "/images/nho-300.jpg 300w"  # never upscaled
    assert not (image_site / "images" / "nho-480.jpg").exists()
    assert page.find("a", string="Tải ảnh gốc")["href"] == "/images/anh-xoay.jpg"  # the cleaned copy
    assert (image_site / "images" / "kho-anh" / "khong-dung-480.webp").is_file()


def test_transparency_is_kept_in_png_and_webp(image_site):
    for name in ("bieu-do.png", "bieu-do-480.png", "bieu-do-600.webp"):
        with Image.open(image_site / "images" / name) as image:
            rgba = image.convert("RGBA")
            assert rgba.getpixel((5, 5))[3] == 0 and rgba.getpixel((rgba.width - 5, 5))[3] == 255, name


def test_two_builds_give_byte_identical_images(tmp_path):
    content = tmp_path / "content"
    write_images(content, IMAGES)
    write_files(content, {ARTICLE: article(BODY)})
    shutil.copytree(CONTENT / "data", content / "data")
    first = run_pelican(content, tmp_path / "first", CACHE_PATH=str(tmp_path / "cache-1"))
    second = run_pelican(content, tmp_path / "second", CACHE_PATH=str(tmp_path / "cache-2"))  # cold again
    warm = run_pelican(content, tmp_path / "warm", CACHE_PATH=str(tmp_path / "cache-1"))  # from the cache
    names = [str(p.relative_to(first)) for p in published_images(first)]
    assert names == [str(p.relative_to(second)) for p in published_images(second)]
    for other in (second, warm):
        match, mismatch, errors = filecmp.cmpfiles(first, other, names, shallow=False)
        assert mismatch == [] and errors == [] and len(match) == len(names)
    page = "tin-tuc/2018/02/bai-co-anh/index.html"
    assert (first / page).read_bytes() == (warm / page).read_bytes()


# --- problems, found before the build ---------------------------------------------------------------------------

GOOD = "images/anh.jpg"
CORRUPT = plain_jpeg()[:3000]  # a truncated JPEG: its header opens, its pixels do not


@pytest.mark.parametrize(("line", "images", "message"), [
    ("![](/images/anh.jpg)", {GOOD: plain_jpeg}, "ảnh thiếu mô tả (alt)"),
    ("![Ảnh hội nghị](/images/anh-khong-co.jpg)", {GOOD: plain_jpeg},
     "không tìm thấy tệp ảnh '/images/anh-khong-co.jpg'"),
    ("![Ảnh hội nghị](/images/hong.jpg)", {"images/hong.jpg": CORRUPT}, "không mở được tệp ảnh '/images/hong.jpg'"),
    ("![Ảnh hội nghị](/images/khong-phai-anh.jpg)", {"images/khong-phai-anh.jpg": b"<html>not an image</html>"},
     "không mở được tệp ảnh"),
    ('<img src="/images/anh.jpg">', {GOOD: plain_jpeg}, "ảnh thiếu mô tả (alt)"),
    ("![Ảnh](/theme/anh.jpg)", {}, "không nằm trong thư mục images"),
    ("![Ảnh](/images/hinh.gif)", {}, "định dạng của ảnh '/images/hinh.gif' không được hỗ trợ"),
])  # fmt: skip
def test_an_image_problem_stops_the_build_at_its_line(tmp_path, build_site, caplog, line, images, message):
    write_images(tmp_path / "content", images)
    caplog.set_level(logging.ERROR)
    with pytest.raises(ContentErrors) as stopped:
        build_site({ARTICLE: article(f"Đoạn mở đầu.\n\n{line}\n")}, CACHE_PATH=str(tmp_path / "cache"))
    (problem,) = stopped.value.problems
    assert problem.path.endswith(ARTICLE)
    assert problem.line == 8  # 5 lines of front-matter, a paragraph, a blank line
    assert problem.field == "ảnh"
    assert message in problem.message and problem.hint
    assert str(problem) in caplog.text
    assert not (tmp_path / "output" / "images").exists()  # nothing was built


def test_missing_file_suggests_the_nearest_name(tmp_path, build_site):
    write_images(tmp_path / "content", {"images/hoi-nghi-2019.jpg": plain_jpeg})
    with pytest.raises(ContentErrors) as stopped:
        build_site({ARTICLE: article("![Hội nghị](/images/hoi-nghi-2018.jpg)\n")}, CACHE_PATH=str(tmp_path / "cache"))
    assert "(có phải là 'hoi-nghi-2019.jpg'?)" in stopped.value.problems[0].message


def test_all_image_problems_of_a_build_are_reported_together(tmp_path, build_site):
    write_images(tmp_path / "content", {GOOD: plain_jpeg, "images/hong.jpg": CORRUPT})
    body = "![](/images/anh.jpg)\n\n![Ảnh](/images/mat.jpg)\n\n![Ảnh](/images/hong.jpg)\n"
    with pytest.raises(ContentErrors) as stopped:
        page = "---\ntitle: Giới thiệu\n---\n\n![](/images/anh.jpg)\n"
        build_site({ARTICLE: article(body), "pages/gioi-thieu.md": page}, CACHE_PATH=str(tmp_path / "cache"))
    found = {(Path(p.path).name, p.line, p.message.split(" '")[0]) for p in stopped.value.problems}
    assert found == {
        ("bai-co-anh.md", 6, "ảnh thiếu mô tả (alt)"),
        ("bai-co-anh.md", 8, "không tìm thấy tệp ảnh"),
        ("bai-co-anh.md", 10, "không mở được tệp ảnh"),
        ("gioi-thieu.md", 5, "ảnh thiếu mô tả (alt)"),
    }


def test_a_broken_file_in_the_images_folder_stops_the_build(tmp_path, build_site):
    write_images(tmp_path / "content", {"images/hong.jpg": CORRUPT, "images/ghi-chu.txt": b"note"})
    with pytest.raises(ContentErrors) as stopped:
        build_site({ARTICLE: article("Không có ảnh.\n")}, CACHE_PATH=str(tmp_path / "cache"))
    assert sorted(Path(p.path).name for p in stopped.value.problems) == ["ghi-chu.txt", "hong.jpg"]


def test_images_folder_in_static_paths_is_refused(tmp_path, build_site):
    write_images(tmp_path / "content", {GOOD: sideways_jpeg_with_gps})
    with pytest.raises(ContentErrors) as stopped:
        build_site({ARTICLE: article("Bài.\n")}, CACHE_PATH=str(tmp_path / "cache"), STATIC_PATHS=["images"])
    assert "STATIC_PATHS" in str(stopped.value.problems[0])


# --- reading Markdown --------------------------------------------------------------------------------------------


def test_find_body_images_reads_the_forms_markdown_renders():
    body = (
        "\n"
        "![Một](/images/a.jpg)\n"
        "`![không phải ảnh](/images/x.jpg)`\n"
        "```\n![cũng không](/images/y.jpg)\n```\n"
        "[![Ảnh trong liên kết](</images/có dấu cách.jpg> \"Tiêu đề\")](/khen-thuong/)\n"
        "![Theo nhãn][anh-2] và ![anh-3]\n"
        "\n[anh-2]: /images/b.png\n[Anh-3]: <../../images/c.webp> 'tiêu đề'\n"
        '<p><img alt="Bằng HTML" src="/images/d.jpg"></p>\n'
        "![Không có nhãn][khong-co]\n"
    )
    found = [(body.count("\n", 0, i.offset), i.alt, i.src) for i in find_body_images(body)]
    assert found == [
        (1, "Một", "/images/a.jpg"),
        (6, "Ảnh trong liên kết", "/images/có dấu cách.jpg"),
        (7, "Theo nhãn", "/images/b.png"),
        (7, "anh-3", "../../images/c.webp"),
        (11, "Bằng HTML", "/images/d.jpg"),
    ]


def test_check_body_images_resolves_static_and_relative_addresses(tmp_path):
    content = tmp_path / "content"
    write_images(content, {"images/a.jpg": plain_jpeg, "images/2019/b.jpg": plain_jpeg})
    source = content / "tin-tuc" / "2019" / "bai.md"
    settings = {"PATH": str(content), "CACHE_PATH": str(tmp_path / "cache")}
    body = ("\n![A]({static}/images/a.jpg)\n![B](../../images/2019/b.jpg)\n![C](images/a.jpg)\n"
            "![D](https://example.org/anh.jpg)\n")
    problems = check_body_images(body, 10, str(source), settings)
    assert [(p.line, p.message, p.hint) for p in problems] == [
        (12, "ảnh 'images/a.jpg' không nằm trong thư mục images", "viết đường dẫn bắt đầu bằng dấu '/': /images/a.jpg"),
        (13, "ảnh 'https://example.org/anh.jpg' lấy từ một trang web khác",
         "tải ảnh về, đặt vào thư mục content/images/ và viết đường dẫn /images/ten-anh.jpg"),
    ]
