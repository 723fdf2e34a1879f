"""Where articles and pages are written: no two in one place, none over a generated page.

Runs when every article and page is known and nothing is written yet
(Pelican's page_generator_finalized signal).
"""

from __future__ import annotations

import posixpath
import re
from itertools import chain

from ..core.frontmatter import ParseError, parse_front_matter
from ..core.problems import Problem, display_path, stop_on
from ..settings import DEFAULTS, setting

# Output templates of Pelican's settings that are not generated pages (articles, pages, drafts, static files).
_CONTENT_TEMPLATES = re.compile(r"^(ARTICLE|PAGE|DRAFT|DRAFT_PAGE|STATIC)(_LANG)?_SAVE_AS$")
_PLACEHOLDER = re.compile(r"(\{[^{}]*\})")


def check_output_paths(generator) -> None:
    """Stop the build when an article or page would be written where something else is.

    Runs when every article and page is known and nothing is written yet
    (Pelican's page_generator_finalized): two files with the same output path,
    or one inside a folder the site generates, would otherwise overwrite each
    other (or stop Pelican's writer half-way with an English message).
    """
    settings, context = generator.settings, generator.context
    contents = {id(c): c for c in chain(  # articles with the same slug list each other as translations
        *(_with_translations(context.get(key, ())) for key in ("articles", "hidden_articles", "drafts")),
        *(_with_translations(getattr(generator, key, ())) for key in ("pages", "hidden_pages", "draft_pages")),
    )}.values()  # fmt: skip
    stop_on(output_problems(settings, contents))


def output_problems(settings: dict, contents) -> list[Problem]:
    """Problems of articles and pages (objects with source_path and save_as) written over something else."""
    folders, generated = _generated_outputs(settings)
    owners: dict[str, object] = {}
    problems = []
    for content in contents:
        save_as = getattr(content, "save_as", "")
        if not save_as:
            continue  # not written (a draft, by this site's settings)
        target = posixpath.normpath(save_as.replace("\\", "/").lstrip("/"))
        key = target.casefold()  # editors' computers may not tell "A" from "a"
        if key in owners:
            other = owners[key]
            problems.append(_output_problem(other, f"trùng địa chỉ xuất bản '{target}' với "
                                                   f"'{display_path(content.source_path)}'"))
            message = f"trùng địa chỉ xuất bản '{target}' với '{display_path(other.source_path)}'"
        elif target.split("/", 1)[0] in folders and "/" in target:
            message = (f"địa chỉ xuất bản '{target}' nằm trong thư mục '{target.split('/', 1)[0]}/' "
                       "dành cho các trang do trang web tự tạo ra")
        elif any(pattern.fullmatch(target) for pattern in generated):
            message = (f"địa chỉ xuất bản '{target}' trùng với một trang do trang web tự tạo ra "
                       "(danh sách tin, chuyên mục, thẻ, nguồn tin…)")
        else:
            owners.setdefault(key, content)
            continue
        owners.setdefault(key, content)
        problems.append(_output_problem(content, message))
    return problems


def _with_translations(contents):
    for content in contents:
        yield content
        yield from getattr(content, "translations", ())


def _generated_outputs(settings: dict) -> tuple[set[str], list[re.Pattern]]:
    """The folders the plugin's pages fill, and patterns of every other generated file."""
    folders = {"pagefind", setting(settings, "HONOURS_SEARCH_URL").split("/", 1)[0],
               setting(settings, "HONOURS_IMAGE_PATH").split("/", 1)[0], settings.get("THEME_STATIC_DIR", "theme")}
    for name in {**DEFAULTS, **settings}:  # a page family may be configured in the settings only
        if name.startswith("HONOURS_") and name.endswith("_SAVE_AS") and "/" in setting(settings, name):
            folders.add(setting(settings, name).split("/", 1)[0])
    for name in ("ARTICLE_SAVE_AS", "PAGE_SAVE_AS"):  # a family configured inside the articles' folder
        folders.discard(settings.get(name, "").split("/", 1)[0])
    folders.discard("")
    templates = [value for name, value in {**DEFAULTS, **settings}.items() if isinstance(value, str) and value and (
        (name.endswith("_SAVE_AS") and not _CONTENT_TEMPLATES.match(name))
        or ("FEED" in name and name.endswith(("_ATOM", "_RSS")))
    )]  # fmt: skip
    templates += [*settings.get("TEMPLATE_PAGES", {}).values(), "sitemap.xml", "sitemap.txt"]
    patterns = []
    for template in templates:
        patterns.append(_pattern(template))
        folder, name = posixpath.split(template)
        base = _pattern(folder if name in ("index.htm", "index.html") else posixpath.splitext(template)[0])
        for rule in settings.get("PAGINATION_PATTERNS", ()):
            if rule[0] != 1:  # later pages of a paginated list
                patterns.append(_pattern(rule[2], base).lstrip("/"))
    return folders, [re.compile(p, re.IGNORECASE) for p in patterns]


def _pattern(template: str, base: str = ".+") -> str:
    """A regular expression for every path an output template can give."""
    return "".join(base if piece == "{base_name}" else ".+" if _PLACEHOLDER.fullmatch(piece) else re.escape(piece)
                   for piece in _PLACEHOLDER.split(template))


def _output_problem(content, message: str) -> Problem:
    """A problem at the key that decides where the file is written (save_as, slug, or the title it comes from)."""
    try:
        with open(content.source_path, encoding="utf-8-sig") as handle:
            front = parse_front_matter(handle.read())
    except (OSError, UnicodeDecodeError, ParseError):
        front = None
    key = next((k for k in ("save_as", "slug") if front is not None and k in front.data), "title")
    hint = ("đổi 'save_as' sang một địa chỉ khác" if key == "save_as" else
            "đặt một 'slug' khác (phần cuối của địa chỉ), ví dụ thêm năm hoặc tên đơn vị")
    return Problem(display_path(content.source_path), front.line_of((key,)) if front else 0, key, message, hint)
