"""Read and check every content file before Pelican builds anything.

The build and `invoke check` both call `scan_content`, so they report the
same problems with the same words. Nothing is written here.
"""

from __future__ import annotations

import fnmatch
import os
from dataclasses import dataclass, field

from markdown import Markdown
from pelican.generators import Generator
from pelican.settings import DEFAULT_CONFIG

from ..core.frontmatter import HEADER_RE, ParseError, parse_front_matter
from ..core.model import ArticleData, check_page, parse_article
from ..core.problems import Problem, display_path, line_at
from ..core.registries import Registries, load_registries
from ..core.validation import Checker
from ..settings import registry_folder, setting
from .consistency import check_consistency
from .images import check_body_images
from .limits import check_markup_limits
from .links import check_links, settings_problems
from .safety import (
    check_control_characters,
    check_personal_data,
    check_raw_html,
    check_rendered_html,
    check_text_personal_data,
)
from .scancache import CachedArticle, ScanCache

# The extensions pelican-yaml-metadata reads; files of other formats are
# read by Pelican's own readers and carry no award data.
MARKDOWN_EXTENSIONS = ("md", "markdown", "mkd", "mdown")
CONTENT_KEY = "honours_content"  # where the build's ContentIndex lives in Pelican's context


@dataclass(frozen=True)
class ContentIndex:
    """The checked content of a site.

    `headers` keeps each article's front-matter text and parsed value, so
    that Pelican's reader does not parse it a second time; `warnings` are
    what an editor should look at but which does not stop the build.
    """

    registries: Registries
    articles: dict[str, ArticleData]
    problems: tuple[Problem, ...]
    warnings: tuple[Problem, ...] = ()
    headers: dict[str, tuple[str, dict]] = field(default_factory=dict, repr=False)
    digests: dict[str, bytes] = field(default_factory=dict, repr=False)  # of each checked article's text
    cache_key: bytes | None = None  # what the checks depended on, when Pelican's content cache is on


def content_files(settings: dict) -> tuple[list[str], list[str]]:
    """Return the article and page files Pelican will read, as absolute paths."""
    lister = Generator(
        context={}, settings=settings, path=settings["PATH"],
        theme=settings["THEME"], output_path=settings["OUTPUT_PATH"],
    )  # fmt: skip
    return list_files(lister, "ARTICLE"), list_files(lister, "PAGE")


def list_files(generator: Generator, kind: str) -> list[str]:
    """Return the Markdown files of one kind (ARTICLE or PAGE), sorted."""
    found = generator.get_files(
        generator.settings[f"{kind}_PATHS"],
        exclude=generator.settings[f"{kind}_EXCLUDES"],
        extensions=MARKDOWN_EXTENSIONS,
    )
    return sorted(os.path.abspath(os.path.join(generator.path, f)) for f in found)


def scan_content(settings: dict, article_files: list[str], page_files: list[str]) -> ContentIndex:
    """Check the registries and every article and page; collect all problems."""
    data_dir = registry_folder(settings)
    registries, problems = load_registries(data_dir, tuple(setting(settings, "HONOURS_PERSONAL_DATA_ALLOWLIST")))
    links, unread = content_tree_problems(settings, {*article_files, *page_files})
    problems += links + settings_problems(settings)
    if problems:  # every article would repeat the registry's mistake: report it alone
        return ContentIndex(registries, {}, tuple(sorted(problems)))
    cache = ScanCache.open(settings, data_dir)
    scanner = _Scanner(settings, registries, cache)
    for path in article_files:
        scanner.scan(path, is_article=True)
    for path in page_files:
        scanner.scan(path, is_article=False)
    if cache is not None:
        cache.save(scanner.fresh)
    problems = [*scanner.problems, *unread]
    return ContentIndex(registries, scanner.articles, tuple(sorted(problems)),
                        tuple(sorted(scanner.warnings)), scanner.headers,
                        {path: result.digest for path, result in scanner.fresh.items()},
                        cache.key if cache is not None else None)


_TEXT_EXTENSIONS = {*MARKDOWN_EXTENSIONS, "txt", "text", "mdwn", "mkdn", "mdtxt", "html", "htm", "rst"}


