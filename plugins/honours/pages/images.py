"""Images as published: responsive markup for each `<img>`, and the cleaned copies of every image.

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
from html import escape

from pelican.contents import Article, Page
from PIL import Image, ImageCms, ImageOps

from ..checks.images import PlannedImage, image_folder
from ..checks.links import settings_problems, static_file_problems
from ..core.images import (
    CORRUPT_HINT,
    DECODERS,
    FIELD,
    Config,
    ImageError,
    ImageTag,
    ImageTags,
    Plan,
    Rendition,
    Source,
    file_of,
    image_error_message,
    inside_folder,
    inspect,
    locate,
    plan_for,
)
from ..core.problems import Problem, display_path, stop_on
from ..pelican_internals import content_html, set_content_html
from .base import HonoursGenerator

logger = logging.getLogger(__name__)
REPLACED = frozenset({"src", "srcset", "sizes", "width", "height", "alt", "loading", "decoding"})
LAZY = (("loading", "lazy"), ("decoding", "async"))


# --- rewriting <img> in an article's HTML ---------------------------------------------------------



def rewrite_images(instance) -> None:
    """Turn each <img> of an article or page into a responsive <picture> (at `content_object_init`).

    Only the article's own HTML is parsed, and only when it shows an image.
    """
    if not isinstance(instance, (Article, Page)) or not content_html(instance):
        return
    content = content_html(instance)
    config = Config.of(instance.settings)
    source_path = getattr(instance, "source_path", None)
    if "<img" in content or "<IMG" in content:
        content = rewrite_fragment(content, source_path, config)
    if "static" in content or "attach" in content:
        content = _STATIC_LINK.sub(lambda m: _static_link(m, source_path, config), content)
    set_content_html(instance, content)


def rewrite_fragment(html: str, source_path: str | None, config: Config) -> str:
    """Return an HTML fragment with each <img> made responsive; the first one is not lazy."""
    finder = ImageTags()
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


def _responsive(tag: ImageTag, lazy: bool, source_path: str | None, config: Config) -> str:
    values = dict(tag.attributes)
    lazy_attributes = [pair for pair in LAZY if lazy and pair[0] not in values]
    reference = locate(values.get("src") or "", source_path, config)
    if reference.kind != "local" or tag.in_picture or "srcset" in values:
        src = [("src", config.url(reference.relative))] if reference.kind == "local" else []
        kept = [(k, v) for k, v in tag.attributes if not (src and k == "src")]
        return _start_tag("img", [*src, *kept, *lazy_attributes])
    try:
        source = inspect(file_of(config, reference.relative), config)
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
    r"""(?P<markup><[^<>]+?\b(?:href|src|poster|data|cite|content)\s*=\s*)(?P<quote>["'])
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
    base = as_srgb(upright).convert("RGBA" if source.alpha else "RGB")
    base.info = {}  # nothing read from the file travels on: no EXIF, XMP, ICC profile, comments or text chunks
    files = {plan.full.name: _encode(base, plan.full.format, config)}
    working = base.convert("RGBa") if source.alpha else base  # premultiplied: no dark fringes when resizing
    for fallback, webp in zip(plan.fallback, plan.webp, strict=True):
        size = (fallback.width, fallback.height)
        resized = working if working.size == size else working.resize(size, Image.Resampling.LANCZOS)
        resized = resized.convert("RGBA") if source.alpha else resized
        resized.info = {}
        files[fallback.name] = _encode(resized, fallback.format, config)
        files[webp.name] = _encode(resized, "WEBP", config, lossless=plan.full.format == "PNG")
    return files


def as_srgb(image: Image.Image) -> Image.Image:
    """The image's colours in sRGB, so that no colour profile (whose text may name a person) is published.

    Browsers show an image without a profile as sRGB. A profile that cannot be read is dropped.
    """
    icc = image.info.get("icc_profile")
    if not icc:
        return image
    try:
        mode = "RGBA" if "A" in image.getbands() or image.mode == "P" else "RGB"
        source = ImageCms.ImageCmsProfile(io.BytesIO(icc))
        return ImageCms.profileToProfile(image.convert(mode), source, ImageCms.createProfile("sRGB"),
                                         outputMode=mode)
    except (ImageCms.PyCMSError, OSError, ValueError):
        return image


def _encode(image: Image.Image, fmt: str, config: Config, lossless: bool = False) -> bytes:
    buffer = io.BytesIO()
    if fmt == "JPEG":
        if image.mode == "RGBA":  # JPEG has no transparency: lay the image on white
            flat = Image.new("RGB", image.size, (255, 255, 255))
            flat.paste(image, mask=image.getchannel("A"))
            image = flat
        image.save(buffer, "JPEG", quality=config.jpeg_quality, optimize=True, progressive=True)
    elif fmt == "PNG":
        image.save(buffer, "PNG", optimize=True)
    elif lossless:
        image.save(buffer, "WEBP", lossless=True, quality=80, method=4)
    else:
        image.save(buffer, "WEBP", quality=config.webp_quality, method=4)
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


class ImagesGenerator(HonoursGenerator):
    """Publish every image of the images folder, cleaned, with its resized copies.

    `generate_context` finds and checks the files (all of them, not only those
    an article shows, since each is published at its URL as before);
    `generate_output` processes what the cache lacks and copies the rest.
    """

    position = 50

    def generate_context(self):
        self.config = Config.of(self.settings)
        self._keep_originals_out()
        self.images, problems = image_folder(self.settings)
        stop_on(problems)

    def _keep_originals_out(self) -> None:
        """Make sure Pelican itself never copies an original into the output."""
        folder = self.config.folder
        for static in self.settings.get("STATIC_PATHS", ()):
            static = posixpath.normpath(static.strip("/"))
            overlaps = static == "." or inside_folder(folder, static) or inside_folder(static, folder)
            excluded = any(inside_folder(folder, posixpath.normpath(e.strip("/")))
                           for e in self.settings.get("STATIC_EXCLUDES", ()))
            if overlaps and not excluded:
                problem = Problem("STATIC_PATHS", 0, "", f"thư mục ảnh '{folder}' nằm trong STATIC_PATHS nên ảnh gốc "
                                  "(còn EXIF, vị trí GPS) sẽ bị chép nguyên lên trang",
                                  f"bỏ '{static}' khỏi STATIC_PATHS trong tệp cài đặt")
                stop_on([problem])
        links = self.context.get("static_links")
        if links:  # `{static}` links the rewrite did not point at a cleaned copy
            links.difference_update({link for link in links if inside_folder(posixpath.normpath(link), folder)})
        # The last word before Pelican copies files as they are: the links' rule, whatever wrote them
        # (Markdown unescapes "\\}", so a link may appear only in the HTML the scan never sees).
        problems = static_file_problems(self.settings, set(links or ()), folder) + settings_problems(self.settings)
        stop_on(problems)

    def generate_output(self, writer):
        config = self.config
        pending = [image for image in self.images if not _complete(config.entry(image.source.digest), image.plan)]
        if pending:
            with ThreadPoolExecutor(max_workers=min(len(pending), os.cpu_count() or 1)) as pool:
                problems = [p for p in pool.map(self._process, pending) if p]
            stop_on(problems)
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

    def _process(self, image: PlannedImage) -> Problem | None:
        try:
            with open(image.path, "rb") as handle:
                data = handle.read()
            if hashlib.sha256(data).hexdigest() != image.source.digest:
                raise ImageError("corrupt")  # changed while building
            files = process(data, image.source, image.plan, self.config)
        except ImageError as error:
            return Problem(display_path(image.path), 0, FIELD, *image_error_message(error, image.relative))
        except Exception:  # Pillow raises many kinds of error on a broken file
            logger.debug("honours: processing %s failed", image.path, exc_info=True)
            return Problem(display_path(image.path), 0, FIELD, "không xử lý được tệp ảnh", CORRUPT_HINT)
        _store(self.config.entry(image.source.digest), files, image.source)
        return None


