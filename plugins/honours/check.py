"""`invoke check`: validate content and registries without writing the site."""

from __future__ import annotations

import argparse
import sys
import time

from pelican.settings import read_settings

from .source import content_files, scan_content


def run_check(settings: dict) -> tuple[list[str], list[str]]:
    """Return (errors, warnings) for the content, each as 'file:line: field: …' lines."""
    index = scan_content(settings, *content_files(settings))
    return [str(p) for p in index.problems], []


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
