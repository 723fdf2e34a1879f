"""Front-matter that Pelican would read without a word but not as written.

- `author` and `authors` together: Pelican keeps `authors` and drops `author`;
- a date in year 1 or 9999: Pelican publishes it, and it sorts the news list.
"""

from __future__ import annotations

import os
import re
from datetime import UTC, date, datetime

from ..core.validation import Checker

CATEGORY_HINT = "thêm dòng 'category: …', ví dụ 'category: Thi đua – Khen thưởng'"


def missing_category(data: dict) -> tuple[str, str] | None:
    """(message, hint) when an article has no category: it is filed under the default one (a warning)."""
    if data.get("category"):
        return None
    return "bài chưa có chuyên mục (category) nên được xếp vào chuyên mục mặc định 'Tin tức'", CATEGORY_HINT

FIRST_YEAR = 1945  # the Democratic Republic's first emulation awards
_YEAR = re.compile(r"\s*(\d{1,5})-")


def last_year() -> int:
    """The latest year a date may have: next year.

    Taken from SOURCE_DATE_EPOCH when it is set (reproducible builds), otherwise
    from the clock. It only decides whether a build stops; nothing published depends on it.
    """
    epoch = os.environ.get("SOURCE_DATE_EPOCH", "")
    now = datetime.fromtimestamp(int(epoch), UTC) if epoch.isdigit() else datetime.now(UTC)
    return now.year + 1


def _year(value) -> int | None:
    if isinstance(value, (date, datetime)):
        return value.year
    match = _YEAR.match(str(value)) if isinstance(value, str) else None
    return int(match.group(1)) if match else None


def check_consistency(check: Checker, data: dict) -> None:
    """Record errors for dropped authors and impossible dates."""
    if "author" in data and "authors" in data:
        check.error(("author",), "có cả 'author' và 'authors'; trang chỉ giữ 'authors' và bỏ 'author'",
                    "gộp tên tác giả vào 'authors: [Tên 1, Tên 2]' và xóa dòng 'author'")
    latest = last_year()
    dated = [(("modified",), data.get("modified"))]
    honours = data.get("honours")
    if not (isinstance(honours, dict) and "year" not in honours):  # else the model reports the emulation year
        dated.append((("date",), data.get("date")))
    awards = honours.get("awards") if isinstance(honours, dict) else None
    for index, line in enumerate(awards if isinstance(awards, list) else []):
        if isinstance(line, dict):
            dated.append((("honours", "awards", index, "decision_date"), line.get("decision_date")))
    for path, value in dated:
        year = _year(value) if value is not None else None
        if year is not None and not FIRST_YEAR <= year <= latest:
            check.error(path, f"năm {year} nằm ngoài khoảng {FIRST_YEAR}–{latest}",
                        "kiểm tra lại ngày, viết theo dạng năm-tháng-ngày, ví dụ 2018-01-25")

