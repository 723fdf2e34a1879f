"""The pre-build check of images: alt text, missing or broken files, formats, each at its line.

Run for every article and page by the content scan (so by the build and by `invoke check`),
and over every file of the images folder, since each is published at its URL.
"""

from __future__ import annotations

import logging
import os
import posixpath
import re
from dataclasses import dataclass

from ..core.images import (
    FIELD,
    FORMATS,
    UNSUPPORTED_HINT,
    Config,
    ImageError,
    ImageTags,
    Plan,
    Source,
    file_of,
    image_error_message,
    inspect,
    locate,
    matches_any,
    plan_for,
)
from ..core.markdowntext import blank_code
from ..core.personal_data import PERSONAL_HINT, personal_data_in
from ..core.problems import Problem, display_path, line_at, suggest
from ..settings import setting

logger = logging.getLogger(__name__)
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
_HTML_IMAGE = re.compile(r"<img\b[^<>]*>", re.I)  # [^<>]: a tag without ">" is not read to the end of the text
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
    finder = ImageTags()
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
        line = line_at(body, image.offset, body_line - 1)  # the body starts with the newline of "---"
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
        if locate(rooted, source_path, config).kind == "local" and os.path.isfile(file_of(config, rooted[1:])):
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
            inspect(file_of(config, reference.relative), config)
        except ImageError as error:
            if error.kind == "missing":
                return (f"không tìm thấy tệp ảnh '{src}'" + _nearest(reference.relative, config),
                        f"kiểm tra tên tệp (chữ hoa, chữ thường, dấu) và đặt ảnh vào thư mục content/{folder}/")
            return image_error_message(error, src)
    return None




def _nearest(relative: str, config: Config) -> str:
    folder = posixpath.dirname(relative)
    try:
        names = os.listdir(file_of(config, folder))
    except OSError:
        return ""
    return suggest(posixpath.basename(relative), names)


# --- publishing -----------------------------------------------------------------------------------


@dataclass(frozen=True)
class PlannedImage:
    relative: str
    path: str
    source: Source
    plan: Plan


def image_folder(settings: dict) -> tuple[list[PlannedImage], list[Problem]]:
    """Every file of the images folder, checked and planned; with the problems of those that cannot be published.

    All files count, not only those an article shows: each is published at its URL.
    """
    config = Config.of(settings)
    images: list[PlannedImage] = []
    problems: list[Problem] = []
    owners: dict[str, str] = {}
    allowed = tuple(setting(settings, "HONOURS_PERSONAL_DATA_ALLOWLIST"))
    for relative in _image_files(config, settings.get("IGNORE_FILES", ())):
        path = file_of(config, relative)
        if posixpath.splitext(relative)[1].lower() not in FORMATS:
            problems.append(Problem(display_path(path), 0, FIELD, "định dạng tệp ảnh không được hỗ trợ",
                                    UNSUPPORTED_HINT))
            continue
        hit = personal_data_in(posixpath.basename(relative), allowed)
        if hit:  # the name is published too, in the page, the feeds and the search index
            problems.append(Problem(display_path(path), 0, "tên tệp ảnh", f"có {hit[0]}: '{hit[1]}'", PERSONAL_HINT))
        try:
            source = inspect(path, config)
        except ImageError as error:
            problems.append(Problem(display_path(path), 0, FIELD, *image_error_message(error, relative)))
            continue
        plan = plan_for(relative, source, config)
        for rendition in plan.renditions:
            owner = owners.setdefault(rendition.save_as.casefold(), relative)
            if owner != relative:
                problems.append(Problem(display_path(path), 0, FIELD,
                                        f"bản thu nhỏ '{rendition.save_as}' trùng tên với ảnh '{owner}'",
                                        "đổi tên một trong hai ảnh"))
        images.append(PlannedImage(relative, path, source, plan))
    return images, problems


def _image_files(config: Config, ignored) -> list[str]:
    """Files of the images folder, as paths under PATH; hidden and ignored files left out."""
    top = file_of(config, config.folder)
    found = []
    for root, folders, files in os.walk(top):
        folders[:] = [f for f in folders if not f.startswith(".") and not matches_any(f, ignored)]
        for name in files:
            if not name.startswith(".") and not matches_any(name, ignored):
                found.append(os.path.relpath(os.path.join(root, name), config.content).replace(os.sep, "/"))
    return sorted(found)


