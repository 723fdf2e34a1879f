"""Split a Markdown file into its YAML front-matter and body, keeping line numbers.

Front-matter is read the way pelican-yaml-metadata reads it (a block between
two `---` lines, parsed with YAML's safe loader), so that what this module
accepts is exactly what Pelican will build. It also records the line of every
key, so that a problem can be reported as `file:line`, and finds duplicate
keys, which a YAML loader would otherwise resolve silently by keeping the last.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import cached_property

import yaml

from .problems import line_at
from .yamlerrors import explain, explain_reader

try:  # libyaml is an order of magnitude faster when the wheel ships it
    _BASE_LOADER = yaml.CSafeLoader
except AttributeError:  # pragma: no cover - depends on the PyYAML build
    _BASE_LOADER = yaml.SafeLoader

_INT_TAG, _FLOAT_TAG = "tag:yaml.org,2002:int", "tag:yaml.org,2002:float"
# Numbers as people write them: decimal only. YAML 1.1 would read "017" as octal 15, "0x11" as 17
# and "1:20" as 80 (base 60), silently changing a count or a decision number.
_DECIMAL_INT = re.compile(r"^[-+]?[0-9]+$")
_DECIMAL_FLOAT = re.compile(r"""^(?:[-+]?[0-9][0-9_]*\.[0-9_]*(?:[eE][-+]?[0-9]+)?
    |\.[0-9_]+(?:[eE][-+]?[0-9]+)?
    |[-+]?\.(?:inf|Inf|INF)
    |\.(?:nan|NaN|NAN))$""", re.X)


class DecimalInt(int):
    """An integer read from YAML, keeping the text it was written as ("0125" stays "0125" as a text)."""

    text: str

    def __new__(cls, text: str):
        number = super().__new__(cls, int(text, 10))
        number.text = text
        return number

    def __reduce__(self):  # pickled in the scan cache
        return DecimalInt, (self.text,)


class _DecimalLoader(_BASE_LOADER):
    """YAML's safe loader reading numbers in decimal only."""

    def construct_decimal_int(self, node) -> int:
        text = self.construct_scalar(node)
        number = int(text, 10)
        return number if str(number) == text else DecimalInt(text)  # only "0125", "+5" need their text kept


_DecimalLoader.yaml_implicit_resolvers = {
    first: [(tag, regexp) for tag, regexp in resolvers if tag not in (_INT_TAG, _FLOAT_TAG)]
    for first, resolvers in _BASE_LOADER.yaml_implicit_resolvers.items()
}
_DecimalLoader.add_implicit_resolver(_INT_TAG, _DECIMAL_INT, list("-+0123456789"))
_DecimalLoader.add_implicit_resolver(_FLOAT_TAG, _DECIMAL_FLOAT, list("-+0123456789."))
_DecimalLoader.add_constructor(_INT_TAG, _DecimalLoader.construct_decimal_int)
SAFE_LOADER = _DecimalLoader

# The same pattern pelican-yaml-metadata uses to find the header.
HEADER_RE = re.compile(
    r"\s*^---$(?P<metadata>.+?)^(?:---|\.\.\.)$(?P<content>.*)",
    re.MULTILINE | re.DOTALL,
)

Path = tuple  # keys and list indexes from the document root


class ParseError(Exception):
    """A YAML text or a front-matter block that cannot be read."""

    def __init__(self, line: int, message: str, hint: str):
        super().__init__(message)
        self.line, self.message, self.hint = line, message, hint


class _Loader(SAFE_LOADER):
    """The safe loader, noting whether any mapping repeats a key."""

    def construct_mapping(self, node, deep=False):
        for key, _ in node.value:  # "<<: *base" would silently override keys written in the mapping
            if key.tag == "tag:yaml.org,2002:merge":
                raise ParseError(key.start_mark.line, "có khóa gộp '<<' (lấy giá trị từ chỗ khác, có thể đè lên "
                                 "giá trị viết ở đây)", "viết thẳng từng khóa và giá trị, không dùng '<<'")
        keys = [k.value for k, _ in node.value if isinstance(k, yaml.ScalarNode)]
        if len(keys) != len(set(keys)):
            self.has_duplicates = True
        return super().construct_mapping(node, deep)


