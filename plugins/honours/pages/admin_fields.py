"""The web editor's forms: the article collection and the three registries, as Decap field lists.

Fields whose value the build checks against the registries use the site's
own widgets (theme/static/js/decap-widgets.js): `hh-count` reads Vietnamese
numbers, `hh-select` and `hh-list` check and name their values, `hh-date`
shows dates day/month/year whatever the browser's language, `hh-slug` shows
the article's address and asks for another when it is taken. Each such field
names its place in the front-matter (`hh_path`, with {awards} and
{recipients} for the line and recipient it belongs to), the same place the
build's messages name, so the form shows the build's verdict at the field.
"""

from __future__ import annotations

from ..core.counts import COMBINED_KEY
from ..core.registries import AWARD_KINDS, LEVELS, RECIPIENT_KINDS, UNIT_KINDS, Registries, Unit
from ..core.vietnamese import format_short_date

# The front-matter date as the site writes it ("2018-02-01 08:00").
DATE_FORMAT = "YYYY-MM-DD HH:mm"
DAY_FORMAT = "YYYY-MM-DD"
LINE = "honours.awards[{awards}]"
RECIPIENT = LINE + ".recipients[{recipients}]"
STATUS_OPTIONS = [{"label": "Bản nháp (chưa hiện trên trang)", "value": "draft"},
                  {"label": "Đã đăng", "value": "published"}]


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
        "view_filters": [{"label": "Bản nháp", "field": "status", "pattern": "draft"},
                         {"label": "Đã đăng", "field": "status", "pattern": "^(published)?$"}],
        "view_groups": [{"label": "Năm", "field": "date", "pattern": r"^\d{4}"}],
        "fields": [
            {**string("title", "Tiêu đề", "Viết như một câu: chỉ viết hoa chữ đầu và tên riêng."),
             "widget": "hh-string", "hh_path": "title"},
            {"name": "slug", "label": "Địa chỉ bài", "widget": "hh-slug", "required": False, "hh_path": "slug",
             "hint": "Tạo từ tiêu đề. Chỉ điền khi địa chỉ đó đã có bài khác dùng: chữ thường không dấu, số và "
                     "dấu gạch nối."},
            # "datetime", which decap-widgets.js replaces with its own: Decap takes {{year}} of the path and
            # the list's dates from a field of that widget.
            {"name": "date", "label": "Ngày đăng", "widget": "datetime", "hh_path": "date", "hh_time": True,
             "default": "{{now}}", "hint": "Ngày/tháng/năm giờ:phút (giờ Việt Nam), ví dụ 01/02/2018 08:00. "
                                           "Bài mới được lưu trong thư mục của năm đăng."},
            {"name": "status", "label": "Trạng thái", "widget": "select", "options": STATUS_OPTIONS,
             "default": "published", "hint": "Bản nháp được lưu nhưng không hiện trên trang cho đến khi chọn "
                                             "“Đã đăng”."},
            string("author", "Tác giả", "Ví dụ: Phương Nhung.", required=False),
            string("category", "Chuyên mục", "Ví dụ: Thi đua – Khen thưởng.", required=False),
            {"name": "tags", "label": "Thẻ", "widget": "list", "required": False,
             "hint": "Các thẻ, cách nhau bằng dấu phẩy, ví dụ: tổng kết thi đua, khen thưởng."},
            {"name": "summary", "label": "Tóm tắt", "widget": "text", "required": False,
             "hint": "Một hai câu giới thiệu bài; bỏ trống thì trang tự lấy đoạn đầu."},
            select("units", "Đơn vị được nói đến", units, required=False, multiple=True,
                   hint="Bài hiện trên trang của các đơn vị này. Chọn trong danh mục đơn vị."),
            # No default: the key is written only when the editor turns it on.
            {"name": "illustrative", "label": "Dữ liệu minh họa", "widget": "boolean", "required": False,
             "hint": "Bật khi số liệu trong bài chỉ để minh họa, không phải số liệu thật; trang sẽ ghi rõ "
                     "“Dữ liệu minh họa”."},
            # An object of the site's (hh-object), so that saving checks both of its fields.
            {"name": "source", "label": "Nguồn bản tin", "widget": "hh-object", "required": False, "collapsed": True,
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
        "widget": "hh-list", "required": False, "collapsed": True, "hh_summary": "recipient",
        "hint": "Tập thể: chỉ chọn đơn vị. Cá nhân: ghi họ tên và chọn đơn vị công tác. Hộ gia đình: ghi tên hộ "
                "và chọn đơn vị (thôn, xã). Số người ghi tên không được nhiều hơn số lượng ở trên.",
        "fields": [
            {**select("unit", "Đơn vị", units, hint="Tập thể được khen, hoặc đơn vị của cá nhân, hộ gia đình. "
                                                    "Thiếu trong danh sách thì thêm ở mục “Danh mục”."),
             "widget": "hh-select", "hh_path": RECIPIENT + ".unit"},
            {**string("name", "Họ tên (cá nhân)", "Bỏ trống nếu là tập thể hoặc hộ gia đình.", required=False),
             "widget": "hh-string", "hh_path": RECIPIENT + ".name"},
            {**string("household", "Hộ gia đình", "Ví dụ: Hộ ông Nguyễn Văn An. Bỏ trống nếu không phải hộ gia "
                                                  "đình.", required=False),
             "widget": "hh-string", "hh_path": RECIPIENT + ".household"},
        ],
    }
    counts = [count(key, label, hint) for key, label, hint in (
        ("collectives", "Số tập thể", "Bỏ trống nếu không có tập thể hoặc đã ghi tên đủ bên dưới."),
        ("individuals", "Số cá nhân", "Bỏ trống nếu không có cá nhân hoặc đã ghi tên đủ bên dưới."),
        ("households", "Số hộ gia đình", "Bỏ trống nếu không có hộ gia đình hoặc đã ghi tên đủ bên dưới."),
        (COMBINED_KEY, "Số tập thể, cá nhân (không tách)",
         "Chỉ điền khi bài nêu chung một số, ví dụ \"64 tập thể, cá nhân\"; khi đó bỏ trống ô số tập thể và ô "
         "số cá nhân."),
    )]
    line = {
        "name": "awards", "label": "Dòng khen thưởng", "label_singular": "dòng khen thưởng",
        "widget": "hh-list", "required": False, "collapsed": True, "hh_summary": "award",
        "hint": "Mỗi dòng: một cấp khen thưởng, một hình thức khen thưởng hoặc danh hiệu, và số lượng được khen.",
        "fields": [
            {**select("by", "Cấp khen thưởng", authority_options(registries),
                      hint="Ai khen thưởng. Thiếu trong danh sách thì thêm ở mục “Danh mục”."),
             "widget": "hh-select", "hh_path": LINE + ".by"},
            {**select("award", "Hình thức khen thưởng, danh hiệu", award_options(registries),
                      hint="Khen thưởng gì. Thiếu trong danh sách thì thêm ở mục “Danh mục”."),
             "widget": "hh-select", "hh_path": LINE + ".award"},
            count("year", "Năm thi đua của dòng này", "Chỉ điền khi khác năm thi đua chung ở trên."),
            *counts,
            recipient,
            string("decision_number", "Số quyết định", "Ví dụ: 125/QĐ-UBND.", required=False),
            {"name": "decision_date", "label": "Ngày quyết định", "widget": "hh-date", "required": False,
             "hh_path": LINE + ".decision_date", "hint": "Ngày/tháng/năm ký quyết định, ví dụ 20/01/2018."},
            {"name": "note", "label": "Ghi chú", "widget": "text", "required": False},
        ],
    }
    return {
        "name": "honours", "label": "Khen thưởng", "widget": "hh-object", "required": False,
        "hint": "Điền khi bài nói về khen thưởng: dữ liệu này thành bảng vinh danh, trang đơn vị và thống kê.",
        "fields": [
            {**count("year", "Năm thi đua", "Bỏ trống nếu là năm của ngày đăng bài."), "hh_path": "honours.year"},
            line,
        ],
    }


def registry_collection(folder: str, registries: Registries) -> dict:
    """The three registries, each one file edited as a list (content/data/*.yml)."""
    units = unit_options(registries)
    unit_fields = [
        *registry_common("units", "Tên (không kèm chữ “xã”, “thị trấn”)"),
        choice("kind", "Loại đơn vị", {k: v.label for k, v in UNIT_KINDS.items()}),
        {**select("parent", "Đơn vị cấp trên", units, "", required=False), "widget": "hh-select",
         "hh_path": "units[{entries}].parent"},
        aliases(),
        {"name": "valid_from", "label": "Ngày bắt đầu tồn tại", "widget": "hh-date", "required": False,
         "hh_path": "units[{entries}].valid_from", "hint": "Chỉ điền với đơn vị mới thành lập, ví dụ 01/07/2022."},
        {"name": "valid_until", "label": "Ngày cuối cùng tồn tại", "widget": "hh-date", "required": False,
         "hh_path": "units[{entries}].valid_until", "hint": "Chỉ điền với đơn vị đã sáp nhập, giải thể."},
        {**select("successor", "Đơn vị kế thừa", units, "Đơn vị mới khi sáp nhập.", required=False),
         "widget": "hh-select", "hh_path": "units[{entries}].successor"},
        {"name": "note", "label": "Ghi chú", "widget": "text", "required": False},
        {**string("act", "Văn bản", "Văn bản quyết định việc thành lập, sáp nhập, ví dụ: Nghị quyết "
                                    "813/NQ-UBTVQH14.", required=False), "widget": "hh-string",
         "hh_path": "units[{entries}].act"},
        {**string("source", "Nguồn", "Địa chỉ web của bản tin công bố văn bản, bắt đầu bằng https://.",
                  required=False), "widget": "hh-string", "hh_path": "units[{entries}].source"},
    ]
    authority_fields = [*registry_common("authorities", "Tên đầy đủ, ví dụ: Chủ tịch UBND huyện"),
                        choice("level", "Cấp", LEVELS), aliases()]
    award_fields = [
        *registry_common("awards", "Tên, ví dụ: Giấy khen"),
        choice("kind", "Loại", AWARD_KINDS),
        {**select("recipients", "Tặng cho", [{"label": v, "value": k} for k, v in RECIPIENT_KINDS.items()],
                  "Những đối tượng được tặng.", multiple=True), "widget": "hh-select",
         "hh_path": "awards[{entries}].recipients"},
        {**count("rank", "Thứ hạng", "1 là cao nhất; các mục ngang nhau có thể cùng hạng."), "required": True,
         "hh_path": "awards[{entries}].rank"},
        aliases(),
    ]
    return {
        "name": "danh-muc", "label": "Danh mục", "label_singular": "danh mục", "format": "hh-registry",
        "extension": "yml", "editor": {"preview": False},
        "description": "Các đơn vị, cấp khen thưởng và hình thức khen thưởng mà bài viết chọn. Mỗi mã chỉ dùng "
                       "một lần; mã đã dùng trong bài thì không đổi.",
        "files": [
            registry_file(folder, "units", "Đơn vị", "đơn vị", unit_fields),
            registry_file(folder, "authorities", "Cấp khen thưởng", "cấp khen thưởng", authority_fields),
            registry_file(folder, "awards", "Hình thức khen thưởng, danh hiệu", "hình thức khen thưởng", award_fields),
        ],
    }


def registry_file(folder: str, name: str, label: str, singular: str, fields: list[dict]) -> dict:
    """One registry file: its header comment, and its entries in a list (inside an object, see decap-widgets.js)."""
    entries = {"name": "entries", "label": label, "label_singular": singular, "widget": "hh-list",
               "required": False, "collapsed": True, "hh_summary": "registry", "fields": fields}
    return {"name": name, "label": label, "file": f"{folder}/{name}.yml", "fields": [
        header(), {"name": "registry", "label": label, "widget": "hh-object", "fields": [entries]}]}


def registry_common(registry: str, name_hint: str) -> list[dict]:
    return [{**string("slug", "Mã", "Chữ thường không dấu, số và dấu gạch nối, ví dụ: xa-hoa-son. Không trùng "
                                     "mã khác."), "widget": "hh-string", "hh_path": registry + "[{entries}].slug"},
            {**string("name", "Tên", name_hint), "widget": "hh-string", "hh_path": registry + "[{entries}].name"}]


def header() -> dict:
    """The comment block at the top of a registry file, kept as it is."""
    return {"name": "header", "label": "Ghi chú đầu tệp", "widget": "hidden", "required": False}


def aliases() -> dict:
    return {"name": "aliases", "label": "Cách viết khác", "widget": "list", "required": False,
            "hint": "Các cách viết khác hay gặp trong bài, cách nhau bằng dấu phẩy."}


def choice(name: str, label: str, labels: dict) -> dict:
    return select(name, label, [{"label": v, "value": k} for k, v in labels.items()], "")


def string(name: str, label: str, hint: str, required: bool = True) -> dict:
    field = {"name": name, "label": label, "widget": "string", "hint": hint}
    return field if required else {**field, "required": False}


def count(name: str, label: str, hint: str) -> dict:
    """An optional whole number, typed as text so that "1.780" is read as Vietnamese writes it."""
    return {"name": name, "label": label, "widget": "hh-count", "required": False, "hint": hint,
            "hh_path": LINE + "." + name}


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
