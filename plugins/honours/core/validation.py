"""Typed reading of YAML values, collecting a Problem for each bad one.

The registry and front-matter parsers call these helpers instead of touching
raw dicts themselves, so every kind of mistake is worded the same way.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Callable, Iterable
from datetime import date, datetime

from .problems import Problem, suggest, suggest_slug
from .vietnamese import slugify

SLUG_RE = re.compile(r"^[a-z0-9]+(?:-[a-z0-9]+)*$")
# Control characters, and invisible ones that change how a text reads or hide inside a number
# (soft hyphen, zero-width characters, direction overrides, the byte-order mark).
INVISIBLE_CHARACTERS = ("\u00ad\u034f\u115f\u1160\u180e\u200b-\u200f\u202a-\u202e\u2060-\u2064\u2066-\u2069\u2800\u3164"
              "\ufeff\uffa0\U000e0000-\U000e007f")  # …, fillers that show as blanks, tag characters
_UNPRINTABLE = re.compile(rf"[\x00-\x1f\x7f-\x9f\u2028\u2029{INVISIBLE_CHARACTERS}]")
_UNPRINTABLE_BUT_NEWLINE = re.compile(rf"[\x00-\x09\x0b-\x1f\x7f-\x9f\u2028\u2029{INVISIBLE_CHARACTERS}]")
MISSING = object()


def show(value: object, limit: int = 60) -> str:
    """Return a short, printable rendering of an editor's value for a message."""
    if isinstance(value, (dict, list)):
        text = "một danh sách" if isinstance(value, list) else "một nhóm khóa"
        return text
    text = _UNPRINTABLE.sub(lambda m: f"\\x{ord(m.group()):02x}", str(value))
    return f"'{text[:limit]}…'" if len(text) > limit else f"'{text}'"


def field_name(path: Iterable, prefix: str = "") -> str:
    """Render a key path as written in the file: honours.awards[2].by (1-based)."""
    out = prefix
    for part in path:
        if isinstance(part, int):
            out += f"[{part + 1}]"
        else:
            out += f".{part}" if out else str(part)
    return out


