"""What looks like personal data in a text: citizen ID numbers, phone numbers, e-mail addresses.

Pure text patterns, used by the registries and by the content checks
(Nghị định 13/2023/NĐ-CP: a site publishes a name, a unit and an award, nothing more).
"""

from __future__ import annotations

import re
import unicodedata

from .validation import INVISIBLE_CHARACTERS, Checker, show

# What looks like personal data: a citizen ID (9 or 12 digits, possibly in
# groups of three), a Vietnamese phone number (mobile, or landline with its
# area code, in brackets or not), an e-mail address. A number is taken whole:
# never a piece of a longer number, an amount ("150.000.000", "150 000 000
# đồng"), a date or a decision number ("125/QĐ-UBND"); a full stop or comma
# right after it ends a sentence.
_WHOLE_START = r"(?<![\d/])(?<!\d[.,])"
_WHOLE_END = r"(?![\d/])(?![.,]\d)"
_PERSONAL = [
    (re.compile(_WHOLE_START + r"(?<!\+84 )(?<!\(\+84\) )"
                r"(?:\d{12}|\d{9}|\d{3} \d{3} \d{3}(?: \d{3})?|0\d{3} \d{4} \d{4})"  # a CCCD starts 001–096
                + _WHOLE_END + r"(?!\s*(?:đồng|đ\b|vnđ|vnd))", re.I), "số giống số CMND/CCCD"),
    (re.compile(_WHOLE_START + r"(?:(?:\+84|\(\+84\)|0)[ ._-]?\d(?:[ ._-]?\d){7,9}|84[35789]\d{8}"
                r"|\(0\d{2,3}\)[ .-]?\d(?:[ .-]?\d){6,7})" + _WHOLE_END), "số giống số điện thoại"),
    (re.compile(r"[\w.+-]+@[\w-]+(?:\.[\w-]+)+"), "địa chỉ thư điện tử"),
]
PERSONAL_HINT = ("không công bố thông tin cá nhân ngoài họ tên, đơn vị và hình thức khen thưởng; "
                 "nếu đây là thông tin được phép công khai, thêm nó vào HONOURS_PERSONAL_DATA_ALLOWLIST")

# The invisible characters a text may not hold, and variation selectors, which a name may carry.
_INVISIBLE = re.compile(rf"[{INVISIBLE_CHARACTERS}\ufe00-\ufe0f\U000e0100-\U000e01ef]")


_MAY_BE_PERSONAL = re.compile(r"[\d@＠]")  # every pattern needs a digit (of any script) or an at sign
_ODD_SPACE = re.compile(r"[\u1680\u2000-\u200a\u202f\u205f\u3000\u00a0]")


def _as_typed(text: str) -> str:
    """Text as the personal-data patterns read it: full-width digits and odd spaces made plain, invisibles gone."""
    return _ODD_SPACE.sub(" ", _INVISIBLE.sub("", unicodedata.normalize("NFKC", text)))


def find_personal_data(check: Checker, value, path: tuple, allowed: tuple) -> None:
    """Record a problem for each text inside value (nested lists and mappings) that looks like personal data."""
    if isinstance(value, dict):
        for key, item in value.items():
            find_personal_data(check, item, (*path, key), allowed)
    elif isinstance(value, list):
        for index, item in enumerate(value):
            find_personal_data(check, item, (*path, index), allowed)
    elif isinstance(value, (str, int)) and not isinstance(value, bool):
        text = getattr(value, "text", str(value))  # YAML reads an unquoted 121234567 as a number
        if not _MAY_BE_PERSONAL.search(text):
            return
        text = _as_typed(text)
        for exception in allowed:
            text = text.replace(exception, " ")
        for pattern, what in _PERSONAL:
            match = pattern.search(text)
            if match:
                check.error(path, f"có {what}: {show(match.group(0))}", PERSONAL_HINT)
                break
