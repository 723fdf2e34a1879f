"""Image files: what an image file is, where an address written in an article points, and where its copies go.

Shared by the pre-build check (`checks/images.py`) and the page family that publishes
the cleaned copies (`pages/images.py`).
"""

from __future__ import annotations

import hashlib
import io
import json
import logging
import os
import posixpath
import re
from dataclasses import dataclass
from fnmatch import fnmatch
from functools import cached_property
from html.parser import HTMLParser
from urllib.parse import quote, unquote, urlsplit

import PIL
from PIL import Image, features

from ..settings import setting

logger = logging.getLogger(__name__)
FORMATS = {".jpg": "JPEG", ".jpeg": "JPEG", ".png": "PNG", ".webp": "WEBP"}
SUFFIXES = {"JPEG": ".jpg", "PNG": ".png", "WEBP": ".webp"}
# Only these decoders may open a file, whatever its bytes claim to be.
DECODERS = ("JPEG", "PNG", "WEBP")
ORIENTATION = 0x0112  # EXIF tag
# Bump when the processing changes what it writes: cached copies are then remade.
CACHE_VERSION = 2
# Attributes of an <img> that the responsive markup sets itself.
FIELD = "ảnh"


# --- settings -------------------------------------------------------------------------------------


@dataclass(frozen=True)
class Config:
    """The image settings of one build, resolved."""

    content: str  # Pelican's PATH, absolute
    folder: str  # the images folder under PATH, in URL form ("images"); published at the same URL
    widths: tuple[int, ...]
    default_width: int
    sizes: str
    jpeg_quality: int
    webp_quality: int
    cache: str
    siteurl: str

    @classmethod
    def of(cls, settings: dict) -> Config:
        return cls(
            content=os.path.abspath(settings["PATH"]),
            folder=posixpath.normpath(str(setting(settings, "HONOURS_IMAGE_PATH")).strip("/")),
            widths=tuple(sorted({int(w) for w in setting(settings, "HONOURS_IMAGE_WIDTHS")})),
            default_width=int(setting(settings, "HONOURS_IMAGE_DEFAULT_WIDTH")),
            sizes=setting(settings, "HONOURS_IMAGE_SIZES"),
            jpeg_quality=int(setting(settings, "HONOURS_IMAGE_JPEG_QUALITY")),
            webp_quality=int(setting(settings, "HONOURS_IMAGE_WEBP_QUALITY")),
            cache=os.path.join(settings.get("CACHE_PATH", "cache"), setting(settings, "HONOURS_IMAGE_CACHE")),
            siteurl=(settings.get("SITEURL") or "").rstrip("/"),
        )

    @cached_property
    def signature(self) -> str:
        """What the processed files depend on besides the source's bytes."""
        recipe = {
            "version": CACHE_VERSION, "pillow": PIL.__version__, "jpeg": features.version("jpg"),
            "webp": features.version("webp"), "zlib": features.version("zlib"), "widths": self.widths,
            "jpeg_quality": self.jpeg_quality, "webp_quality": self.webp_quality,
        }  # fmt: skip
        return hashlib.sha256(json.dumps(recipe, sort_keys=True).encode()).hexdigest()[:16]

    def url(self, save_as: str) -> str:
        return f"{self.siteurl}/{quote(save_as)}"

    def entry(self, digest: str) -> str:
        """The cache folder of one source's processed files."""
        return os.path.join(self.cache, digest[:2], f"{digest}-{self.signature}")


# --- sources and what is published of them --------------------------------------------------------


@dataclass(frozen=True)
class Source:
    """An image file that opens: its content hash and its size once drawn upright."""

    digest: str
    width: int
    height: int
    alpha: bool


@dataclass(frozen=True)
class Rendition:
    """One published file of an image."""

    name: str  # file name inside the cache entry
    save_as: str  # path under OUTPUT_PATH, which is also its URL path
    width: int
    height: int
    format: str


@dataclass(frozen=True)
class Plan:
    """Everything published of one image."""

    full: Rendition  # the cleaned full-size copy, at the original's URL
    fallback: tuple[Rendition, ...]  # JPEG (PNG for PNG sources or transparency), narrowest first
    webp: tuple[Rendition, ...]
    default: Rendition  # the fallback the <img src> points at

    @property
    def renditions(self) -> tuple[Rendition, ...]:
        return (self.full, *self.fallback, *self.webp)


