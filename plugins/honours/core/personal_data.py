"""What looks like personal data in a text: citizen ID numbers, phone numbers, e-mail addresses.

Pure text patterns, used by the registries and by the content checks
(Nghị định 13/2023/NĐ-CP: a site publishes a name, a unit and an award, nothing more).
"""

from __future__ import annotations

import re
import unicodedata

from .validation import INVISIBLE_CHARACTERS, Checker, show

# What looks like personal data: a citizen ID (9 or 12 digits, possibly in
# groups), a Vietnamese phone number (mobile, or landline with its area code,
# in brackets or not), an e-mail address. The digits of a number may be split
# by any separator people type (space, dot, dash of any length, slash,
# underscore, brackets, a line break), but a number is taken whole: never a
# piece of a longer number, an amount ("150.000.000", "150 000 000 đồng"), a
# date or a decision number ("125/QĐ-UBND"); a full stop or comma right after
# it ends a sentence. Every pattern reads a bounded stretch of text from where
# it starts (at most 12 digits and their separators), so a search is linear in
# the length of the text.
# One way only to read any separator (blanks, then a mark, then blanks): no backtracking blows up.
_SEP = r"(?:[ \t\n]{1,4}(?:[-–—./_()·][ \t\n]{0,4})?|[-–—./_()·][ \t\n]{0,4})?"
_NOT_A_DATE = r"(?!\(?\d{1,2}[/.-]\d{1,2}[/.-](?:19|20)\d\d)"  # "08/01/2019 - 20 …" starts no number
_WHOLE_START = r"(?<![\d/])(?<!\d[.,/ –-])" + _NOT_A_DATE
_WHOLE_END = r"(?![\d/])(?![.,]\d)(?![ –-]\d)"
_PERSONAL = [
    (re.compile(_WHOLE_START + r"(?<!\+84 )(?<!\(\+84\) )"
                r"(?:\d{12}|\d{9}|\d{3} \d{3} \d{3}(?: \d{3})?|0\d{3} \d{4} \d{4}|0(?:" + _SEP + r"\d){11})"
                + _WHOLE_END + r"(?!\s*(?:đồng|đ\b|vnđ|vnd))", re.I), "số giống số CMND/CCCD"),
    (re.compile(_WHOLE_START + r"(?:(?:\+ ?84|\(\+84\)|\(?0)(?:" + _SEP + r"\d){9,10}|84[35789]\d{8})"
                + _WHOLE_END), "số giống số điện thoại"),
]
# An e-mail address: a domain with a dot after an at sign, then the local part read backwards;
# each at sign costs a bounded read, so the search is linear even in "a@" repeated.
_DOMAIN = re.compile(r"@[\w-]{1,63}(?:\.[\w-]{1,63}){1,8}")
_LOCAL_END = re.compile(r"[\w.+-]{1,64}\Z")
PERSONAL_HINT = ("theo Nghị định 13/2023/NĐ-CP về bảo vệ dữ liệu cá nhân, không công bố thông tin cá nhân "
                 "ngoài họ tên, đơn vị và hình thức khen thưởng; "
                 "nếu đây là thông tin được phép công khai, thêm nó vào HONOURS_PERSONAL_DATA_ALLOWLIST")

# The invisible characters a text may not hold, and variation selectors, which a name may carry.
_INVISIBLE = re.compile(rf"[{INVISIBLE_CHARACTERS}\ufe00-\ufe0f\U000e0100-\U000e01ef]")


_MAY_BE_PERSONAL = re.compile(r"[\d@＠]")  # every pattern needs a digit (of any script) or an at sign
_ODD_SPACE = re.compile(r"[\u1680\u2000-\u200a\u202f\u205f\u3000\u00a0]")


def _as_typed(text: str) -> str:
    """Text as the personal-data patterns read it: full-width digits and odd spaces made plain, invisibles gone."""
    return _ODD_SPACE.sub(" ", _INVISIBLE.sub("", unicodedata.normalize("NFKC", text)))


def personal_data_in(text: str, allowed: tuple) -> tuple[str, str, int] | None:
    """The first thing in text that looks like personal data: (what, as written, its line from 0), or None."""
    if not _MAY_BE_PERSONAL.search(text):
        return None
    text = _as_typed(text)
    for exception in allowed:
        text = text.replace(exception, " " * len(exception))
    found = []
    for pattern, what in _PERSONAL:
        match = pattern.search(text)
        if match:
            found.append((match.start(), what, match.group(0)))
    email = _email_in(text)
    if email:
        found.append((email[0], "địa chỉ thư điện tử", email[1]))
    if not found:
        return None
    offset, what, written = min(found)
    return what, written, text.count("\n", 0, offset)  # the typed text keeps the original's line breaks


def _email_in(text: str) -> tuple[int, str] | None:
    """(offset, address) of the first e-mail address in text, or None."""
    for domain in _DOMAIN.finditer(text):
        local = _LOCAL_END.search(text, max(0, domain.start() - 64), domain.start())
        if local:
            return local.start(), text[local.start() : domain.end()]
    return None


def find_personal_data(check: Checker, value, path: tuple, allowed: tuple) -> None:
    """Record a problem for each text inside value (nested lists and mappings) that looks like personal data.

    Walked with a stack, not by recursion: no nesting an editor writes can exhaust it.
    """
    stack = [(path, value)]
    while stack:
        where, item = stack.pop()
        if isinstance(item, dict):
            stack.extend(reversed([((*where, key), child) for key, child in item.items()]))
        elif isinstance(item, list):
            stack.extend(reversed([((*where, index), child) for index, child in enumerate(item)]))
        elif isinstance(item, (str, int)) and not isinstance(item, bool):
            text = getattr(item, "text", str(item))  # YAML reads an unquoted 121234567 as a number
            hit = personal_data_in(text, allowed)
            if hit:
                check.error(where, f"có {hit[0]}: {show(hit[1].strip())}", PERSONAL_HINT)
