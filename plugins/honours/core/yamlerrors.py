"""Explain a YAML syntax error to an editor, in Vietnamese, with its likely cause and fix.

PyYAML words its errors for programmers, and differently with and without
libyaml ("did not find expected key" and "expected <block end>" are the same
mistake). The wording alone rarely says what the editor did, so the line the
parser stopped at and the line before it are read as well: a tab, a value
with an unquoted ': ', a list pasted after 'awards: []', a comment mark
removed with one space too many.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

import yaml

from .problems import line_at

INDENT_HINT = ("các khóa cùng cấp phải thẳng cột, mỗi cấp thụt vào 2 dấu cách; khi bỏ dấu '#' ở dòng gợi ý, "
               "xóa cả dấu '#' và một dấu cách ngay sau nó")
QUOTE_HINT = 'đặt cả giá trị trong ngoặc kép, ví dụ: title: "Hiệp Hòa: tổng kết thi đua năm 2017"'


@dataclass(frozen=True)
class Explanation:
    """What went wrong, on which line of the text (0-based), and how to fix it."""

    line: int
    message: str
    hint: str


def explain(error: yaml.MarkedYAMLError, text: str) -> Explanation:
    """Return the editor's explanation of a YAML syntax error in text."""
    mark = error.problem_mark or error.context_mark
    line = mark.line if mark else 0
    lines = text.split("\n")
    problem = (error.problem or "").lower()
    context = (error.context or "").lower()
    for explainer in (_tab, _quoted, _flow_list, _special_start, _colon, _indentation):
        found = explainer(problem, context, lines, line, mark)
        if found is not None:
            return found
    return Explanation(line, "cú pháp YAML không hợp lệ ở dòng này",
                       "kiểm tra thụt lề (chỉ dùng dấu cách), dấu ':' và một dấu cách sau mỗi tên khóa, "
                       "và đặt trong ngoặc kép những giá trị có dấu ':' hoặc bắt đầu bằng ký tự đặc biệt")


def explain_reader(error: yaml.reader.ReaderError, text: str) -> Explanation:
    """Explain a character YAML refuses to read (a control character pasted from another document)."""
    character = error.character  # an int or a one-letter text, depending on libyaml
    code = f"U+{ord(character) if isinstance(character, str) else character:04X}"
    line = line_at(text, max(error.position, 0), first_line=0)  # counted from 0, as YAML marks lines
    return Explanation(line, f"dòng này có ký tự điều khiển không in được ({code})",
                       "xóa ký tự lạ, thường do sao chép từ văn bản khác: gõ lại đoạn chữ đó")


def _text(lines: list[str], index: int) -> str:
    return lines[index] if 0 <= index < len(lines) else ""


def _previous(lines: list[str], index: int) -> int:
    """The nearest line above index that is neither blank nor a comment (or -1)."""
    index -= 1
    while index >= 0 and (not lines[index].strip() or lines[index].lstrip().startswith("#")):
        index -= 1
    return index


def _indent(text: str) -> int:
    return len(text) - len(text.lstrip(" "))


def _tab(problem, context, lines, line, mark) -> Explanation | None:
    for index in (line, line - 1):
        if "\t" in _text(lines, index) and ("tab" in problem or "cannot start any token" in problem
                                            or index == line):
            return Explanation(index, "dòng này có ký tự tab",
                               "YAML chỉ nhận dấu cách để thụt lề: xóa tab, thay bằng dấu cách (mỗi cấp 2 dấu cách)")
    return None


def _quoted(problem, context, lines, line, mark) -> Explanation | None:
    if "quoted scalar" in context:
        return Explanation(_opening_quote_line(lines, line), "dấu ngoặc kép mở mà không đóng",
                           "thêm dấu ngoặc kép đóng ở cuối giá trị; dấu ngoặc kép bên trong giá trị thì viết \\\" "
                           "hoặc dùng ngoặc đơn ' '")
    current = _text(lines, line)
    value = current.split(": ", 1)[1].strip() if ": " in current else ""
    if value and value[0] in "\"'" and value.count(value[0]) > 2:
        return Explanation(line, "giá trị có dấu ngoặc kép ở giữa, trong khi cả giá trị đã mở bằng ngoặc kép",
                           "viết dấu ngoặc kép bên trong là \\\", hoặc dùng ngoặc kép “ ” kiểu chữ in, "
                           "ví dụ: title: \"Phong trào \\\"Dân vận khéo\\\" năm 2017\"")
    return None


