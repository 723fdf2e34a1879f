"""Content that must not be published: scripts in article bodies, personal data in award data.

Both checks run in the pre-build scan, so a compromised or careless edit
stops the build (and `invoke check`) with the file, the line and the field.

The HTML is checked, not cleaned: a sanitiser (nh3, bleach) would drop what
it does not allow without a word, and an editor would publish a page that
differs from what they wrote. Here each thing that would be dropped is
reported to the editor instead, read with the standard library's parser.
"""

from __future__ import annotations

import re
from html.parser import HTMLParser

from markdown import Markdown

from ..core.markdowntext import blank_code
from ..core.personal_data import PERSONAL_HINT, find_personal_data, personal_data_in
from ..core.problems import Problem, line_at
from ..core.validation import INVISIBLE_CHARACTERS, Checker, show
from ..settings import setting


class _EventHandlers:
    """Finds `on…=` attributes inside tags in time linear in the text.

    One regex `<[a-z][^>]*?\\s(on[a-z]+)` would scan to the end of the text from
    every `<` that has no `>`, which takes hours on a body of "<a " repeated.
    A tag here ends at the next `<` or `>`, so each character is read once.
    """

    _TAG = re.compile(r"<[a-z][^<>]*", re.I)
    _HANDLER = re.compile(r"\s(on[a-z]+)\s*=", re.I)

    def finditer(self, text: str):
        for tag in self._TAG.finditer(text):
            handler = self._HANDLER.search(text, tag.start(), tag.end())
            if handler:
                yield handler


_EVENT_HANDLER = _EventHandlers()
# Raw HTML an article may not carry unless HONOURS_ALLOW_RAW_HTML is set:
# elements that run or embed code, inline event handlers, javascript: URLs.
_DANGEROUS = [
    (re.compile(r"<\s*(script|iframe|object|embed|frame|frameset|applet|base|meta|link|style|form)\b", re.I),
     "có thẻ HTML <{0}> (mã có thể chạy trên máy người đọc)"),
    (_EVENT_HANDLER, "có thuộc tính HTML '{0}' (mã chạy khi người đọc thao tác)"),
    (re.compile(r"(?:href|src|action|formaction)\s*=\s*[\"']?\s*(javascript|vbscript|data):", re.I),
     "có đường dẫn '{0}:' (mã chạy khi bấm vào)"),
    (re.compile(r"\]\(\s*<?\s*(javascript|vbscript):", re.I), "có đường dẫn '{0}:' (mã chạy khi bấm vào)"),
]
RAW_HTML_HINT = "xóa đoạn mã HTML này; chỉ viết nội dung bằng chữ, ảnh và liên kết thông thường"

def check_raw_html(body: str, body_line: int, path: str, settings: dict, field: str = "nội dung") -> list[Problem]:
    """Problems for scripts, event handlers and javascript: links in a Markdown body (or summary)."""
    if setting(settings, "HONOURS_ALLOW_RAW_HTML"):
        return []
    text = blank_code(body)
    found = []
    for pattern, message in _DANGEROUS:
        for match in pattern.finditer(text):
            line = line_at(text, match.start(), body_line - 1)  # the body starts with the newline of "---"
            found.append(Problem(path, line, field, message.format(match.group(1).lower()), RAW_HTML_HINT))
    return found


# Markdown can turn text without any of these into HTML only through plain links and images,
# which the source check already reads; only bodies with one of them are rendered and read again.
_MAY_HIDE_HTML = re.compile(r"[<&{]|script|data:", re.I)

# What an article's HTML may contain: the elements and attributes Markdown makes, and the plain
# HTML an editor may write (tables, figures). Everything else could run code, load something
# from another host, or hide text from the reader, and no news article needs it.
_SAFE_TAGS = {
    "p", "h1", "h2", "h3", "h4", "h5", "h6", "a", "img", "em", "strong", "b", "i", "u", "s", "del", "ins", "mark",
    "small", "sub", "sup", "br", "hr", "blockquote", "ul", "ol", "li", "dl", "dt", "dd", "table", "thead", "tbody",
    "tfoot", "tr", "th", "td", "caption", "colgroup", "col", "pre", "code", "span", "div", "figure", "figcaption",
    "picture", "source", "abbr", "cite", "q", "kbd", "samp", "var", "time", "details", "summary", "address",
}  # fmt: skip
_SAFE_ATTRIBUTES = {"id", "class", "title", "lang", "alt", "width", "height", "loading", "decoding", "sizes", "type",
                    "media", "colspan", "rowspan", "align", "scope", "start", "reversed", "value", "datetime", "rel",
                    "name", "open", "target", "dir"}
_URL_ATTRIBUTES = {"href", "src", "srcset", "cite"}
_LINK_SCHEMES = {"http", "https", "mailto", "tel"}  # where a link may lead; anything shown must come from this site
_SCHEME = re.compile(r"^([a-z][a-z0-9+.-]*):")
_TABLE_ALIGN = re.compile(r"text-align:\s*(?:left|right|center);?")  # what Markdown's tables write
_IGNORED_IN_URL = re.compile(r"[\x00-\x20\x7f]+")  # browsers drop these before reading a scheme
_MARKUP_DECLARATION = re.compile(r"<[!?]")  # comments, CDATA, doctypes: parsers disagree on where they end


