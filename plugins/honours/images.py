"""Images: check what articles show, publish light copies without EXIF, write responsive markup.

Editors put photos under `content/images/` and show them with Markdown
`![Mô tả ảnh](/images/ten-anh.jpg)` (`{static}/images/…` and relative
`../../images/…` addresses work too). Three moments of a build use this module:

- before Pelican reads anything, `check_body_images` (called for every article
  and page by `source.scan_content`, so by the build and by `invoke check`)
  reports images without alt text, missing files, files Pillow cannot open and
  formats other than JPEG, PNG and WebP, each at its line;
- when Pelican has read a file (`content_object_init`), `rewrite_images` turns
  each `<img>` into a `<picture>`: a WebP `srcset`, a JPEG (or PNG) `srcset`
  fallback, `width`/`height`, and lazy loading for all but the first image;
- `ImagesGenerator` publishes every image of the folder: at its own URL a
  re-encoded copy drawn upright (the EXIF orientation applied) with no EXIF,
  XMP or text chunk left (no GPS position), and beside it the resized copies.
  Processing happens once per source content and settings; the results are
  kept under `CACHE_PATH/images/` and copied into the output on every build.

The folder must stay out of `STATIC_PATHS`: Pelican's static copy would
publish the originals, GPS position included.
"""

from __future__ import annotations

import hashlib
import io
import json
import logging
import os
import posixpath
import re
import shutil
import tempfile
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass
from fnmatch import fnmatch
from functools import cached_property
from html import escape
from html.parser import HTMLParser
from urllib.parse import quote, unquote, urlsplit

import PIL
from pelican.contents import Article, Page
from pelican.generators import Generator
from PIL import Image, ImageOps, features

from .markdowntext import blank_code
from .problems import ContentErrors, Problem, display_path, report, suggest
from .settings import setting

logger = logging.getLogger(__name__)

