"""The web editor at /admin/: Decap CMS, configured from the registries at build time.

Editors who never use git write articles in a form: the award data's `by`,
`award` and recipients' `unit` are lists to choose from, generated from
content/data/*.yml, so an unknown slug cannot be typed. The page, its
`config.yml` and Decap's own files (from `node_modules/`, filled by `npm ci`)
are written into one folder of the output. Without those files (a machine
without Node) the page says how to install the editor; the build goes on.
"""

from __future__ import annotations

import logging
import os
import posixpath
import shutil
from dataclasses import dataclass
from pathlib import Path

import yaml
from pelican.utils import sanitised_join

from ..core.registries import LEVELS, Registries, Unit
from ..core.vietnamese import format_short_date
from ..settings import save_as_for, setting
from .base import HonoursGenerator

logger = logging.getLogger(__name__)

# Where `npm ci` puts the standalone bundle of the `decap-cms` package.
BUNDLE_FOLDER = ("decap-cms", "dist")
BUNDLE_MAIN = "decap-cms.js"
CONFIG_NAME = "config.yml"
# The front-matter date as the site writes it ("2018-02-01 08:00"), in Decap's (dayjs) notation.
DATE_FORMAT = "YYYY-MM-DD HH:mm"
DAY_FORMAT = "YYYY-MM-DD"
CONFIG_HEADER = (
    "# Cấu hình trình soạn thảo trên web (Decap CMS), do Pelican tạo lại mỗi lần xây dựng trang\n"
    "# từ content/data/*.yml: đừng sửa tệp này, hãy sửa danh mục.\n"
)


@dataclass(frozen=True)
class AdminPage:
    """What the admin template needs: whether the editor is installed, and where its script is."""

    installed: bool
    script_url: str = ""


class AdminGenerator(HonoursGenerator):
    """Write admin/index.html, admin/config.yml and Decap's files."""

    position = 60

    def generate_output(self, writer) -> None:
        save_as = save_as_for(self.settings, "HONOURS_ADMIN")
        if not save_as:
            return
        folder, node_modules = posixpath.dirname(save_as), os.path.abspath(self.setting("HONOURS_ADMIN_NODE_MODULES"))
        files = bundle_files(node_modules)
        if files:
            for name, source in files:
                copy_into_output(self.output_path, posixpath.join(folder, name), source)
            script_url = posixpath.join(folder, BUNDLE_MAIN)
        else:
            logger.info("Chưa cài trình soạn thảo trên web (Decap CMS): không có %s; trang %s chỉ hướng dẫn "
                        "cách cài (chạy `npm ci` trong thư mục dự án).",
                        os.path.join(node_modules, *BUNDLE_FOLDER, BUNDLE_MAIN), save_as)
            script_url = ""
        config = admin_config(self.settings, self.ledger.registries)
        self.write_text(writer, posixpath.join(folder, CONFIG_NAME), CONFIG_HEADER + dump_yaml(config))
        self.write(writer, "HONOURS_ADMIN", "admin", "Trình soạn thảo trên web",
                   honours_admin=AdminPage(bool(files), script_url))


def bundle_files(node_modules: str) -> list[tuple[str, Path]]:
    """Decap's files to publish, as (name, source), sorted; empty when it is not installed.

    The main script loads the rest on demand from its own folder: the numbered
    chunks and the WebAssembly image encoders. Source maps (25 MB) are left out;
    the licence notice the script points to is kept.
    """
    dist = Path(node_modules, *BUNDLE_FOLDER)
    if not (dist / BUNDLE_MAIN).is_file():
        return []
    wanted = []
    for path in sorted(dist.iterdir()):
        name = path.name
        chunk = name.endswith("." + BUNDLE_MAIN) and name.split(".", 1)[0].isdigit()
        if path.is_file() and (name in (BUNDLE_MAIN, BUNDLE_MAIN + ".LICENSE.txt") or chunk
                               or name.endswith(".wasm")):
            wanted.append((name, path))
    return wanted


def copy_into_output(output_path: str, save_as: str, source: Path) -> None:
    """Copy a file into the output byte for byte.

    Pelican's writer renders a template to text and writes it as UTF-8: right
    for pages, config.yml and CSV, but the 5 MB script would be decoded and
    encoded again for nothing and the WebAssembly files are not text at all.
    So these are copied, with the writer's own guard against paths that leave
    the output folder (`sanitised_join`).
    """
    target = sanitised_join(output_path, save_as)
    os.makedirs(os.path.dirname(target), exist_ok=True)
    shutil.copyfile(source, target)