class _Findings(HTMLParser):
    """Collects what in an HTML fragment is not plain article content: (message, text to find in the source)."""

    def __init__(self):
        super().__init__(convert_charrefs=True)  # attribute values arrive with "&#106;" decoded
        self.found: list[tuple[str, str]] = []

    def handle_starttag(self, tag, attrs):
        if tag not in _SAFE_TAGS:
            self.found.append((f"có thẻ HTML <{tag}> (không dùng được trong bài viết)", tag))
        for name, value in attrs:
            if name.startswith("on"):
                self.found.append((f"có thuộc tính HTML '{name}' (mã chạy khi người đọc thao tác)", name))
            elif name in _URL_ATTRIBUTES:
                for url in (value or "").split(",") if name == "srcset" else (value or "",):
                    self._url(tag, name, url.strip().split(" ")[0] if name == "srcset" else url)
            elif name == "style" and tag in ("th", "td") and _TABLE_ALIGN.fullmatch((value or "").strip()):
                continue
            elif name not in _SAFE_ATTRIBUTES:
                self.found.append((f"có thuộc tính HTML '{name}' (không dùng được trong bài viết)", name))

    handle_startendtag = handle_starttag

    def _url(self, tag: str, name: str, url: str) -> None:
        plain = _IGNORED_IN_URL.sub("", url).replace("\\", "/").lower()
        scheme = _SCHEME.match(plain)
        if scheme and (name != "href" or scheme.group(1) not in _LINK_SCHEMES):
            if scheme.group(1) in ("javascript", "vbscript", "data"):
                self.found.append((f"có đường dẫn '{scheme.group(1)}:' (mã chạy khi bấm vào)", scheme.group(1)))
            else:
                self.found.append((f"có ảnh hoặc tệp lấy từ trang web khác ('{url.strip()[:80]}')", url.strip()[:20]))
        elif name != "href" and plain.startswith("//"):
            self.found.append((f"có ảnh hoặc tệp lấy từ trang web khác ('{url.strip()[:80]}')", url.strip()[:20]))


def check_rendered_html(text: str, text_line: int, path: str, settings: dict, markdown: Markdown,
                        field: str = "nội dung") -> list[Problem]:
    """Problems in the HTML that Markdown makes of a body (or summary), as the reader will see it.

    A second line of defence behind `check_raw_html`: it reads what is published, so
    entity-encoded schemes, reference links and HTML that the source check took for code
    are caught too. Reported at the line where the offending text first appears.
    """
    if setting(settings, "HONOURS_ALLOW_RAW_HTML") or not _MAY_HIDE_HTML.search(text):
        return []
    html = markdown.reset().convert(text)
    findings = _Findings()
    if _MARKUP_DECLARATION.search(html):
        findings.found.append(("có chú thích hoặc khai báo HTML (<!-- … -->)", "<!"))
    findings.feed(html)
    findings.close()
    problems, lowered = [], text.lower()
    for message, needle in dict.fromkeys(findings.found):
        at = lowered.find(needle.lower())
        line = line_at(text, at, text_line - 1) if at >= 0 else text_line
        problems.append(Problem(path, line, field, message, RAW_HTML_HINT))
    return problems


# Not allowed in XML 1.0, or invisible: direction overrides make "baocao\u202egpj.exe" show as
# "baocaoexe.jpg", zero-width characters hide inside words and numbers.
_CONTROL = re.compile(rf"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\u2028\u2029{INVISIBLE_CHARACTERS}]")


def check_control_characters(body: str, body_line: int, path: str, field: str = "nội dung") -> list[Problem]:
    """A problem at the first control or invisible character of a body: feeds cannot carry it, readers cannot see it."""
    match = _CONTROL.search(body)
    if match is None:
        return []
    line = line_at(body, match.start(), body_line - 1)
    code = f"U+{ord(match.group()):04X}"
    return [Problem(path, line, field, f"có ký tự điều khiển hoặc ký tự ẩn không in được (mã {code})",
                    "xóa ký tự đó (thường do sao chép từ Word hoặc trang web); xuống dòng bằng phím Enter")]


def check_personal_data(check: Checker, data: dict, settings: dict) -> None:
    """Record a problem for each front-matter text that looks like personal data.

    Every field counts: Pelican makes each one a variable a template (or a feed, or the
    search index) may show, so a field this site does not publish today may be published tomorrow.
    """
    find_personal_data(check, data, (), tuple(setting(settings, "HONOURS_PERSONAL_DATA_ALLOWLIST")))


def check_text_personal_data(text: str, first_line: int, path: str, settings: dict,
                             field: str = "nội dung") -> list[Problem]:
    """A problem at the first thing in a body (its text, alt texts, link targets) that looks like personal data."""
    hit = personal_data_in(text, tuple(setting(settings, "HONOURS_PERSONAL_DATA_ALLOWLIST")))
    if hit is None:
        return []
    what, written, lines_before = hit
    line = first_line - 1 + lines_before
    return [Problem(path, line, field, f"có {what}: {show(written.strip())}", PERSONAL_HINT)]
