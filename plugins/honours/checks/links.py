"""What Pelican's own link syntax (`{static}`, `{attach}`, `{filename}`) may publish.

Pelican copies whatever file a `{static}` or `{attach}` link names, wherever
it lies (`{attach}../../../../etc/passwd` publishes the build machine's
password file, `{attach}/../.git/config` its repository token), and copies
HTML or SVG files verbatim onto the site's own origin, where the web editor
keeps a signed-in editor's token. So a link's target must, once normalised,
lie inside the content folder and be something the site publishes on
purpose: an article or page (`{filename}`), or an image of the images folder,
which is published only as the cleaned copy. Everything else is refused.

The same rule is applied three times, with the same words: to the Markdown
source in the pre-build scan (so `invoke check` agrees with the build), to
the HTML Pelican reads (Markdown unescapes `\\}`, so a link may only show
there), and to the set of files Pelican is about to copy (the last word, which
also covers `STATIC_PATHS` and `EXTRA_PATH_METADATA`).
"""

from __future__ import annotations

import os
import posixpath
import re
from html import unescape
from urllib.parse import unquote, urlsplit

from ..core.images import FORMATS
from ..core.problems import Problem, display_path
from ..settings import setting

FIELD = "liên kết"
# Pelican's markers, and the target up to where a Markdown or HTML link ends; linear: one character class.
# "\\}" too: Markdown unescapes it, so "{attach\\}x" reaches Pelican as "{attach}x".
_MARKER = re.compile(r"[{|](static|attach|filename)\\?[|}]([^\s\"'<>()\[\]]*)")
_SOURCE_EXTENSIONS = ("md", "markdown", "mkd", "mdown")
_HINT_IMAGE = "đặt ảnh vào thư mục content/{folder}/ và hiện ảnh bằng ![Mô tả ảnh](/{folder}/ten-anh.jpg)"
_HINT_OTHER = ("trang chỉ đăng bài viết, trang tĩnh và ảnh; xóa liên kết này, hoặc đưa nội dung của tệp "
               "vào bài viết (ảnh thì đặt vào thư mục content/{folder}/)")


def target_problem(kind: str, target: str, source_path: str | None, settings: dict) -> tuple[str, str] | None:
    """(message, hint) when a `{kind}target` link would publish what it should not, else None."""
    folder = posixpath.normpath(str(setting(settings, "HONOURS_IMAGE_PATH")).strip("/"))
    relatives = {_relative(candidate, source_path, settings)
                 for candidate in (target, unquote(target), unescape(target), unescape(unquote(target)))}
    for relative in sorted(relatives, key=str):
        problem = _relative_problem(kind, relative, target, folder, settings)
        if problem:
            return problem
    return None


def _relative(target: str, source_path: str | None, settings: dict) -> str | None:
    """The target as a path under PATH, as Pelican resolves it; None when it leaves PATH."""
    path = urlsplit(target).path.replace("%20", " ").replace("\\", "/")
    if path.startswith("/"):
        joined = path.lstrip("/")
    else:
        content = os.path.abspath(settings["PATH"])
        folder = os.path.dirname(os.path.abspath(source_path)) if source_path else content
        base = os.path.relpath(folder, content).replace(os.sep, "/")
        joined = posixpath.join(base, path)
    relative = posixpath.normpath(joined) if joined else "."
    if relative == ".." or relative.startswith("../") or relative.startswith("/"):
        return None
    return relative