def plan_for(relative: str, source: Source, config: Config) -> Plan:
    """Name and size every file published of an image; never wider than the original."""
    stem, ext = posixpath.splitext(relative)
    ext = ext.lower()
    fallback_format = "PNG" if ext == ".png" or (ext == ".webp" and source.alpha) else "JPEG"
    widths = sorted({min(width, source.width) for width in config.widths})

    def resized(width: int, fmt: str) -> Rendition:
        height = max(1, round(source.height * width / source.width))
        suffix = SUFFIXES[fmt]
        return Rendition(f"{width}{suffix}", f"{stem}-{width}{suffix}", width, height, fmt)

    fallback = tuple(resized(width, fallback_format) for width in widths)
    webp = tuple(resized(width, "WEBP") for width in widths)
    default = max((r for r in fallback if r.width <= config.default_width), key=lambda r: r.width, default=fallback[0])
    full = Rendition(f"full{ext}", relative, source.width, source.height, FORMATS[ext])
    return Plan(full, fallback, webp, default)


class ImageError(Exception):
    """An image file that is missing, cannot be opened, is too large or is animated."""

    def __init__(self, kind: str, detail: str = ""):
        super().__init__(kind)
        self.kind = kind  # "missing", "corrupt", "too-large" or "animated"
        self.detail = detail


# The largest image the pipeline encodes: WebP cannot hold a side over 16,383 pixels, and
# 40 megapixels (a 7,700 × 5,200 photo) decoded takes 160 MB of memory per copy.
MAX_SIDE, MAX_PIXELS = 16_383, 40_000_000


def image_error_message(error: ImageError, src: str) -> tuple[str, str]:
    """(message, hint) for an image that cannot be published, the same words in the check and the build."""
    if error.kind == "too-large":
        return (f"ảnh '{src}' quá lớn ({error.detail}; tối đa {MAX_SIDE:,} điểm ảnh mỗi chiều và "
                f"{MAX_PIXELS // 1_000_000} triệu điểm ảnh)".replace(",", "."),
                "thu nhỏ ảnh (ví dụ còn 2000 điểm ảnh chiều rộng) rồi lưu lại")
    if error.kind == "animated":
        return (f"ảnh '{src}' là ảnh động; trang chỉ đăng được khung hình đầu nên không nhận ảnh động",
                "lưu khung hình muốn đăng thành ảnh tĩnh JPEG hoặc PNG, hoặc đăng đoạn phim ở nơi khác")
    return (f"không mở được tệp ảnh '{src}': tệp bị hỏng hoặc không phải ảnh JPEG, PNG, WebP", CORRUPT_HINT)


# Sources already looked at in this process, by (path, size, mtime): a build
# looks at each image up to three times (check, rewrite, publish).
_SEEN: dict[tuple[str, int, int], Source] = {}


def inspect(path: str, config: Config) -> Source:
    """Return what the build needs to know of an image file, or raise ImageError.

    A file is known good when its processed copies are in the cache; otherwise
    it is decoded (JPEG at 1/8 scale, which still reads every byte) so that a
    truncated or corrupt file is found before anything is built.
    """
    try:
        stat = os.stat(path)
        key = (path, stat.st_size, stat.st_mtime_ns)
        if key in _SEEN:
            return _SEEN[key]
        with open(path, "rb") as handle:
            data = handle.read()
    except (OSError, ValueError) as error:
        raise ImageError("missing") from error
    digest = hashlib.sha256(data).hexdigest()
    source = _cached_source(config.entry(digest), digest) or _decode_source(data, digest)
    if len(_SEEN) > 20_000:
        _SEEN.clear()
    _SEEN[key] = source
    return source


def _cached_source(entry: str, digest: str) -> Source | None:
    try:
        with open(os.path.join(entry, "meta.json"), encoding="utf-8") as handle:
            meta = json.load(handle)
        return Source(digest, int(meta["width"]), int(meta["height"]), bool(meta["alpha"]))
    except (OSError, ValueError, KeyError, TypeError):
        return None