@dataclass(frozen=True)
class YamlDocument:
    """A parsed YAML text; the line of every key is worked out only when asked for.

    Most files have no problem, so the walk that maps keys to lines (and
    names duplicated keys) is done only for those that do.
    """

    data: object
    text: str = field(repr=False)
    first_line: int = 1
    has_duplicates: bool = False

    @cached_property
    def _index(self) -> tuple[dict, tuple]:
        loader = SAFE_LOADER(self.text)
        try:
            node = loader.get_single_node()
        finally:
            loader.dispose()
        lines: dict[Path, int] = {}
        duplicates: list[tuple[Path, int]] = []
        if node is not None:
            _index_lines(node, (), self.first_line, lines, duplicates, set())
        return lines, tuple(duplicates)

    @property
    def lines(self) -> dict:
        return self._index[0]

    @property
    def duplicate_keys(self) -> tuple:
        """(key path, line) of each key written twice in one mapping."""
        return self._index[1] if self.has_duplicates else ()

    def line_of(self, path: Path) -> int:
        """Return the line of the key at path, or of its nearest parent."""
        path = tuple(path)
        lines = self.lines
        while path:
            if path in lines:
                return lines[path]
            path = path[:-1]
        return self.first_line


@dataclass(frozen=True)
class FrontMatter:
    """The parsed header of one file and its body."""

    document: YamlDocument
    body: str
    body_line: int

    @property
    def metadata_text(self) -> str:
        """The YAML text between the two `---` lines, as Pelican's reader sees it."""
        return self.document.text

    @property
    def data(self) -> dict:
        return self.document.data

    @property
    def header_line(self) -> int:
        return self.document.first_line

    @property
    def duplicate_keys(self) -> tuple:
        return self.document.duplicate_keys

    def line_of(self, path: Path) -> int:
        return self.document.line_of(path)


def parse_front_matter(text: str) -> FrontMatter:
    """Return the front-matter of a Markdown file, or raise ParseError."""
    match = HEADER_RE.fullmatch(text)
    if not match:
        raise ParseError(
            1,
            "không tìm thấy phần thông tin đầu bài (front-matter)",
            "đặt ở đầu tệp một khối nằm giữa hai dòng '---', ví dụ: ---, title: …, date: …, ---",
        )
    header_line = line_at(text, match.start("metadata"))
    body_line = line_at(text, match.start("content")) + 1
    document = load_yaml(match.group("metadata"), first_line=header_line)
    if not isinstance(document.data, dict):
        raise ParseError(
            header_line,
            "phần thông tin đầu bài phải là các cặp 'khóa: giá trị'",
            "viết mỗi thông tin trên một dòng, ví dụ 'title: Tiêu đề bài'",
        )
    return FrontMatter(document=document, body=match.group("content"), body_line=body_line)


def load_yaml(text: str, first_line: int = 1) -> YamlDocument:
    """Parse YAML with the safe loader, or raise ParseError with a line.

    `first_line` is the file line of the text's first line, for texts cut
    out of a larger file.
    """
    loader = _Loader(text)
    loader.has_duplicates = False
    try:
        data = loader.get_single_data()
    except ParseError as error:
        error.line += first_line
        raise
    except yaml.MarkedYAMLError as error:
        explained = explain(error, text)
        line = first_line + explained.line
        raise ParseError(line, f"lỗi cú pháp YAML: {explained.message}", explained.hint) from None
    except yaml.reader.ReaderError as error:
        explained = explain_reader(error, text)
        raise ParseError(first_line + explained.line, explained.message, explained.hint) from None
    except yaml.YAMLError:
        raise ParseError(first_line, "lỗi cú pháp YAML ở phần thông tin đầu bài",
                         "so sánh với mẫu trong hướng dẫn biên tập: thụt lề bằng dấu cách, "
                         "dấu ':' và một dấu cách sau mỗi tên khóa") from None
    except (ValueError, TypeError, KeyError, OverflowError):
        # The loader read a value it cannot build: 2018-02-30, !!bool maybe, a 5,000-digit number.
        line, value = _unbuildable_scalar(text)
        raise ParseError(
            first_line + line,
            f"giá trị '{value[:60]}' không đọc được (ngày không có thật, số quá lớn hoặc kiểu '!!' sai)",
            "kiểm tra lại ngày (năm-tháng-ngày), con số; nếu đó là chữ, đặt giá trị trong ngoặc kép",
        ) from None
    finally:
        loader.dispose()
    if _depth(data) > MAX_DEPTH:
        raise ParseError(
            first_line,
            f"dữ liệu lồng nhau quá sâu (hơn {MAX_DEPTH} tầng)",
            "viết dữ liệu theo mẫu trong hướng dẫn; danh sách không lồng trong danh sách",
        )
    if _exceeds(data, 10 * len(text) + 10_000):
        raise ParseError(
            first_line,
            "YAML dùng bí danh ('&' và '*') lồng nhau tạo ra quá nhiều giá trị",
            "viết thẳng các giá trị, không dùng '&' và '*'",
        )
    return YamlDocument(data=data, text=text, first_line=first_line, has_duplicates=loader.has_duplicates)