# Extensions accepted, and the format a file of that extension is published in.
FORMATS = {".jpg": "JPEG", ".jpeg": "JPEG", ".png": "PNG", ".webp": "WEBP"}
SUFFIXES = {"JPEG": ".jpg", "PNG": ".png", "WEBP": ".webp"}
# Only these decoders may open a file, whatever its bytes claim to be.
DECODERS = ("JPEG", "PNG", "WEBP")
ORIENTATION = 0x0112  # EXIF tag
# Bump when the processing changes what it writes: cached copies are then remade.
CACHE_VERSION = 1
# Attributes of an <img> that the responsive markup sets itself.
REPLACED = frozenset({"src", "srcset", "sizes", "width", "height", "alt", "loading", "decoding"})
LAZY = (("loading", "lazy"), ("decoding", "async"))
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
    """An image file that is missing or cannot be opened."""

    def __init__(self, kind: str):
        super().__init__(kind)
        self.kind = kind  # "missing" or "corrupt"


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
            if image.format == "JPEG":
                image.draft(image.mode, (max(1, width // 8), max(1, height // 8)))
            image.load()
            orientation = image.getexif().get(ORIENTATION, 1)
            alpha = image.has_transparency_data
    except Exception as error:  # Pillow raises many kinds of error on a broken file
        raise ImageError("corrupt") from error
    if orientation in (5, 6, 7, 8):  # stored turned by a quarter: shown the other way round
        width, height = height, width
    return Source(digest, width, height, alpha)


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


def _file_of(config: Config, relative: str) -> str:
    return os.path.join(config.content, *relative.split("/"))


# --- the pre-build check --------------------------------------------------------------------------

# Markdown image syntax, as Python-Markdown reads it.
_INLINE_IMAGE = re.compile(
    r"""!\[(?P<alt>(?:\\.|[^\\\[\]]|\[(?:\\.|[^\\\[\]])*\])*)\]
        \(\s*(?P<src><[^<>\n]*>|(?:[^\s()\\]|\\.|\([^\s()]*\))*)
        (?:\s+(?:"[^"\n]*"|'[^'\n]*'|\([^()\n]*\)))?\s*\)""",
    re.X,
)
_REFERENCE_IMAGE = re.compile(r"!\[(?P<alt>(?:\\.|[^\\\[\]])*)\](?:[ ]?\[(?P<label>[^\]]*)\])?")
_DEFINITION = re.compile(r"^ {0,3}\[(?P<label>[^\]]+)\]:[ \t]*(?P<src><[^>\n]*>|\S+)", re.M)
_HTML_IMAGE = re.compile(r"<img\b[^>]*>", re.I)
@dataclass(frozen=True)
class BodyImage:
    """One image an article's Markdown shows."""

    offset: int  # in the body
    alt: str | None
    src: str


def find_body_images(body: str) -> list[BodyImage]:
    """Return the images of a Markdown body: `![alt](src)`, `![alt][label]` and raw `<img>`."""
    if "![" not in body and "<img" not in body.lower():
        return []
    text = blank_code(body)
    found: list[BodyImage] = []
    for match in _INLINE_IMAGE.finditer(text):
        found.append(BodyImage(match.start(), _unescape(match.group("alt")), match.group("src").strip("<>")))
    text = _INLINE_IMAGE.sub(lambda m: " " * len(m.group(0)), text)
    labels = {_label(m.group("label")): m.group("src").strip("<>") for m in _DEFINITION.finditer(text)}
    for match in _REFERENCE_IMAGE.finditer(text):
        label = _label(match.group("label") or match.group("alt"))
        if label in labels:  # otherwise Markdown shows the text as it is
            found.append(BodyImage(match.start(), _unescape(match.group("alt")), labels[label]))
    for match in _HTML_IMAGE.finditer(text):
        attributes = _tag_attributes(match.group(0))
        found.append(BodyImage(match.start(), attributes.get("alt"), attributes.get("src") or ""))
    return sorted(found, key=lambda image: image.offset)


def _label(text: str) -> str:
    return " ".join(text.split()).casefold()


def _unescape(text: str) -> str:
    return re.sub(r"\\(.)", r"\1", text)


def _tag_attributes(tag: str) -> dict[str, str]:
    finder = _ImageTags()
    finder.feed(tag)
    finder.close()
    return {name: value or "" for name, value in finder.tags[0].attributes} if finder.tags else {}


def check_body_images(body: str, body_line: int, path: str, settings: dict) -> list[Problem]:
    """Return the problems of the images a Markdown body shows, each at its line in the file.

    body_line is the line of the file the body starts on (`FrontMatter.body_line`).
    """
    images = find_body_images(body)
    if not images:
        return []
    config = Config.of(settings)
    shown = display_path(path)
    problems = []
    for image in images:
        line = body_line - 1 + body.count("\n", 0, image.offset)
        if not (image.alt or "").strip():
            problems.append(Problem(shown, line, FIELD, "ảnh thiếu mô tả (alt)",
                                    f"viết mô tả trong ngoặc vuông: ![Mô tả ảnh](/{config.folder}/ten-anh.jpg)"))
        problem = reference_problem(image.src, path, config)
        if problem:
            problems.append(Problem(shown, line, FIELD, *problem))
    return problems


def reference_problem(src: str, source_path: str, config: Config) -> tuple[str, str] | None:
    """Return (message, hint) when an image address cannot be published, else None."""
    folder = config.folder
    reference = locate(src, source_path, config)
    if reference.kind == "empty":
        return ("ảnh thiếu đường dẫn tới tệp ảnh",
                f"viết đường dẫn trong ngoặc tròn: ![Mô tả ảnh](/{folder}/ten-anh.jpg)")
    if reference.kind == "outside":
        rooted = "/" + src.strip().removeprefix("./")
        if locate(rooted, source_path, config).kind == "local" and os.path.isfile(_file_of(config, rooted[1:])):
            hint = f"viết đường dẫn bắt đầu bằng dấu '/': {rooted}"  # "images/a.jpg" meant "/images/a.jpg"
        else:
            hint = f"đặt ảnh vào thư mục content/{folder}/ và viết đường dẫn /{folder}/ten-anh.jpg"
        return (f"ảnh '{src}' không nằm trong thư mục {folder}", hint)
    if reference.kind == "unsupported":
        return (f"định dạng của ảnh '{src}' không được hỗ trợ", UNSUPPORTED_HINT)
    if reference.kind == "external":  # the site loads nothing from other hosts (readers' privacy, no tracking)
        return (f"ảnh '{src}' lấy từ một trang web khác",
                f"tải ảnh về, đặt vào thư mục content/{folder}/ và viết đường dẫn /{folder}/ten-anh.jpg")
    if reference.kind == "local":
        try:
            inspect(_file_of(config, reference.relative), config)
        except ImageError as error:
            if error.kind == "missing":
                return (f"không tìm thấy tệp ảnh '{src}'" + _nearest(reference.relative, config),
                        f"kiểm tra tên tệp (chữ hoa, chữ thường, dấu) và đặt ảnh vào thư mục content/{folder}/")
            return (f"không mở được tệp ảnh '{src}': tệp bị hỏng hoặc không phải ảnh JPEG, PNG, WebP", CORRUPT_HINT)
    return None


CORRUPT_HINT = "mở ảnh bằng phần mềm xem ảnh, lưu lại thành tệp JPEG hoặc PNG rồi chép đè lên tệp cũ"
UNSUPPORTED_HINT = "lưu ảnh thành tệp JPEG (.jpg), PNG (.png) hoặc WebP (.webp)"


def _nearest(relative: str, config: Config) -> str:
    folder = posixpath.dirname(relative)
    try:
        names = os.listdir(_file_of(config, folder))
    except OSError:
        return ""
    return suggest(posixpath.basename(relative), names)


# --- rewriting <img> in an article's HTML ---------------------------------------------------------


@dataclass(frozen=True)
class _Tag:
    position: tuple[int, int]  # (line from 1, column) in the fragment
    text: str
    attributes: list[tuple[str, str | None]]
    in_picture: bool


class _ImageTags(HTMLParser):
    """Find the <img> tags of an HTML fragment, where each is, and whether a <picture> holds it."""

    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.tags: list[_Tag] = []
        self._pictures = 0

    def handle_starttag(self, tag, attrs):
        if tag == "picture":
            self._pictures += 1
        elif tag == "img":
            self.tags.append(_Tag(self.getpos(), self.get_starttag_text() or "", attrs, self._pictures > 0))

    def handle_endtag(self, tag):
        if tag == "picture" and self._pictures:
            self._pictures -= 1


def rewrite_images(instance) -> None:
    """Turn each <img> of an article or page into a responsive <picture> (at `content_object_init`).

    Only the article's own HTML is parsed, and only when it shows an image.
    """
    if not isinstance(instance, (Article, Page)) or not instance._content:
        return
    content = instance._content
    config = Config.of(instance.settings)
    source_path = getattr(instance, "source_path", None)
    if "<img" in content or "<IMG" in content:
        content = rewrite_fragment(content, source_path, config)
    if "static" in content or "attach" in content:
        content = _STATIC_LINK.sub(lambda m: _static_link(m, source_path, config), content)
    instance._content = content


def rewrite_fragment(html: str, source_path: str | None, config: Config) -> str:
    """Return an HTML fragment with each <img> made responsive; the first one is not lazy."""
    finder = _ImageTags()
    finder.feed(html)
    finder.close()
    starts = [0] + [m.end() for m in re.finditer("\n", html)]
    pieces, done = [], 0
    for index, tag in enumerate(finder.tags):
        at = starts[tag.position[0] - 1] + tag.position[1]
        if not tag.text or html[at : at + len(tag.text)] != tag.text or at < done:
            continue
        pieces += [html[done:at], _responsive(tag, lazy=index > 0, source_path=source_path, config=config)]
        done = at + len(tag.text)
    return "".join(pieces) + html[done:]


def _responsive(tag: _Tag, lazy: bool, source_path: str | None, config: Config) -> str:
    values = dict(tag.attributes)
    lazy_attributes = [pair for pair in LAZY if lazy and pair[0] not in values]
    reference = locate(values.get("src") or "", source_path, config)
    if reference.kind != "local" or tag.in_picture or "srcset" in values:
        src = [("src", config.url(reference.relative))] if reference.kind == "local" else []
        kept = [(k, v) for k, v in tag.attributes if not (src and k == "src")]
        return _start_tag("img", [*src, *kept, *lazy_attributes])
    try:
        source = inspect(_file_of(config, reference.relative), config)
    except ImageError:  # the pre-build check reports it with the file and line
        logger.error("honours: không mở được ảnh '%s' trong %s", values.get("src"), source_path)
        return tag.text
    plan = plan_for(reference.relative, source, config)
    img = [
        ("src", config.url(plan.default.save_as)),
        ("srcset", _srcset(plan.fallback, config)),
        ("sizes", config.sizes),
        ("width", str(plan.default.width)),
        ("height", str(plan.default.height)),
        ("alt", values.get("alt") or ""),
        *[(k, v) for k, v in tag.attributes if k not in REPLACED],
        *(LAZY if lazy else ()),
    ]
    webp = [("type", "image/webp"), ("srcset", _srcset(plan.webp, config)), ("sizes", config.sizes)]
    return f"<picture>{_start_tag('source', webp)}{_start_tag('img', img)}</picture>"


def _srcset(renditions: tuple[Rendition, ...], config: Config) -> str:
    return ", ".join(f"{config.url(r.save_as)} {r.width}w" for r in renditions)


def _start_tag(name: str, attributes: list[tuple[str, str | None]]) -> str:
    parts = [name] + [k if v is None else f'{k}="{escape(v, quote=True)}"' for k, v in attributes]
    return f"<{' '.join(parts)}>"


# `{static}` or `{attach}` links (Pelican's syntax) into the images folder, e.g. a link to the full-size photo:
# pointed at the cleaned copy here, so that Pelican never copies the original.
_STATIC_LINK = re.compile(
    r"""(?P<markup><[^>]+?\b(?:href|src|poster|data|cite|content)\s*=\s*)(?P<quote>["'])
        (?P<value>[{|](?:static|attach)[|}].*?)(?P=quote)""",
    re.X,
)


def _static_link(match: re.Match, source_path: str | None, config: Config) -> str:
    reference = locate(match.group("value"), source_path, config)
    if reference.kind != "local":
        return match.group(0)
    quote_mark = match.group("quote")
    return f"{match.group('markup')}{quote_mark}{escape(config.url(reference.relative))}{quote_mark}"


# --- processing -----------------------------------------------------------------------------------


def process(data: bytes, source: Source, plan: Plan, config: Config) -> dict[str, bytes]:
    """Return every file of a plan, by cache name: drawn upright, without EXIF, XMP or text chunks."""
    with Image.open(io.BytesIO(data), formats=DECODERS) as opened:
        opened.load()
        upright = ImageOps.exif_transpose(opened)
    if upright.size != (source.width, source.height):
        raise ImageError("corrupt")
    icc = upright.info.get("icc_profile")
    if not (isinstance(icc, bytes) and icc[16:20] == b"RGB "):  # an RGB colour profile is kept, nothing else
        icc = None
    base = upright.convert("RGBA" if source.alpha else "RGB")
    base.info = {}  # nothing read from the file travels on: no EXIF, XMP, comments or text chunks
    files = {plan.full.name: _encode(base, plan.full.format, config, icc)}
    working = base.convert("RGBa") if source.alpha else base  # premultiplied: no dark fringes when resizing
    for fallback, webp in zip(plan.fallback, plan.webp, strict=True):
        size = (fallback.width, fallback.height)
        resized = working if working.size == size else working.resize(size, Image.Resampling.LANCZOS)
        resized = resized.convert("RGBA") if source.alpha else resized
        resized.info = {}
        files[fallback.name] = _encode(resized, fallback.format, config, icc)
        files[webp.name] = _encode(resized, "WEBP", config, icc, lossless=plan.full.format == "PNG")
    return files


def _encode(image: Image.Image, fmt: str, config: Config, icc: bytes | None, lossless: bool = False) -> bytes:
    options = {"icc_profile": icc} if icc else {}
    buffer = io.BytesIO()
    if fmt == "JPEG":
        if image.mode == "RGBA":  # JPEG has no transparency: lay the image on white
            flat = Image.new("RGB", image.size, (255, 255, 255))
            flat.paste(image, mask=image.getchannel("A"))
            image = flat
        image.save(buffer, "JPEG", quality=config.jpeg_quality, optimize=True, progressive=True, **options)
    elif fmt == "PNG":
        image.save(buffer, "PNG", optimize=True, **options)
    elif lossless:
        image.save(buffer, "WEBP", lossless=True, quality=80, method=4, **options)
    else:
        image.save(buffer, "WEBP", quality=config.webp_quality, method=4, **options)
    return buffer.getvalue()


def _store(entry: str, files: dict[str, bytes], source: Source) -> None:
    """Write a cache entry whole or not at all (several builds may share the cache)."""
    parent = os.path.dirname(entry)
    os.makedirs(parent, exist_ok=True)
    temporary = tempfile.mkdtemp(prefix=".tmp-", dir=parent)
    try:
        for name, data in files.items():
            with open(os.path.join(temporary, name), "wb") as handle:
                handle.write(data)
        meta = {"width": source.width, "height": source.height, "alpha": source.alpha}
        with open(os.path.join(temporary, "meta.json"), "w", encoding="utf-8") as handle:
            json.dump(meta, handle, sort_keys=True)
        if os.path.isdir(entry):  # incomplete: some file was removed by hand
            shutil.rmtree(entry, ignore_errors=True)
        os.rename(temporary, entry)
    except OSError:
        if not os.path.isdir(entry):
            raise
    finally:
        shutil.rmtree(temporary, ignore_errors=True)


def _complete(entry: str, plan: Plan) -> bool:
    return all(os.path.isfile(os.path.join(entry, name)) for name in ("meta.json", *(r.name for r in plan.renditions)))


# --- publishing -----------------------------------------------------------------------------------


@dataclass(frozen=True)
class _Image:
    relative: str
    path: str
    source: Source
    plan: Plan


def image_folder(settings: dict) -> tuple[list[_Image], list[Problem]]:
    """Every file of the images folder, checked and planned; with the problems of those that cannot be published.

    All files count, not only those an article shows: each is published at its URL.
    """
    config = Config.of(settings)
    images: list[_Image] = []
    problems: list[Problem] = []
    owners: dict[str, str] = {}
    for relative in _image_files(config, settings.get("IGNORE_FILES", ())):
        path = _file_of(config, relative)
        if posixpath.splitext(relative)[1].lower() not in FORMATS:
            problems.append(Problem(display_path(path), 0, FIELD, "định dạng tệp ảnh không được hỗ trợ",
                                    UNSUPPORTED_HINT))
            continue
        try:
            source = inspect(path, config)
        except ImageError:
            problems.append(Problem(display_path(path), 0, FIELD, "không mở được tệp ảnh: tệp bị hỏng hoặc "
                                    "không phải ảnh JPEG, PNG, WebP", CORRUPT_HINT))
            continue
        plan = plan_for(relative, source, config)
        for rendition in plan.renditions:
            owner = owners.setdefault(rendition.save_as.casefold(), relative)
            if owner != relative:
                problems.append(Problem(display_path(path), 0, FIELD,
                                        f"bản thu nhỏ '{rendition.save_as}' trùng tên với ảnh '{owner}'",
                                        "đổi tên một trong hai ảnh"))
        images.append(_Image(relative, path, source, plan))
    return images, problems


def _image_files(config: Config, ignored) -> list[str]:
    """Files of the images folder, as paths under PATH; hidden and ignored files left out."""
    top = _file_of(config, config.folder)
    found = []
    for root, folders, files in os.walk(top):
        folders[:] = [f for f in folders if not f.startswith(".") and not _matches(f, ignored)]
        for name in files:
            if not name.startswith(".") and not _matches(name, ignored):
                found.append(os.path.relpath(os.path.join(root, name), config.content).replace(os.sep, "/"))
    return sorted(found)


class ImagesGenerator(Generator):
    """Publish every image of the images folder, cleaned, with its resized copies.

    `generate_context` finds and checks the files (all of them, not only those
    an article shows, since each is published at its URL as before);
    `generate_output` processes what the cache lacks and copies the rest.
    """

    def generate_context(self):
        self.config = Config.of(self.settings)
        self._keep_originals_out()
        self.images, problems = image_folder(self.settings)
        if problems:
            logger.error(report(problems))
            raise ContentErrors(problems)

    def _keep_originals_out(self) -> None:
        """Make sure Pelican itself never copies an original into the output."""
        folder = self.config.folder
        for static in self.settings.get("STATIC_PATHS", ()):
            static = posixpath.normpath(static.strip("/"))
            overlaps = static == "." or _inside(folder, static) or _inside(static, folder)
            excluded = any(_inside(folder, posixpath.normpath(e.strip("/")))
                           for e in self.settings.get("STATIC_EXCLUDES", ()))
            if overlaps and not excluded:
                problem = Problem("STATIC_PATHS", 0, "", f"thư mục ảnh '{folder}' nằm trong STATIC_PATHS nên ảnh gốc "
                                  "(còn EXIF, vị trí GPS) sẽ bị chép nguyên lên trang",
                                  f"bỏ '{static}' khỏi STATIC_PATHS trong tệp cài đặt")
                logger.error(report([problem]))
                raise ContentErrors([problem])
        links = self.context.get("static_links")
        if links:  # `{static}` links the rewrite did not point at a cleaned copy
            links.difference_update({link for link in links if _inside(posixpath.normpath(link), folder)})

    def generate_output(self, writer):
        config = self.config
        pending = [image for image in self.images if not _complete(config.entry(image.source.digest), image.plan)]
        if pending:
            with ThreadPoolExecutor(max_workers=min(len(pending), os.cpu_count() or 1)) as pool:
                problems = [p for p in pool.map(self._process, pending) if p]
            if problems:
                logger.error(report(problems))
                raise ContentErrors(problems)
        written = 0
        for image in self.images:
            entry = config.entry(image.source.digest)
            for rendition in image.plan.renditions:
                target = os.path.join(self.output_path, *rendition.save_as.split("/"))
                os.makedirs(os.path.dirname(target), exist_ok=True)
                shutil.copyfile(os.path.join(entry, rendition.name), target)
                written += 1
        if self.images:
            logger.info("honours: %d ảnh, %d tệp ảnh đã xuất bản (%d ảnh vừa xử lý)",
                        len(self.images), written, len(pending))

    def _process(self, image: _Image) -> Problem | None:
        try:
            with open(image.path, "rb") as handle:
                data = handle.read()
            if hashlib.sha256(data).hexdigest() != image.source.digest:
                raise ImageError("corrupt")  # changed while building
            files = process(data, image.source, image.plan, self.config)
        except Exception:  # Pillow raises many kinds of error on a broken file
            logger.debug("honours: processing %s failed", image.path, exc_info=True)
            return Problem(display_path(image.path), 0, FIELD, "không xử lý được tệp ảnh", CORRUPT_HINT)
        _store(self.config.entry(image.source.digest), files, image.source)
        return None


def _inside(path: str, folder: str) -> bool:
    return folder == "." or path == folder or path.startswith(folder + "/")


def _matches(name: str, patterns) -> bool:
    return any(fnmatch(name, pattern) for pattern in patterns)