def content_tree_problems(settings: dict, listed: set[str]) -> tuple[list[Problem], list[Problem]]:
    """Walk the content folder once; return (symbolic links, articles Pelican will not read).

    Pelican follows symbolic links, out of the folder or round in circles, so
    each is refused. A file with a front-matter block that Pelican will not read
    (in the wrong folder, with an upper-case or .txt extension, or a name that
    matches IGNORE_FILES) would otherwise vanish without a word. Hidden files
    and folders are not looked at; the images folder only for links.
    """
    root = settings["PATH"]
    images = os.path.normpath(os.path.join(root, setting(settings, "HONOURS_IMAGE_PATH")))
    ignored = settings.get("IGNORE_FILES", ())
    links, unread = [], []
    for folder, folders, files in os.walk(root):
        folders[:] = sorted(d for d in folders if not d.startswith("."))
        in_images = os.path.commonpath([images, os.path.normpath(folder)]) == images
        for name in sorted([*folders, *files]):
            path = os.path.join(folder, name)
            if os.path.islink(path):
                links.append(_link_problem(path))
            elif name in files and not name.startswith(".") and not in_images:
                problem = _unread_problem(os.path.abspath(path), name, listed, ignored)
                if problem is not None:
                    unread.append(problem)
        folders[:] = [d for d in folders if not os.path.islink(os.path.join(folder, d))]
    return links, unread


def _link_problem(path: str) -> Problem:
    if not os.path.exists(path):
        return Problem(display_path(path), 0, "", "không đọc được tệp: đây là liên kết tới một tệp không còn tồn tại",
                       "xóa liên kết này hoặc đặt lại tệp mà nó trỏ tới")
    return Problem(display_path(path), 0, "", "đây là liên kết tượng trưng (symlink), không phải tệp thật",
                   "chép tệp hoặc thư mục thật vào đây thay cho liên kết")


def _unread_problem(path: str, name: str, listed: set[str], ignored) -> Problem | None:
    """A problem when a file looks like an article (a front-matter block) and Pelican will not read it."""
    extension = name.rpartition(".")[2]
    if extension.strip().lower() not in _TEXT_EXTENSIONS or path in listed or not _starts_with_front_matter(path):
        return None
    if name != name.strip():
        why, hint = "tên tệp có dấu cách ở đầu hoặc cuối nên không được đọc", "xóa dấu cách thừa trong tên tệp"
    elif extension not in MARKDOWN_EXTENSIONS:
        why, hint = f"tệp có đuôi '.{extension}' nên không được đọc", "đổi đuôi tệp thành .md (chữ thường)"
    elif any(fnmatch.fnmatch(name, pattern) for pattern in ignored):
        why, hint = "tên tệp thuộc loại được bỏ qua (ví dụ README…)", "đổi tên tệp"
    else:
        why, hint = ("tệp nằm ngoài thư mục bài viết và trang tĩnh nên không được đăng",
                     "chuyển bài viết vào content/tin-tuc/<năm>/, trang tĩnh vào content/pages/")
    return Problem(display_path(path), 1, "", why, hint)


def _starts_with_front_matter(path: str) -> bool:
    try:
        with open(path, "rb") as handle:  # Pelican's reader allows blank lines before the header
            return handle.read(256).removeprefix(b"\xef\xbb\xbf").lstrip().startswith(b"---")
    except OSError:
        return False


