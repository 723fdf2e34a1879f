"""`invoke extract <file>`: print the award lines an article's prose states, as YAML or JSON."""

from __future__ import annotations

import argparse
import re
import sys
import unicodedata

from honours.core.frontmatter import ParseError, parse_front_matter
from honours.core.registries import load_registries

from .extractor import extract
from .output import to_json, to_yaml
from .sentences import body_of

DEFAULT_DATA = "content/data"  # as laid out in the project; tasks.py passes the folder the settings name
_YEAR_RE = re.compile(r"tổng kết[^.\n]{0,80}?năm (\d{4})", re.IGNORECASE)


def guess_year(text: str) -> int | None:
    """Return the emulation year of an article: its front-matter's, or the year it reviews."""
    try:
        data = parse_front_matter(text).data
    except ParseError:
        data = {}
    honours = data.get("honours")
    if isinstance(honours, dict) and isinstance(honours.get("year"), int):
        return honours["year"]
    match = _YEAR_RE.search(unicodedata.normalize("NFC", body_of(text)))
    return int(match.group(1)) if match else None


class _Parser(argparse.ArgumentParser):
    """argparse with its headings and usage errors in Vietnamese (argparse writes them in English)."""

    _HEADINGS = (("usage:", "cách dùng:"), ("positional arguments:", "tham số:"), ("options:", "tùy chọn:"))

    def _vietnamese(self, text: str) -> str:
        for english, vietnamese in self._HEADINGS:
            text = text.replace(english, vietnamese)
        return text

    def format_usage(self) -> str:
        return self._vietnamese(super().format_usage())

    def format_help(self) -> str:
        return self._vietnamese(super().format_help())

    def error(self, message: str):
        self.print_usage(sys.stderr)
        self.exit(2, f"extract: lỗi dòng lệnh ({message}) — xem: extract --help\n")


def parser() -> argparse.ArgumentParser:
    out = _Parser(prog="extract", add_help=False,
                  description="Đọc bài viết và đề xuất các dòng khen thưởng (honours) mà bài nêu.")
    out.add_argument("-h", "--help", action="help", help="hiện hướng dẫn này rồi thoát")
    out.add_argument("path", metavar="tệp", help="tệp bài viết (Markdown hoặc văn bản)")
    out.add_argument("--json", action="store_true", help="in JSON thay cho khối YAML để dán vào bài")
    out.add_argument("--data", metavar="thư-mục", default=DEFAULT_DATA,
                     help=f"thư mục danh mục (authorities.yml, awards.yml, units.yml); mặc định {DEFAULT_DATA}")
    return out


def _read(path: str) -> str | int:
    """The article's text, or the exit code after saying why it cannot be read."""
    try:
        with open(path, "rb") as handle:
            return handle.read().decode("utf-8-sig")
    except FileNotFoundError:
        return _fail(f"extract: không tìm thấy tệp '{path}' — kiểm tra lại đường dẫn")
    except IsADirectoryError:
        return _fail(f"extract: '{path}' là thư mục, không phải tệp bài viết")
    except OSError as error:
        return _fail(f"extract: không đọc được tệp '{path}' ({error.strerror})")
    except UnicodeDecodeError:
        return _fail(f"extract: tệp '{path}' không phải văn bản UTF-8 — lưu lại tệp với bảng mã UTF-8")


def main(argv: list[str] | None = None) -> int:
    """Command line: print the award lines an article's prose states (YAML, or JSON with --json)."""
    try:
        args = parser().parse_args(argv)
    except SystemExit as stop:
        return int(stop.code or 0)
    text = _read(args.path)
    if isinstance(text, int):
        return text
    registries, problems = load_registries(args.data)
    if problems:
        return _fail("extract: danh mục có lỗi, sửa trước rồi chạy lại:\n" + "\n".join(f"  {p}" for p in problems))
    proposals = extract(text, registries)
    sys.stdout.write(to_json(proposals) + "\n" if args.json else to_yaml(proposals, guess_year(text)))
    return 0


def _fail(message: str) -> int:
    print(message, file=sys.stderr)
    return 2