def admin_config(settings: dict, registries: Registries) -> dict:
    """Decap's configuration: where articles live and the form that edits them."""
    content = setting(settings, "HONOURS_ADMIN_CONTENT_FOLDER").strip("/")
    articles = settings["ARTICLE_PATHS"][0].strip("/")
    images = setting(settings, "HONOURS_IMAGE_PATH").strip("/")
    config = {
        "backend": dict(setting(settings, "HONOURS_ADMIN_BACKEND")),
        "local_backend": setting(settings, "HONOURS_ADMIN_LOCAL_BACKEND"),
        "locale": "vi",
    }
    if settings.get("SITEURL"):
        config["site_url"] = config["display_url"] = settings["SITEURL"]
    config.update({
        "media_folder": posixpath.join(content, images),
        "public_folder": "/" + images,
        # New files are named from the title without diacritics, as the site's own slugs are.
        "slug": {"encoding": "ascii", "clean_accents": True},
        "collections": [articles_collection(posixpath.join(content, articles), registries)],
    })
    return config


def articles_collection(folder: str, registries: Registries) -> dict:
    units = unit_options(registries)
    return {
        "name": "tin-tuc",
        "label": "Tin tức",
        "label_singular": "Bài viết",
        "description": "Mỗi bài là một tệp Markdown trong " + folder + "/<năm>/. Dữ liệu khen thưởng trong bài "
                       "thành bảng vinh danh, trang đơn vị và thống kê khi trang được xây dựng lại.",
        "folder": folder,
        "path": "{{year}}/{{slug}}",
        "slug": "{{slug}}",
        "extension": "md",
        "format": "yaml-frontmatter",
        "create": True,
        "identifier_field": "title",
        "summary": "{{title}} ({{day}}/{{month}}/{{year}})",
        "sortable_fields": [{"field": "date", "label": "Ngày đăng", "default_sort": "desc"}, "title"],
        "view_groups": [{"label": "Năm", "field": "date", "pattern": r"^\d{4}"}],
        "fields": [
            string("title", "Tiêu đề", "Viết như một câu: chỉ viết hoa chữ đầu và tên riêng."),
            {"name": "date", "label": "Ngày đăng", "widget": "datetime", "format": DATE_FORMAT,
             "default": "{{now}}", "hint": "Ngày giờ đăng bài (giờ Việt Nam). Bài mới được lưu trong thư mục "
                                           "của năm đăng."},
            string("author", "Tác giả", "Ví dụ: Phương Nhung.", required=False),
            string("category", "Chuyên mục", "Ví dụ: Thi đua – Khen thưởng.", required=False),
            {"name": "tags", "label": "Thẻ", "widget": "list", "required": False,
             "hint": "Các thẻ, cách nhau bằng dấu phẩy, ví dụ: tổng kết thi đua, khen thưởng."},
            {"name": "summary", "label": "Tóm tắt", "widget": "text", "required": False,
             "hint": "Một hai câu giới thiệu bài; bỏ trống thì trang tự lấy đoạn đầu."},
            select("units", "Đơn vị được nói đến", units, required=False, multiple=True,
                   hint="Bài hiện trên trang của các đơn vị này. Chọn trong danh mục đơn vị."),
            {"name": "illustrative", "label": "Dữ liệu minh họa", "widget": "boolean", "required": False,
             "default": False, "hint": "Bật khi số liệu trong bài chỉ để minh họa, không phải số liệu thật; "
                                       "trang sẽ ghi rõ “Dữ liệu minh họa”."},
            {"name": "source", "label": "Nguồn bản tin", "widget": "object", "required": False, "collapsed": True,
             "hint": "Khi bài viết lại từ một bản tin đã công bố: địa chỉ web và cơ quan đăng bản tin.",
             "fields": [string("url", "Địa chỉ web", "Bắt đầu bằng https:// hoặc http://."),
                        string("publisher", "Cơ quan đăng", "Ví dụ: Báo Bắc Giang.")]},
            honours_field(registries, units),
            {"name": "body", "label": "Nội dung", "widget": "markdown",
             "hint": "Nội dung bài viết. Ảnh chèn vào bài được lưu trong thư mục ảnh của trang."},
        ],
    }


