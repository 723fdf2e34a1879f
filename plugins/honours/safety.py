"""Content that must not be published: scripts in article bodies, personal data in award data.

Both checks run in the pre-build scan, so a compromised or careless edit
stops the build (and `invoke check`) with the file, the line and the field.
"""

from __future__ import annotations

import re
from html.parser import HTMLParser

from markdown import Markdown

from .markdowntext import blank_code
from .problems import Problem
from .settings import setting
from .validation import Checker, show

# Raw HTML an article may not carry unless HONOURS_ALLOW_RAW_HTML is set:
# elements that run or embed code, inline event handlers, javascript: URLs.
_DANGEROUS = [
    (re.compile(r"<\s*(script|iframe|object|embed|frame|frameset|applet|base|meta|link|style|form)\b", re.I),
     "có thẻ HTML <{0}> (mã có thể chạy trên máy người đọc)"),
    (re.compile(r"<[a-z][^>]*?\s(on[a-z]+)\s*=", re.I | re.S),
     "có thuộc tính HTML '{0}' (mã chạy khi người đọc thao tác)"),
    (re.compile(r"(?:href|src|action|formaction)\s*=\s*[\"']?\s*(javascript|vbscript|data):", re.I),
     "có đường dẫn '{0}:' (mã chạy khi bấm vào)"),
    (re.compile(r"\]\(\s*<?\s*(javascript|vbscript):", re.I), "có đường dẫn '{0}:' (mã chạy khi bấm vào)"),
]
RAW_HTML_HINT = "xóa đoạn mã HTML này; chỉ viết nội dung bằng chữ, ảnh và liên kết thông thường"

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


def check_raw_html(body: str, body_line: int, path: str, settings: dict, field: str = "nội dung") -> list[Problem]:
    """Problems for scripts, event handlers and javascript: links in a Markdown body (or summary)."""
    if setting(settings, "HONOURS_ALLOW_RAW_HTML"):
        return []
    text = blank_code(body)
    found = []
    for pattern, message in _DANGEROUS:
        for match in pattern.finditer(text):
            line = body_line - 1 + text.count("\n", 0, match.start())  # the body starts with the newline of "---"
            found.append(Problem(path, line, field, message.format(match.group(1).lower()), RAW_HTML_HINT))
    return found


# Markdown can turn text without any of these into HTML only through plain links and images,
# which the source check already reads; only bodies with one of them are rendered and read again.
_MAY_HIDE_HTML = re.compile(r"[<&]|script|data:", re.I)
_DANGEROUS_TAGS = {"script", "iframe", "object", "embed", "frame", "frameset", "applet", "base", "meta", "link",
                   "style", "form"}
_URL_ATTRIBUTES = {"href", "src", "action", "formaction", "xlink:href", "poster", "background", "data", "cite",
                   "ping", "lowsrc", "dynsrc", "srcset"}
_CODE_SCHEMES = ("javascript:", "vbscript:", "data:")
_MEDIA_TAGS = {"img", "source", "video", "audio", "track", "input", "image", "picture"}
_IGNORED_IN_URL = re.compile(r"[\x00-\x20\x7f]+")  # browsers drop these before reading a scheme


class _Findings(HTMLParser):
    """Collects what a browser would run or fetch from elsewhere in an HTML fragment."""

    def __init__(self):
        super().__init__(convert_charrefs=True)  # attribute values arrive with "&#106;" decoded
        self.found: list[tuple[str, str]] = []  # (message, text to look for in the source)

    def handle_starttag(self, tag, attrs):
        if tag in _DANGEROUS_TAGS:
            self.found.append((f"có thẻ HTML <{tag}> (mã có thể chạy trên máy người đọc)", tag))
        for name, value in attrs:
            if name.startswith("on"):
                self.found.append((f"có thuộc tính HTML '{name}' (mã chạy khi người đọc thao tác)", name))
            elif name in _URL_ATTRIBUTES and value:
                for url in value.split(",") if name == "srcset" else (value,):
                    self._url(tag, url)

    handle_startendtag = handle_starttag

    def _url(self, tag: str, url: str) -> None:
        plain = _IGNORED_IN_URL.sub("", url).lower()
        scheme = next((s for s in _CODE_SCHEMES if plain.startswith(s)), None)
        if scheme:
            self.found.append((f"có đường dẫn '{scheme}' (mã chạy khi bấm vào)", scheme[:-1]))
        elif tag in _MEDIA_TAGS and (plain.startswith(("http:", "https:", "//"))):
            self.found.append((f"có ảnh hoặc tệp phương tiện lấy từ trang web khác ('{url.strip()[:80]}')",
                               url.strip()[:20]))


def check_rendered_html(text: str, text_line: int, path: str, settings: dict, markdown: Markdown,
                        field: str = "nội dung") -> list[Problem]:
    """Problems in the HTML that Markdown makes of a body (or summary), as the reader will see it.

    A second line of defence behind `check_raw_html`: it reads what is published, so
    entity-encoded schemes, reference links and HTML that the source check took for code
    are caught too. Reported at the line where the offending text first appears.
    """
    if setting(settings, "HONOURS_ALLOW_RAW_HTML") or not _MAY_HIDE_HTML.search(text):
        return []
    findings = _Findings()
    findings.feed(markdown.reset().convert(text))
    findings.close()
    problems, lowered = [], text.lower()
    for message, needle in dict.fromkeys(findings.found):
        at = lowered.find(needle.lower())
        line = text_line - 1 + text.count("\n", 0, at) if at >= 0 else text_line
        problems.append(Problem(path, line, field, message, RAW_HTML_HINT))
    return problems


# The front-matter fields published as data about people and units (the body is the article's prose).
PERSONAL_DATA_FIELDS = ("honours", "author", "authors", "title", "summary", "description", "tags", "category",
                        "units", "slug")
_INVISIBLE = re.compile(r"[\u00ad\u200b-\u200f\u202a-\u202e\u2060-\u2064\u2066-\u2069\ufeff]")


def check_personal_data(check: Checker, data: dict, settings: dict) -> None:
    """Record a problem for each published front-matter text that looks like personal data."""
    allowed = tuple(setting(settings, "HONOURS_PERSONAL_DATA_ALLOWLIST"))
    for key in PERSONAL_DATA_FIELDS:
        if key in data:
            find_personal_data(check, data[key], (key,), allowed)


def find_personal_data(check: Checker, value, path: tuple, allowed: tuple) -> None:
    """Record a problem for each text inside value (nested lists and mappings) that looks like personal data."""
    if isinstance(value, dict):
        for key, item in value.items():
            find_personal_data(check, item, (*path, key), allowed)
    elif isinstance(value, list):
        for index, item in enumerate(value):
            find_personal_data(check, item, (*path, index), allowed)
    elif isinstance(value, (str, int)) and not isinstance(value, bool):
        text = _INVISIBLE.sub("", str(value))  # YAML reads an unquoted 121234567 as a number
        for exception in allowed:
            text = text.replace(exception, " ")
        for pattern, what in _PERSONAL:
            match = pattern.search(text)
            if match:
                check.error(path, f"có {what}: {show(match.group(0))}", PERSONAL_HINT)
                break
