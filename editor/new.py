"""`invoke new`: start a new article file with its front-matter ready to fill."""

from __future__ import annotations

import argparse
import re
import sys
import unicodedata
from datetime import date, datetime, time
from pathlib import Path
from zoneinfo import ZoneInfo

from honours.core.model import MAX_TITLE, YEAR_MIN
from honours.core.problems import display_path
from honours.core.vietnamese import slugify

TIMEZONE = ZoneInfo("Asia/Ho_Chi_Minh")
SHORT_SLUG = 80
DEFAULT_TIME = time(8, 0)  # an older article dated by its day only is shown as published at 08:00
_DATE = re.compile(r"(\d{4})-(\d{1,2})-(\d{1,2})(?:[ T](\d{1,2}):(\d{2}))?")

# Every commented line un-comments (drop "# " at its start) into valid YAML at the right indentation.
TEMPLATE = """\
---
title: {title}
date: {date}
{slug_line}# author: Tên tác giả
category: Tin tức
tags: []
# summary: Một câu tóm tắt bài viết.
# units: [xa-hoa-son]                # mã các đơn vị bài nói tới (content/data/units.yml)
honours:
{year_line}  awards:
    # Dòng khen thưởng: thay cả khối honours bằng kết quả của
    #   invoke extract {path}
    # hoặc tự viết, mỗi dòng như ví dụ dưới (bỏ "# " ở đầu ba dòng, giữ nguyên thụt lề):
    # - by: chu-tich-ubnd-huyen
    #   award: giay-khen
    #   collectives: 3
---

Viết nội dung bài ở đây.
"""
# The award data's year is the year of the article's date unless written; the hint shows the usual case
# (a yearly summary published early the next year) and un-comments into a valid line.
YEAR_HINT = "  # year: {year}                      # năm thi đua, chỉ ghi khi khác năm đăng bài ({published})\n"
YEAR_LINE = "  year: {year}                        # năm thi đua (khác năm đăng bài)\n"


def parse_date(text: str) -> datetime:
    """Read "2018-02-01" or "2018-02-01 08:30" as a time in Vietnam; raise ValueError in Vietnamese."""
    match = _DATE.fullmatch(text.strip())
    if match:
        year, month, day, hour, minute = (int(part) if part else None for part in match.groups())
        try:
            clock = time(hour, minute) if hour is not None else DEFAULT_TIME
            return datetime.combine(date(year, month, day), clock, tzinfo=TIMEZONE)
        except ValueError:
            pass
    raise ValueError(f"Ngày '{text}' không hợp lệ; viết theo dạng năm-tháng-ngày, ví dụ 2018-02-01 "
                     "(hoặc kèm giờ: \"2018-02-01 14:30\").")


def new_article(content_dir: Path, title: str, now: datetime | None = None, year: int | None = None) -> Path:
    """Create content/tin-tuc/<year>/<slug>.md dated `now`; refuse to overwrite an existing file.

    `year` is the emulation year of the award data, written only when it differs from the date's year.
    """
    title = " ".join(title.split())
    slug = slugify(title)
    if not slug:
        raise ValueError("Tiêu đề cần có ít nhất một chữ hoặc số.")
    if any(unicodedata.category(char) in ("Cc", "Cf") for char in title):
        raise ValueError("Tiêu đề có ký tự điều khiển hoặc ký tự ẩn; hãy gõ lại tiêu đề.")
    if len(title) > MAX_TITLE:
        raise ValueError(f"Tiêu đề dài {len(title)} ký tự, tối đa {MAX_TITLE}; hãy rút gọn.")
    short = _shortened(slug)
    now = (now or datetime.now(TIMEZONE)).astimezone(TIMEZONE)
    if year is not None and not YEAR_MIN <= year <= now.year:
        raise ValueError(f"Năm thi đua {year} phải trong khoảng {YEAR_MIN}–{now.year} (không sau năm đăng bài).")
    path = content_dir / "tin-tuc" / f"{now:%Y}" / f"{short}.md"
    if path.exists():
        raise FileExistsError(f"Đã có tệp {path}; hãy đặt tiêu đề khác hoặc sửa tệp đó.")
    path.parent.mkdir(parents=True, exist_ok=True)
    quoted = '"' + title.replace("\\", "\\\\").replace('"', '\\"') + '"'
    slug_line = f"slug: {short}\n" if short != slug else ""  # the address follows the file's shorter name
    if year is None or year == now.year:
        year_line = YEAR_HINT.format(year=now.year - 1, published=now.year)
    else:
        year_line = YEAR_LINE.format(year=year)
    text = TEMPLATE.format(title=quoted, date=f"{now:%Y-%m-%d %H:%M}", slug_line=slug_line, year_line=year_line,
                           path=display_path(str(path)))
    with open(path, "x", encoding="utf-8") as handle:  # "x": never overwrite
        handle.write(text)
    return path


def _shortened(slug: str) -> str:
    """A slug cut at a word boundary to at most SHORT_SLUG characters (file names and addresses stay readable)."""
    if len(slug) <= SHORT_SLUG:
        return slug
    cut = slug[: SHORT_SLUG + 1].rsplit("-", 1)[0]
    return cut or slug[:SHORT_SLUG]


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="new", description="Tạo bài viết mới.")
    parser.add_argument("title", help="tiêu đề bài viết (tiếng Việt có dấu)")
    parser.add_argument("--date", help="ngày đăng, ví dụ 2018-02-01 hoặc \"2018-02-01 14:30\" (mặc định: bây giờ)")
    parser.add_argument("--year", type=int, help="năm thi đua của dữ liệu khen thưởng, khi khác năm đăng bài")
    parser.add_argument("--content", default="content", help="thư mục nội dung")
    args = parser.parse_args(argv)
    try:
        published = parse_date(args.date) if args.date else None
        path = new_article(Path(args.content), args.title, published, args.year)
    except (ValueError, FileExistsError) as error:
        print(error, file=sys.stderr)
        return 1
    print(f"Đã tạo {display_path(str(path))}")
    return 0