def honours_field(registries: Registries, units: list[dict]) -> dict:
    """The award data: a year and a list of award lines, each naming its recipients."""
    recipient = {
        "name": "recipients", "label": "Người, tập thể được khen (ghi tên)", "label_singular": "người hoặc tập thể",
        "widget": "list", "required": False, "collapsed": True,
        "summary": "{{fields.name}}{{fields.household}} – {{fields.unit}}",
        "hint": "Tập thể: chỉ chọn đơn vị. Cá nhân: ghi họ tên và chọn đơn vị công tác. Hộ gia đình: ghi tên hộ "
                "và chọn đơn vị (thôn, xã). Số người ghi tên không được nhiều hơn số lượng ở trên.",
        "fields": [
            select("unit", "Đơn vị", units, hint="Tập thể được khen, hoặc đơn vị của cá nhân, hộ gia đình."),
            string("name", "Họ tên (cá nhân)", "Bỏ trống nếu là tập thể hoặc hộ gia đình.", required=False),
            string("household", "Hộ gia đình", "Ví dụ: Hộ ông Nguyễn Văn An. Bỏ trống nếu không phải hộ gia đình.",
                   required=False),
        ],
    }
    line = {
        "name": "awards", "label": "Các dòng khen thưởng", "label_singular": "dòng khen thưởng",
        "widget": "list", "required": False, "collapsed": True, "summary": "{{fields.award}} – {{fields.by}}",
        "hint": "Mỗi dòng: một cấp khen thưởng, một hình thức khen thưởng hoặc danh hiệu, và số lượng được khen.",
        "fields": [
            select("by", "Cấp khen thưởng", authority_options(registries),
                   hint="Ai khen thưởng. Thiếu trong danh sách thì thêm vào content/data/authorities.yml."),
            select("award", "Hình thức khen thưởng, danh hiệu", award_options(registries),
                   hint="Khen thưởng gì. Thiếu trong danh sách thì thêm vào content/data/awards.yml."),
            count("year", "Năm thi đua của dòng này", "Chỉ điền khi khác năm thi đua chung ở trên.", minimum=1945),
            count("collectives", "Số tập thể", "Bỏ trống nếu không có tập thể hoặc đã ghi tên đủ bên dưới."),
            count("individuals", "Số cá nhân", "Bỏ trống nếu không có cá nhân hoặc đã ghi tên đủ bên dưới."),
            count("households", "Số hộ gia đình", "Bỏ trống nếu không có hộ gia đình hoặc đã ghi tên đủ bên dưới."),
            count("collectives_or_individuals", "Số tập thể, cá nhân (không tách)",
                  "Chỉ điền khi bài nêu chung một số, ví dụ \"64 tập thể, cá nhân\"; "
                  "khi đó bỏ trống ô số tập thể và ô số cá nhân."),
            recipient,
            string("decision_number", "Số quyết định", "Ví dụ: 125/QĐ-UBND.", required=False),
            {"name": "decision_date", "label": "Ngày quyết định", "widget": "datetime", "format": DAY_FORMAT,
             "time_format": False, "required": False, "hint": "Ngày ký quyết định khen thưởng, nếu bài có nêu."},
            {"name": "note", "label": "Ghi chú", "widget": "text", "required": False},
        ],
    }
    return {
        "name": "honours", "label": "Khen thưởng", "widget": "object", "required": False,
        "hint": "Điền khi bài nói về khen thưởng: dữ liệu này thành bảng vinh danh, trang đơn vị và thống kê.",
        "fields": [
            count("year", "Năm thi đua", "Bỏ trống nếu là năm của ngày đăng bài.", minimum=1945),
            line,
        ],
    }


def string(name: str, label: str, hint: str, required: bool = True) -> dict:
    field = {"name": name, "label": label, "widget": "string", "hint": hint}
    return field if required else {**field, "required": False}


def count(name: str, label: str, hint: str, minimum: int = 0) -> dict:
    """An optional whole number."""
    return {"name": name, "label": label, "widget": "number", "value_type": "int", "min": minimum,
            "step": 1, "required": False, "hint": hint}


def select(name: str, label: str, options: list[dict], hint: str, required: bool = True,
           multiple: bool = False) -> dict:
    field = {"name": name, "label": label, "widget": "select", "options": options, "hint": hint}
    if multiple:
        field["multiple"] = True
    return field if required else {**field, "required": False}


def authority_options(registries: Registries) -> list[dict]:
    """Authorities from the highest level down, in the registry's order within a level."""
    levels, position = list(LEVELS), {slug: index for index, slug in enumerate(registries.authorities)}
    ordered = sorted(registries.authorities.values(), key=lambda a: (levels.index(a.level), position[a.slug]))
    return [{"label": a.name, "value": a.slug} for a in ordered]


def award_options(registries: Registries) -> list[dict]:
    """Awards from the highest honour down."""
    return [{"label": a.name, "value": a.slug} for a in sorted(registries.awards.values(), key=lambda a: a.order)]


def unit_options(registries: Registries) -> list[dict]:
    """Units grouped by kind as on the units index; a unit that no longer exists says since when."""
    return [{"label": unit_label(u), "value": u.slug} for u in registries.units_in_order()]


def unit_label(unit: Unit) -> str:
    if unit.valid_from and unit.valid_until:
        return f"{unit.title} ({format_short_date(unit.valid_from)} – {format_short_date(unit.valid_until)})"
    if unit.valid_until:
        return f"{unit.title} (đến {format_short_date(unit.valid_until)})"
    if unit.valid_from:
        return f"{unit.title} (từ {format_short_date(unit.valid_from)})"
    return unit.title


class _Dumper(yaml.SafeDumper):
    """Writes a list used twice (the units) out twice rather than as an &anchor, for people reading it."""

    def ignore_aliases(self, data) -> bool:
        return True


def dump_yaml(data: dict) -> str:
    """YAML in the order the config was built in (not alphabetical), Vietnamese letters as they are."""
    return yaml.dump(data, Dumper=_Dumper, allow_unicode=True, sort_keys=False, default_flow_style=False,
                     width=1000)
