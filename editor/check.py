"""`invoke check`: validate content and registries without writing the site."""

from __future__ import annotations

import argparse
import sys
import time

from honours.checks.consistency import missing_category
from honours.checks.content import content_files, scan_content
from honours.checks.images import image_folder
from honours.checks.outputs import output_problems
from honours.core.frontmatter import ParseError, parse_front_matter
from honours.core.problems import Problem, display_path
from honours.reader import title_slug
from honours.settings import setting
from pelican.contents import Article, Page
from pelican.settings import read_settings

from .extract import compare


def run_check(settings: dict) -> tuple[list[str], list[str]]:
    """Return (errors, warnings) for the content, each as 'file:line: field: …' lines."""
    problems, warnings = check_problems(settings)
    return [str(p) for p in problems], [f"cảnh báo: {w}" for w in warnings]


def check_problems(settings: dict) -> tuple[list[Problem], list[Problem]]:
    """Return (errors, warnings) for the content, each sorted by file and line."""
    article_files, page_files = content_files(settings)
    index = scan_content(settings, article_files, page_files)
    problems = [*index.problems, *image_folder(settings)[1]]  # every image is published, shown or not
    if not problems:  # where each file will be written, as the build computes it
        problems = output_problems(settings, _contents(settings, index, page_files))
    warnings = [*index.warnings, *prose_warnings(settings, index)] if not problems else list(index.warnings)
    warnings += category_warnings(index)
    return sorted(problems), sorted(warnings)


def category_warnings(index) -> list[Problem]:
    """Articles without a category: the build files them under the default one, the editor should know."""
    warnings = []
    for path in sorted(index.articles):
        missing = missing_category(index.headers[path][1])
        if missing:
            warnings.append(Problem(display_path(path), 1, "category", *missing))
    return warnings


def prose_warnings(settings: dict, index) -> list[Problem]:
    """Where an article's prose states conferred awards that its award data does not have, or counts differently.

    The comparison runs the prose extractor, so it belongs to the editor's
    check, not to every build. Articles without award data are read too: a
    report of awards whose data was forgotten is what this check is for.
    """
    if not setting(settings, "HONOURS_PROSE_CHECK"):
        return []
    warnings = []
    for path, record in sorted(index.articles.items()):
        try:
            with open(path, encoding="utf-8-sig") as handle:
                front = parse_front_matter(handle.read())
        except (OSError, UnicodeDecodeError, ParseError):
            continue  # reported by the scan
        fix = ("kiểm tra lại số liệu trong bài và trong dữ liệu khen thưởng" if record.lines else
               "chạy 'invoke extract' với bài này rồi dán khối honours nó đề xuất vào đầu bài")
        warnings += [Problem(display_path(path), front.line_of(("honours",)), "honours", message, fix)
                     for message in compare(front.body, record.lines, index.registries)]
    return warnings


def _contents(settings: dict, index, page_files: list[str]) -> list:
    """Pelican's article and page objects, without their bodies: enough to know their output paths."""
    contents = []
    for path, record in index.articles.items():
        data = index.headers[path][1]
        metadata = {"title": record.title, "date": record.date, "status": record.status}
        _set_slug(metadata, data.get("slug") or title_slug(settings, metadata))
        contents.append(Article("", metadata=metadata, settings=settings, source_path=path))
    for path in page_files:
        try:
            with open(path, encoding="utf-8-sig") as handle:
                data = parse_front_matter(handle.read()).data
        except (OSError, UnicodeDecodeError, ParseError):
            continue  # reported by the scan
        metadata = {key: data[key] for key in ("title", "slug", "status") if data.get(key)}
        _set_slug(metadata, metadata.get("slug") or title_slug(settings, metadata))
        contents.append(Page("", metadata=metadata, settings=settings, source_path=path))
    return contents


def _set_slug(metadata: dict, slug: str | None) -> None:
    """Give Pelican the slug the reader would give it, so both compute the same address."""
    if slug:
        metadata["slug"] = slug


def main(argv: list[str] | None = None) -> int:
    """Print every problem of the content; exit 1 when there is any."""
    parser = argparse.ArgumentParser(prog="check", description="Kiểm tra nội dung và danh mục.")
    parser.add_argument("-s", "--settings", default="pelicanconf.py", help="tệp cấu hình Pelican")
    parser.add_argument("--path", help="thư mục nội dung (mặc định theo tệp cấu hình)")
    parser.add_argument("--no-cache", action="store_true", help="kiểm tra lại mọi tệp, không dùng kết quả lần trước")
    args = parser.parse_args(argv)
    started = time.perf_counter()
    # Unchanged files keep the result of the previous check (see scancache.py).
    override = {} if args.no_cache else {"CACHE_CONTENT": True, "LOAD_CONTENT_CACHE": True}
    if args.path:
        override["PATH"] = args.path
    settings = read_settings(args.settings, override=override)
    errors, warnings = run_check(settings)
    for line in errors:
        print(line)
    for line in warnings:
        print(line)
    elapsed = time.perf_counter() - started
    if errors:
        print(f"Có {len(errors)} lỗi cần sửa ({elapsed:.1f} giây).", file=sys.stderr)
        return 1
    print(f"Nội dung hợp lệ, không có lỗi ({elapsed:.1f} giây).", file=sys.stderr)
    return 0


if __name__ == "__main__":  # pragma: no cover
    sys.exit(main())