def _relative_problem(kind: str, relative: str | None, target: str, folder: str,
                      settings: dict) -> tuple[str, str] | None:
    shown = f"{{{kind}}}{target}"[:120]
    if relative is None:
        return (f"liên kết '{shown}' trỏ ra ngoài thư mục nội dung (content/)",
                "chỉ liên kết tới bài viết, trang tĩnh và ảnh trong content/; xóa liên kết này")
    if relative == "." or any(part.startswith(".") for part in relative.split("/")):
        return (f"liên kết '{shown}' trỏ tới tệp ẩn hoặc một thư mục", "xóa liên kết này")
    extension = posixpath.splitext(relative)[1].lower()
    in_images = relative.startswith(folder + "/")
    if extension in FORMATS:
        if in_images:
            return None  # published only as the cleaned copy (pages/images.py rewrites the link)
        return (f"ảnh '{shown}' nằm ngoài thư mục {folder}/ nên sẽ được đăng nguyên bản (còn EXIF, vị trí GPS)",
                _HINT_IMAGE.format(folder=folder))
    if extension.lstrip(".") in _SOURCE_EXTENSIONS and kind == "filename":
        if os.path.isfile(os.path.join(settings["PATH"], *relative.split("/"))):
            return None
        return (f"liên kết '{shown}' trỏ tới một bài không có", "kiểm tra tên tệp của bài (chữ thường, không dấu)")
    if extension.lstrip(".") in _SOURCE_EXTENSIONS:
        return (f"liên kết '{shown}' sẽ đăng nguyên tệp nguồn của bài", "viết {filename} thay cho {" + kind + "}")
    what = extension or "không có đuôi"
    return (f"liên kết '{shown}' sẽ đăng nguyên tệp ({what}) lên trang: loại tệp này không được đăng",
            _HINT_OTHER.format(folder=folder))


def check_links(text: str, first_line: int, path: str, settings: dict, field: str = FIELD) -> list[Problem]:
    """Problems of the `{static}`, `{attach}`, `{filename}` links of a Markdown text, each at its line."""
    if "static" not in text and "attach" not in text and "filename" not in text:
        return []
    problems = []
    for match in _MARKER.finditer(text):
        problem = target_problem(match.group(1), match.group(2), path, settings)
        if problem:
            line = first_line - 1 + text.count("\n", 0, match.start())
            problems.append(Problem(display_path(path), line, field, *problem))
    return problems


def check_html_links(html: str, path: str | None, settings: dict) -> list[Problem]:
    """The same, over the HTML Pelican reads (line unknown: the source check points at lines)."""
    problems = []
    for match in _MARKER.finditer(unescape(html)):
        problem = target_problem(match.group(1), match.group(2), path, settings)
        if problem:
            problems.append(Problem(display_path(path or ""), 0, FIELD, *problem))
    return problems


def static_file_problems(settings: dict, files: set[str], folder: str) -> list[Problem]:
    """Problems of the files Pelican is about to copy as they are (paths under PATH)."""
    problems = []
    for relative in sorted(files):
        normal = posixpath.normpath(relative.replace("\\", "/"))
        outside = normal == ".." or normal.startswith("../") or os.path.isabs(relative)
        problem = _relative_problem("static", None if outside else normal, relative, folder, settings)
        if problem:
            problems.append(Problem("STATIC_PATHS", 0, FIELD, *problem))
    return problems


def settings_problems(settings: dict) -> list[Problem]:
    """Problems of STATIC_PATHS and EXTRA_PATH_METADATA: each file they publish follows the links' rule."""
    content = os.path.abspath(settings["PATH"])
    folder = posixpath.normpath(str(setting(settings, "HONOURS_IMAGE_PATH")).strip("/"))
    files: set[str] = set()
    for entry in settings.get("STATIC_PATHS", ()):  # Pelican leaves out articles' sources (STATIC_EXCLUDE_SOURCES)
        full = os.path.normpath(os.path.join(content, entry))
        if os.path.isdir(full) and os.path.commonpath([content, full]) == content:
            for root, folders, names in os.walk(full):
                folders.sort()
                files.update(os.path.relpath(os.path.join(root, name), content).replace(os.sep, "/") for name in names
                             if name.rpartition(".")[2] not in _SOURCE_EXTENSIONS)
        else:
            files.add(os.path.relpath(full, content).replace(os.sep, "/"))
    problems = static_file_problems(settings, files, folder)
    for source, metadata in sorted(settings.get("EXTRA_PATH_METADATA", {}).items()):
        save_as = str((metadata or {}).get("save_as", ""))
        target = posixpath.normpath(save_as.replace("\\", "/")) if save_as else ""
        if target and (target.startswith("..") or posixpath.isabs(target)):
            problems.append(Problem("EXTRA_PATH_METADATA", 0, FIELD, f"'{source}' được ghi ra ngoài thư mục output/",
                                    "xóa 'save_as' này khỏi tệp cài đặt"))
        problems += [Problem("EXTRA_PATH_METADATA", 0, FIELD, p.message, p.hint)
                     for p in static_file_problems(settings, {source}, folder)]
    return problems