class _Scanner:
    """Checks one file after another, collecting records, problems and warnings."""

    def __init__(self, settings: dict, registries: Registries, cache: ScanCache | None = None):
        self.settings, self.registries, self.cache = settings, registries, cache
        self.extra_keys = tuple(setting(settings, "HONOURS_EXTRA_METADATA"))
        self.limit = setting(settings, "HONOURS_MAX_FILE_BYTES")
        self.articles: dict[str, ArticleData] = {}
        self.headers: dict[str, tuple[str, dict]] = {}
        self.problems: list[Problem] = []
        self.warnings: list[Problem] = []
        self.fresh: dict[str, CachedArticle] = {}  # what the next build may reuse
        self._markdown: Markdown | None = None

    @property
    def markdown(self) -> Markdown:
        """The site's Markdown converter, configured as Pelican's reader configures it."""
        if self._markdown is None:
            config = dict(self.settings.get("MARKDOWN", DEFAULT_CONFIG["MARKDOWN"]))
            # As Pelican's MarkdownReader does: every configured extension is also enabled.
            config["extensions"] = list(dict.fromkeys([*config.get("extensions", ()),
                                                       *config.get("extension_configs", {})]))
            self._markdown = Markdown(**config)
        return self._markdown

    def scan(self, path: str, is_article: bool) -> None:
        shown = display_path(path)
        text = _read_text(path, shown, self.limit, self.problems)
        if text is None:
            return
        if self.cache is not None and is_article and self._reuse(path, text):
            return
        try:
            front = parse_front_matter(text)
        except ParseError as error:
            self.problems.append(Problem(shown, error.line, "", error.message, error.hint))
            return
        body_problems = self._text_problems(front.body, front.body_line, path, "nội dung")
        summary = front.data.get("summary")
        if isinstance(summary, str):  # Markdown too, published in the feeds as HTML; "\n" as a body starts
            body_problems += self._text_problems("\n" + summary, front.line_of(("summary",)), path, "summary")
        if not body_problems:
            body_problems += check_rendered_html(front.body, front.body_line, shown, self.settings, self.markdown)
            if isinstance(summary, str):
                body_problems += check_rendered_html("\n" + summary, front.line_of(("summary",)), shown,
                                                     self.settings, self.markdown, "summary")
        self.problems.extend(body_problems)
        check = Checker(shown, front.line_of)
        check.duplicate_keys(front.duplicate_keys)
        check_personal_data(check, front.data, self.settings)
        check_consistency(check, front.data)
        if is_article:
            record = parse_article(check, front.data, self.registries, path, self.extra_keys)
        else:
            record = None
            check_page(check, front.data, self.registries, self.extra_keys)
        self.problems.extend(check.problems)
        if record is None or check.problems or body_problems:
            return
        self._accept(path, CachedArticle(ScanCache.digest(text), record, front.metadata_text, front.data, ()))

    def _text_problems(self, text: str, first_line: int, path: str, field: str) -> list[Problem]:
        """What a Markdown text (a body or a summary) may not publish, each at its line."""
        shown = display_path(path)
        too_slow = check_markup_limits(text, first_line, shown, field)
        if too_slow:  # every later check, and Markdown, would read it for minutes
            return too_slow
        return [*check_control_characters(text, first_line, shown, field),
                *check_body_images(text, first_line, path, self.settings),
                *check_links(text, first_line, path, self.settings),
                *check_text_personal_data(text, first_line, shown, self.settings, field),
                *check_raw_html(text, first_line, shown, self.settings, field)]

    def _reuse(self, path: str, text: str) -> bool:
        """Take a file's result from the previous build if the file is unchanged."""
        cached = self.cache.get(path, text)
        if cached is None:
            return False
        match = HEADER_RE.fullmatch(text)
        body_line = line_at(text, match.start("content")) + 1
        # Images live in other files, which may have changed: check them again.
        image_problems = check_body_images(match.group("content"), body_line, path, self.settings)
        if image_problems:
            self.problems.extend(image_problems)
        else:
            self._accept(path, cached)
        return True

    def _accept(self, path: str, result: CachedArticle) -> None:
        self.articles[path] = result.record
        self.headers[path] = (result.metadata_text, result.data)
        self.warnings.extend(result.warnings)
        self.fresh[path] = result


def _read_text(path: str, shown: str, limit: int, problems: list[Problem]) -> str | None:
    try:
        size = os.path.getsize(path)
        if size > limit:
            problems.append(Problem(shown, 0, "", f"tệp quá lớn ({size:,} byte, tối đa {limit:,})".replace(",", "."),
                                    "tách bài thành nhiều bài, hoặc đưa danh sách dài vào tệp dữ liệu riêng"))
            return None
        with open(path, "rb") as handle:
            raw = handle.read()
    except FileNotFoundError:  # listed, so a link whose target is gone
        problems.append(Problem(shown, 0, "", "không đọc được tệp: đây là liên kết tới một tệp không còn tồn tại",
                                "xóa liên kết này hoặc đặt lại tệp mà nó trỏ tới"))
        return None
    except OSError as error:
        problems.append(Problem(shown, 0, "", f"không đọc được tệp ({error.strerror})",
                                "kiểm tra quyền đọc của tệp"))
        return None
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError as error:
        line = raw[: error.start].count(b"\n") + 1
        problems.append(Problem(shown, line, "", "tệp không phải văn bản UTF-8",
                                "lưu lại tệp với bảng mã UTF-8 (Unicode)"))
        return None
    # Pelican reads files with universal newlines: check the text exactly as it will read it
    # (a lone "\r" would otherwise end its header where this check does not).
    return text.replace("\r\n", "\n").replace("\r", "\n")
