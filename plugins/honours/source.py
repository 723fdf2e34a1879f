"""Read and check every content file before Pelican builds anything.

The build and `invoke check` both call `scan_content`, so they report the
same problems with the same words. Nothing is written here.
"""

from __future__ import annotations

import os
from dataclasses import dataclass

from pelican.generators import Generator

from .frontmatter import ParseError, parse_front_matter
from .model import PELICAN_KEYS, SITE_KEYS, ArticleData, parse_article
from .problems import Problem, display_path
from .registries import Registries, load_registries
from .settings import setting
from .validation import Checker

# The extensions pelican-yaml-metadata reads; files of other formats are
# read by Pelican's own readers and carry no award data.
MARKDOWN_EXTENSIONS = ("md", "markdown", "mkd", "mdown")
CONTENT_KEY = "honours_content"  # where the build's ContentIndex lives in Pelican's context


@dataclass(frozen=True)
class ContentIndex:
    """The checked award data of a site: registries and articles by source path."""

    registries: Registries
    articles: dict[str, ArticleData]
    problems: tuple[Problem, ...]


def content_files(settings: dict) -> tuple[list[str], list[str]]:
    """Return the article and page files Pelican will read, as absolute paths."""
    lister = Generator(
        context={}, settings=settings, path=settings["PATH"],
        theme=settings["THEME"], output_path=settings["OUTPUT_PATH"],
    )  # fmt: skip
    return list_files(lister, "ARTICLE"), list_files(lister, "PAGE")


def list_files(generator: Generator, kind: str) -> list[str]:
    """Return the Markdown files of one kind (ARTICLE or PAGE), sorted."""
    found = generator.get_files(
        generator.settings[f"{kind}_PATHS"],
        exclude=generator.settings[f"{kind}_EXCLUDES"],
        extensions=MARKDOWN_EXTENSIONS,
    )
    return sorted(os.path.abspath(os.path.join(generator.path, f)) for f in found)


def scan_content(settings: dict, article_files: list[str], page_files: list[str]) -> ContentIndex:
    """Check the registries and every article and page; collect all problems."""
    data_dir = os.path.join(settings["PATH"], setting(settings, "HONOURS_DATA_PATH"))
    registries, problems = load_registries(data_dir)
    if problems:  # every article would repeat the registry's mistake: report it alone
        return ContentIndex(registries, {}, tuple(sorted(problems)))
    extra_keys = tuple(setting(settings, "HONOURS_EXTRA_METADATA"))
    limit = setting(settings, "HONOURS_MAX_FILE_BYTES")
    articles: dict[str, ArticleData] = {}
    for path in article_files:
        record = _scan_file(path, registries, extra_keys, limit, problems, is_article=True)
        if record is not None:
            articles[path] = record
    for path in page_files:
        _scan_file(path, registries, extra_keys, limit, problems, is_article=False)
    return ContentIndex(registries, articles, tuple(sorted(problems)))


def _scan_file(path, registries, extra_keys, limit, problems, is_article) -> ArticleData | None:
    shown = display_path(path)
    text = _read_text(path, shown, limit, problems)
    if text is None:
        return None
    try:
        front = parse_front_matter(text)
    except ParseError as error:
        problems.append(Problem(shown, error.line, "", error.message, error.hint))
        return None
    check = Checker(shown, front.line_of)
    check.duplicate_keys(front.duplicate_keys)
    if is_article:
        record = parse_article(check, front.data, registries, path, extra_keys)
    else:
        record = None
        check.unknown_keys(front.data, (*PELICAN_KEYS, *SITE_KEYS, *extra_keys), ())
        check.text(front.data, "title", ())
        if "honours" in front.data:
            check.error(("honours",), "trang tĩnh không mang dữ liệu khen thưởng",
                        "chuyển nội dung này thành một bài viết trong thư mục tin tức")
    problems.extend(check.problems)
    return record if not check.problems else None


def _read_text(path: str, shown: str, limit: int, problems: list[Problem]) -> str | None:
    try:
        size = os.path.getsize(path)
        if size > limit:
            problems.append(Problem(shown, 0, "", f"tệp quá lớn ({size:,} byte, tối đa {limit:,})".replace(",", "."),
                                    "tách bài thành nhiều bài, hoặc đưa danh sách dài vào tệp dữ liệu riêng"))
            return None
        with open(path, "rb") as handle:
            raw = handle.read()
    except OSError as error:
        problems.append(Problem(shown, 0, "", f"không đọc được tệp ({error.strerror})",
                                "kiểm tra quyền đọc của tệp"))
        return None
    try:
        return raw.decode("utf-8-sig")
    except UnicodeDecodeError as error:
        line = raw[: error.start].count(b"\n") + 1
        problems.append(Problem(shown, line, "", "tệp không phải văn bản UTF-8",
                                "lưu lại tệp với bảng mã UTF-8 (Unicode)"))
        return None