def _opening_quote_line(lines: list[str], line: int) -> int:
    """The line where the unclosed quotation starts: the last line above with an odd number of quotes."""
    for index in range(min(line, len(lines) - 1), -1, -1):
        if lines[index].count('"') % 2 or lines[index].count("'") % 2:
            return index
    return line


def _flow_list(problem, context, lines, line, mark) -> Explanation | None:
    if "flow sequence" in context or "',' or ']'" in problem:
        return Explanation(error_start(lines, line, "["),
                           "danh sách trong ngoặc vuông [ ] thiếu dấu ',' giữa các mục hoặc thiếu ']' đóng",
                           "viết trên một dòng, ví dụ: tags: [thi đua, khen thưởng]; một mục có dấu ',' hoặc ':' "
                           "thì đặt mục đó trong ngoặc kép")
    if "flow mapping" in context or "',' or '}'" in problem:
        return Explanation(error_start(lines, line, "{"), "nhóm trong ngoặc nhọn { } thiếu dấu ',' hoặc thiếu '}'",
                           "viết mỗi khóa trên một dòng riêng, thụt vào 2 dấu cách, thay cho { }")
    return None


def error_start(lines: list[str], line: int, bracket: str) -> int:
    """The line that opened the bracket, at or above line."""
    for index in range(min(line, len(lines) - 1), -1, -1):
        if bracket in lines[index]:
            return index
    return line


def _special_start(problem, context, lines, line, mark) -> Explanation | None:
    if "cannot start any token" not in problem and "undefined alias" not in problem and "tag" not in context:
        return None
    current = _text(lines, line)
    value = current.split(":", 1)[1].strip() if ":" in current else current.strip()
    char = value[:1] or "?"
    return Explanation(line, f"giá trị bắt đầu bằng ký tự '{char}', một ký tự có nghĩa riêng trong YAML",
                       f"đặt cả giá trị trong ngoặc kép, ví dụ: \"{value[:40]}\"")


_KEY_NO_SPACE = re.compile(r"^\s*(?:- )?[\w.-]+:\S")
_KEY_NO_COLON = re.compile(r"^\s*(?:- )?[a-z_]+ \S")  # "title Bài", "- by chu-tich-ubnd-huyen"


def _colon(problem, context, lines, line, mark) -> Explanation | None:
    if "mapping values are not allowed" not in problem and "could not find expected ':'" not in problem:
        return None
    for index in dict.fromkeys((line, _previous(lines, line))):
        current = _text(lines, index)
        if ": " in current and ": " in current.split(": ", 1)[1].split(" #", 1)[0]:
            return Explanation(index, "giá trị có dấu ':' theo sau là dấu cách, YAML hiểu nhầm là một khóa mới",
                               QUOTE_HINT)
        if _KEY_NO_SPACE.match(current):
            return Explanation(index, "thiếu dấu cách sau dấu ':' của tên khóa",
                               "viết một dấu cách sau ':', ví dụ 'title: Tiêu đề', không phải 'title:Tiêu đề'")
        if ":" not in current and _KEY_NO_COLON.match(current):
            return Explanation(index, "dòng này thiếu dấu ':' sau tên khóa",
                               "viết tên khóa, dấu ':' rồi một dấu cách và giá trị, ví dụ 'author: Phương Nhung'")
    previous = _previous(lines, line)
    if previous >= 0 and _indent(_text(lines, line)) > _indent(_text(lines, previous)):
        return Explanation(line, "dòng này thụt vào sâu hơn dòng trên, trong khi dòng trên đã có giá trị",
                           INDENT_HINT)
    return None


def _indentation(problem, context, lines, line, mark) -> Explanation | None:
    if not ("expected key" in problem or "block end" in problem or "expected '-'" in problem
            or "block mapping" in context or "block collection" in context):
        return None
    previous = _previous(lines, line)
    above = _text(lines, previous).split(" #", 1)[0].rstrip()
    if above.endswith(("[]", "{}")):
        key = above.strip().split(":", 1)[0]
        return Explanation(line, f"các dòng này nằm sau '{above.strip()}', nơi YAML đã coi '{key}' là danh sách rỗng",
                           f"xóa '[]' ở dòng '{above.strip()}' (để lại '{key}:'), rồi giữ các dòng '- ' thụt lề "
                           "như ví dụ")
    if _text(lines, line).lstrip().startswith("- ") and previous >= 0 and not above.endswith(":"):
        return Explanation(line, "dòng '- ' này không thẳng cột với các mục cùng danh sách", INDENT_HINT)
    return Explanation(line, "thụt lề không khớp: dòng này (hoặc dòng ngay trên) không thẳng cột với các khóa "
                       "cùng cấp", INDENT_HINT)
