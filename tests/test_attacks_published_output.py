"""Everything in output/ after a build: no GPS, no colour-profile text, no personal data, only the site's own files."""

from __future__ import annotations

import gzip
import io
import shutil
from pathlib import Path

import pytest
from conftest import CONTENT, ROOT, write_files
from honours.core.personal_data import personal_data_in
from PIL import Image, ImageCms

from editor.publish import build_then_swap

HOTLINE = "0204 3812 345"  # an office number the site must publish: allowed in the settings below
PERSON = "Nguyen Van A 0912345678"
GPS_IFD = 0x8825


def photo_with_gps_and_profile_text() -> bytes:
    exif = Image.Exif()
    exif.get_ifd(GPS_IFD)[2] = (21.0, 18.0, 0.0)
    exif[0x010E] = PERSON  # ImageDescription
    profile = ImageCms.ImageCmsProfile(ImageCms.createProfile("sRGB")).tobytes() + PERSON.encode()
    buffer = io.BytesIO()
    Image.new("RGB", (1200, 800), (20, 120, 40)).save(buffer, "JPEG", exif=exif, icc_profile=profile,
                                                        comment=PERSON.encode())
    return buffer.getvalue()


@pytest.fixture(scope="module")
def output(tmp_path_factory) -> Path:
    root = tmp_path_factory.mktemp("site")
    shutil.copytree(CONTENT, root / "content")
    (root / "content/images/anh-co-gps.jpg").write_bytes(photo_with_gps_and_profile_text())
    write_files(root / "content", {"tin-tuc/2018/duong-day-nong.md": f"""
        ---
        title: Đường dây nóng về thi đua, khen thưởng
        date: 2018-03-01 08:00
        category: Thi đua – Khen thưởng
        ---
        Phản ánh về thi đua, khen thưởng xin gọi đường dây nóng {HOTLINE}.

        ![Lễ trao thưởng](/images/anh-co-gps.jpg)
        """})
    (root / "conf.py").write_text(f"import sys\nsys.path.insert(0, {str(ROOT)!r})\nfrom pelicanconf import *  # noqa\n"
                                  f"HONOURS_PERSONAL_DATA_ALLOWLIST = [{HOTLINE!r}]\n", encoding="utf-8")
    assert build_then_swap(root, str(root / "conf.py")) == 0
    return root / "output"


def vendor_code(path: Path) -> bool:
    """The web editor's and the search's bundled programs: third-party code, nothing from content/."""
    folder = path.parent.name
    return (folder == "admin" and path.suffix in (".js", ".txt")) or (
        folder == "pagefind" and (path.name.startswith("wasm.") or path.suffix == ".js"))


def published_files(output: Path):
    """Every file of the site but the bundled programs."""
    for path in sorted(output.rglob("*")):
        if path.is_file() and not vendor_code(path):
            yield path


def test_no_published_image_carries_gps_exif_or_profile_text(output):
    images = [p for p in published_files(output) if p.suffix.lower() in (".jpg", ".jpeg", ".png", ".webp")]
    assert any("anh-co-gps" in p.name for p in images)
    for path in images:
        with Image.open(path) as image:
            assert not image.getexif(), path
            assert "icc_profile" not in image.info and "comment" not in image.info, path
        assert PERSON.encode() not in path.read_bytes(), path


def readable(path: Path) -> str:
    data = path.read_bytes()
    if data[:2] == b"\x1f\x8b":  # the search index's files are gzip-compressed
        data = gzip.decompress(data)
    return data.decode("utf-8", errors="replace")


def test_no_published_text_holds_personal_data_outside_the_allowlist(output):
    texts = [p for p in published_files(output) if p.suffix.lower() not in (".jpg", ".jpeg", ".png", ".webp")]
    assert any(HOTLINE in readable(p) for p in texts)  # the allowed number is published
    found = {str(p.relative_to(output)): hit for p in texts if (hit := personal_data_in(readable(p), (HOTLINE,)))}
    assert found == {}


def test_every_published_file_is_of_a_kind_the_site_makes(output):
    kinds = {p.suffix.lower() for p in published_files(output)}
    assert kinds <= {".html", ".xml", ".json", ".csv", ".txt", ".css", ".js", ".svg", ".jpg", ".png", ".webp",
                     ".woff2", ".yml", ".pf_fragment", ".pf_index", ".pf_meta", ".pagefind", ".wasm", ""}, kinds
    assert ROOT.name not in {p.name for p in output.iterdir()}