class Checker:
    """Collects the problems of one file and reads its values by type."""

    def __init__(self, path: str, line_of: Callable[[tuple], int], prefix: str = ""):
        self.path, self._line_of, self._prefix = path, line_of, prefix
        self.problems: list[Problem] = []

    def error(self, path: tuple, message: str, hint: str = "", line: int | None = None) -> None:
        """Record a problem at the key path (on its own line unless one is given)."""
        line = self._line_of(path) if line is None else line
        self.problems.append(Problem(self.path, line, field_name(path, self._prefix), message, hint))

    def duplicate_keys(self, duplicates) -> None:
        """Record each key written twice in one mapping (YAML keeps only the last)."""
        for path, line in duplicates:
            self.error(path, "khóa bị lặp lại", "mỗi khóa chỉ viết một lần; xóa một trong hai dòng", line)

    def mapping(self, value: object, path: tuple, what: str) -> dict | None:
        """Return value if it is a mapping with text keys, else record why not."""
        if isinstance(value, dict) and all(isinstance(k, str) for k in value):
            return value
        self.error(path, f"{what} phải là một nhóm 'khóa: giá trị', không phải {show(value)}",
                   "xem mẫu trong hướng dẫn biên tập")
        return None

    def sequence(self, value: object, path: tuple, what: str) -> list | None:
        """Return value if it is a list, else record why not."""
        if isinstance(value, list):
            return value
        self.error(path, f"{what} phải là một danh sách (mỗi mục bắt đầu bằng '- '), không phải {show(value)}",
                   "viết mỗi mục trên một dòng bắt đầu bằng '- '")
        return None

    def unknown_keys(self, mapping: dict, allowed: Iterable[str], path: tuple) -> None:
        """Record every key that is not allowed, suggesting the nearest one."""
        allowed = tuple(allowed)
        for key in mapping:
            if key not in allowed:
                self.error(
                    (*path, key),
                    f"khóa không hợp lệ {show(key)}{suggest(key, allowed)}",
                    "các khóa được dùng: " + ", ".join(allowed),
                )

    def text(self, mapping: dict, key: str, path: tuple, required: bool = True, max_length: int | None = None,
             multiline: bool = False) -> str | None:
        """Return a non-empty text value: one line unless multiline, at most max_length characters."""
        value = mapping.get(key, MISSING)
        if value is MISSING or value is None:
            if required:
                self.error((*path, key), "thiếu thông tin bắt buộc", f"thêm dòng '{key}: …'")
            return None
        if isinstance(value, bool) or not isinstance(value, (str, int, float)):
            self.error((*path, key), f"phải là một đoạn chữ, không phải {show(value)}",
                       "viết giá trị trên cùng dòng, đặt trong ngoặc kép nếu cần")
            return None
        # one name typed two ways is one name; a number keeps the digits it was written with ("0125")
        text = unicodedata.normalize("NFC", getattr(value, "text", str(value)).strip())
        if not text:
            if required:
                self.error((*path, key), "không được để trống", f"điền giá trị cho '{key}'")
            return None
        if (_UNPRINTABLE_BUT_NEWLINE if multiline else _UNPRINTABLE).search(text):
            self.error((*path, key), f"có ký tự điều khiển không in được trong {show(text)}",
                       "xóa ký tự lạ (thường do sao chép từ văn bản khác)")
            return None
        if not self.short_enough(text, (*path, key), max_length):
            return None
        return text

    def short_enough(self, text: str, path: tuple, max_length: int | None) -> bool:
        """Whether text has at most max_length characters; records a problem if not."""
        if max_length is None or len(text) <= max_length:
            return True
        length, limit = (f"{n:,}".replace(",", ".") for n in (len(text), max_length))
        self.error(path, f"quá dài ({length} ký tự, tối đa {limit})",
                   "rút gọn lại; nội dung dài hãy viết trong phần thân bài")
        return False

    def slug(self, mapping: dict, key: str, path: tuple, choices: Iterable[str] | None = None,
             what: str = "mã", required: bool = True, registry: str = "") -> str | None:
        """Return a slug value; with choices, one of them (suggesting the nearest)."""
        value = mapping.get(key, MISSING)
        if value is MISSING or value is None:
            if required:
                self.error((*path, key), f"thiếu {what}", f"thêm dòng '{key}: …' với {what}")
            return None
        return self.slug_value(value, (*path, key), choices, what, registry)

    def slug_value(self, value: object, path: tuple, choices: Iterable[str] | None = None,
                   what: str = "mã", registry: str = "") -> str | None:
        """Check one slug value (not read from a mapping); `registry` names the file that lists the choices."""
        if not isinstance(value, str) or not SLUG_RE.match(value):
            # A name typed instead of its slug ("Giấy khen") is suggested the slug it makes.
            typed = slugify(value) if isinstance(value, str) else str(value)
            self.error(path, f"{what} {show(value)} không hợp lệ{suggest_slug(typed, choices or ())}",
                       "mã chỉ gồm chữ thường không dấu, số và dấu '-', ví dụ 'hoa-son'")
            return None
        if choices is not None and value not in choices:
            nearest = suggest_slug(value, choices)
            where = f"tệp {registry} trong thư mục danh mục (content/data/)" if registry else "danh mục (content/data/)"
            hint = (f"sửa lại cho đúng mã đã gợi ý, hoặc nếu đây là {what} khác thì thêm mục mới vào {where}"
                    if nearest else
                    f"chưa có mã này; tìm mã đúng trong {where}, hoặc thêm một mục mới vào đó "
                    "(xem hướng dẫn biên tập, mục \"Thêm cơ quan, đơn vị vào danh mục\")")
            self.error(path, f"không có {what} {show(value)}{nearest}", hint)
            return None
        return value

    def integer(self, mapping: dict, key: str, path: tuple, minimum: int = 0,
                maximum: int | None = None) -> int | None:
        """Return a whole number within bounds, or None when absent or bad."""
        value = mapping.get(key, MISSING)
        if value is MISSING or value is None:
            return None
        where = (*path, key)
        if isinstance(value, float) and not isinstance(value, bool):
            self.error(where, f"phải là một số nguyên, không phải {show(value)}",
                       "viết liền các chữ số, không dùng dấu chấm hàng nghìn (1780, không phải 1.780)")
            return None
        if isinstance(value, bool) or not isinstance(value, int):
            self.error(where, f"phải là một số nguyên, không phải {show(value)}",
                       "viết chữ số, không đặt trong ngoặc kép, ví dụ '12'")
            return None
        if value < minimum:
            self.error(where, f"không được nhỏ hơn {minimum} (đang là {value})", "sửa lại số lượng")
            return None
        if maximum is not None and value > maximum:
            self.error(where, f"không được lớn hơn {maximum} (đang là {value})", "kiểm tra lại con số")
            return None
        return value

    def day(self, mapping: dict, key: str, path: tuple) -> date | None:
        """Return a calendar date written as YYYY-MM-DD, or None when absent or bad."""
        value = mapping.get(key, MISSING)
        if value is MISSING or value is None:
            return None
        if isinstance(value, datetime):
            return value.date()
        if isinstance(value, date):
            return value
        if isinstance(value, str):
            try:
                return date.fromisoformat(value.strip())
            except ValueError:
                pass
        self.error((*path, key), f"ngày {show(value)} không hợp lệ",
                   "viết theo dạng năm-tháng-ngày, ví dụ 2018-01-25")
        return None

    def text_list(self, mapping: dict, key: str, path: tuple, max_length: int | None = None) -> tuple[str, ...]:
        """Return a list of one-line texts (a single text is accepted as a list of one)."""
        value = mapping.get(key, MISSING)
        if value is MISSING or value is None:
            return ()
        items = value if isinstance(value, list) else [value]
        out = []
        for index, item in enumerate(items):
            where = (*path, key, index) if isinstance(value, list) else (*path, key)
            if isinstance(item, bool) or not isinstance(item, (str, int)) or not str(item).strip():
                self.error(where, f"phải là một đoạn chữ, không phải {show(item)}", "sửa hoặc xóa mục này")
            elif _UNPRINTABLE.search(str(item).strip()):
                self.error(where, f"có ký tự điều khiển không in được trong {show(item)}",
                           "xóa ký tự lạ (thường do sao chép từ văn bản khác)")
            elif self.short_enough(str(item).strip(), where, max_length):
                out.append(str(item).strip())
        return tuple(out)