def _unbuildable_scalar(text: str) -> tuple[int, str]:
    """Line (0-based) and text of the first scalar the safe loader fails to build."""
    loader = SAFE_LOADER(text)
    try:
        stack, seen = [loader.get_single_node()], set()
        while stack:
            node = stack.pop()
            if node is None or id(node) in seen:
                continue
            seen.add(id(node))
            if isinstance(node, yaml.ScalarNode):
                try:
                    loader.construct_object(node)
                except Exception:  # noqa: BLE001 - any failure is the one we look for
                    return node.start_mark.line, str(node.value)
            elif isinstance(node, yaml.SequenceNode):
                stack.extend(reversed(node.value))
            else:
                stack.extend(reversed([child for pair in node.value for child in pair]))
    finally:
        loader.dispose()
    return 0, ""


# Award data is five levels deep (honours.awards[i].recipients[j].name); every later walk
# over a value may recurse, so deeper data is refused here, once.
MAX_DEPTH = 12


def _depth(data: object) -> int:
    """How many lists and mappings are nested in data, counted without recursion."""
    deepest, stack, seen = 0, [(data, 0)], set()
    while stack:
        value, level = stack.pop()
        deepest = max(deepest, level)
        if isinstance(value, (dict, list)) and id(value) not in seen and level <= MAX_DEPTH:
            seen.add(id(value))
            children = value.values() if isinstance(value, dict) else value
            stack.extend((child, level + 1) for child in children)
    return deepest


def _exceeds(data: object, limit: int) -> bool:
    """Whether data, with shared values counted each time they appear, has more than limit values.

    Without aliases a YAML text cannot hold more values than it has
    characters (the limit leaves room for a few merge keys, '<<: *base');
    with them, a few lines can stand for billions ("billion laughs"), which
    every later walk over the data would expand.
    """
    stack, count = [data], 0
    while stack:
        value = stack.pop()
        count += 1
        if count > limit:
            return True
        if isinstance(value, dict):
            stack.extend(value.values())
        elif isinstance(value, (list, tuple, set)):
            stack.extend(value)
    return False


def _index_lines(node, path, offset, lines, duplicates, seen) -> None:
    """Record the line of every key and list item below node."""
    if id(node) in seen:  # YAML aliases share nodes; walk each only once
        return
    seen.add(id(node))
    if isinstance(node, yaml.MappingNode):
        keys_here = set()
        for key_node, value_node in node.value:
            key = key_node.value if isinstance(key_node, yaml.ScalarNode) else repr(key_node.value)
            child = (*path, key)
            line = offset + key_node.start_mark.line
            if key in keys_here:
                duplicates.append((child, line))
            keys_here.add(key)
            lines.setdefault(child, line)
            _index_lines(value_node, child, offset, lines, duplicates, seen)
    elif isinstance(node, yaml.SequenceNode):
        for index, item in enumerate(node.value):
            child = (*path, index)
            lines.setdefault(child, offset + item.start_mark.line)
            _index_lines(item, child, offset, lines, duplicates, seen)