def _decode_source(data: bytes, digest: str) -> Source:
    try:
        with Image.open(io.BytesIO(data), formats=DECODERS) as image:
            width, height = image.size
            _refuse_unencodable(image)
            if image.format == "JPEG":
                image.draft(image.mode, (max(1, width // 8), max(1, height // 8)))
            image.load()
            orientation = image.getexif().get(ORIENTATION, 1)
            alpha = image.has_transparency_data
    except ImageError:
        raise
    except Image.DecompressionBombError as error:
        raise ImageError("too-large", "quá nhiều điểm ảnh") from error
    except Exception as error:  # Pillow raises many kinds of error on a broken file
        raise ImageError("corrupt") from error
    if orientation in (5, 6, 7, 8):  # stored turned by a quarter: shown the other way round
        width, height = height, width
    return Source(digest, width, height, alpha)


def _refuse_unencodable(image: Image.Image) -> None:
    """Raise ImageError for what the pipeline would fail on or change: too large, or animated."""
    width, height = image.size
    if max(width, height) > MAX_SIDE or width * height > MAX_PIXELS:
        raise ImageError("too-large", f"{width:,} × {height:,} điểm ảnh".replace(",", "."))
    if getattr(image, "n_frames", 1) > 1:
        raise ImageError("animated")


# --- where an address points ----------------------------------------------------------------------


@dataclass(frozen=True)
class Reference:
    """Where an image address written in an article points."""

    kind: str  # "local", "external", "outside" (the images folder), "unsupported" (format) or "empty"
    relative: str = ""  # path under PATH


_INTRASITE = re.compile(r"^[{|](?:static|attach|filename)[|}]")


def locate(src: str, source_path: str | None, config: Config) -> Reference:
    """Resolve `/images/a.jpg`, `{static}/images/a.jpg` or `../../images/a.jpg` to a path under PATH."""
    src = src.strip()
    if not src:
        return Reference("empty")
    parts = urlsplit(src)
    if parts.scheme or parts.netloc:
        return Reference("external")
    path = unquote(parts.path)
    marker = _INTRASITE.match(path)
    if marker:
        path = path[marker.end() :]
    if path.startswith("/"):
        relative = posixpath.normpath(path.lstrip("/"))
    else:
        folder = os.path.dirname(source_path) if source_path else config.content
        base = os.path.relpath(folder, config.content).replace(os.sep, "/")
        relative = posixpath.normpath(posixpath.join(base, path))
    if not relative.startswith(config.folder + "/"):
        return Reference("outside", relative)
    if posixpath.splitext(relative)[1].lower() not in FORMATS:
        return Reference("unsupported", relative)
    return Reference("local", relative)


def file_of(config: Config, relative: str) -> str:
    return os.path.join(config.content, *relative.split("/"))


def inside_folder(path: str, folder: str) -> bool:
    return folder == "." or path == folder or path.startswith(folder + "/")


def matches_any(name: str, patterns) -> bool:
    return any(fnmatch(name, pattern) for pattern in patterns)


@dataclass(frozen=True)
class ImageTag:
    position: tuple[int, int]  # (line from 1, column) in the fragment
    text: str
    attributes: list[tuple[str, str | None]]
    in_picture: bool


class ImageTags(HTMLParser):
    """Find the <img> tags of an HTML fragment, where each is, and whether a <picture> holds it."""

    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.tags: list[ImageTag] = []
        self._pictures = 0

    def handle_starttag(self, tag, attrs):
        if tag == "picture":
            self._pictures += 1
        elif tag == "img":
            self.tags.append(ImageTag(self.getpos(), self.get_starttag_text() or "", attrs, self._pictures > 0))

    def handle_endtag(self, tag):
        if tag == "picture" and self._pictures:
            self._pictures -= 1


CORRUPT_HINT = "mở ảnh bằng phần mềm xem ảnh, lưu lại thành tệp JPEG hoặc PNG rồi chép đè lên tệp cũ"
UNSUPPORTED_HINT = "lưu ảnh thành tệp JPEG (.jpg), PNG (.png) hoặc WebP (.webp)"
