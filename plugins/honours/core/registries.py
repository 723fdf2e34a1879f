"""The registries editors keep in content/data/: authorities, awards and units."""

from __future__ import annotations

import os
import unicodedata
from dataclasses import dataclass, field
from datetime import date

from .frontmatter import ParseError, load_yaml
from .kinds import COMBINED_KIND, COUNT_KINDS, RECIPIENT_KINDS  # noqa: F401 - where the model reads them
from .personal_data import find_personal_data
from .problems import Problem, display_path
from .validation import Checker, show
from .vietnamese import capitalize_first, sort_key

# Levels of government, highest first, with their Vietnamese labels.
LEVELS = {
    "central": "Trung ương",
    "province": "Cấp tỉnh",
    "district": "Cấp huyện",
    "commune": "Cấp xã",
    "other": "Cấp khác",  # enterprises, armed forces
}
AWARD_KINDS = {"form": "hình thức khen thưởng", "title": "danh hiệu thi đua"}


@dataclass(frozen=True)
class UnitKind:
    """A kind of unit: its heading on the units index and its name prefix."""

    label: str
    prefix: str = ""


# In the order the units index shows them.
UNIT_KINDS = {
    "huyen": UnitKind("Huyện", "huyện"),
    "thi-tran": UnitKind("Thị trấn", "thị trấn"),
    "phuong": UnitKind("Phường", "phường"),
    "xa": UnitKind("Xã", "xã"),
    "co-quan": UnitKind("Cơ quan"),
    "doan-the": UnitKind("Đoàn thể"),
    "truong-hoc": UnitKind("Trường học"),
    "y-te": UnitKind("Cơ sở y tế"),
    "doanh-nghiep": UnitKind("Doanh nghiệp, hợp tác xã"),
    "thon": UnitKind("Thôn, tổ dân phố"),
    "khac": UnitKind("Đơn vị khác"),
}

AUTHORITY_FILE, AWARD_FILE, UNIT_FILE = "authorities.yml", "awards.yml", "units.yml"


@dataclass(frozen=True)
class Authority:
    """Who confers awards (Thủ tướng Chính phủ, Chủ tịch UBND tỉnh, …)."""

    slug: str
    name: str
    level: str
    aliases: tuple[str, ...] = ()


@dataclass(frozen=True)
class Award:
    """A form of commendation or an emulation title."""

    slug: str
    name: str
    kind: str
    recipients: tuple[str, ...]
    rank: int
    aliases: tuple[str, ...] = ()

    @property
    def kind_label(self) -> str:
        return AWARD_KINDS[self.kind]

    @property
    def order(self) -> tuple:
        """Sort key: higher honour (lower rank) first, then by name."""
        return (self.rank, sort_key(self.name), self.slug)


@dataclass(frozen=True)
class Unit:
    """A commune, town, agency, school or other body that people belong to."""

    slug: str
    name: str
    kind: str
    parent: str | None = None
    aliases: tuple[str, ...] = ()
    valid_from: date | None = None
    valid_until: date | None = None
    successor: str | None = None
    note: str | None = None
    act: str | None = None  # the legal act that created, merged or renamed it
    source: str | None = None  # web address of a public report of that act

    @property
    def full_name(self) -> str:
        """Name with its administrative prefix, as written mid-sentence."""
        prefix = UNIT_KINDS[self.kind].prefix
        return f"{prefix} {self.name}" if prefix else self.name

    @property
    def title(self) -> str:
        """Name as written at the start of a heading."""
        return capitalize_first(self.full_name)

    @property
    def kind_label(self) -> str:
        return UNIT_KINDS[self.kind].label

    @property
    def order(self) -> tuple:
        """Sort key within a kind: Vietnamese alphabetical order of the name."""
        return (sort_key(self.name), self.slug)

    def exists_in(self, year: int) -> bool:
        """Whether the unit existed at some time during the year."""
        starts_late = self.valid_from is not None and self.valid_from.year > year
        ended = self.valid_until is not None and self.valid_until.year < year
        return not (starts_late or ended)


@dataclass(frozen=True)
class Registries:
    """All three registries, keyed by slug."""

    authorities: dict[str, Authority] = field(default_factory=dict)
    awards: dict[str, Award] = field(default_factory=dict)
    units: dict[str, Unit] = field(default_factory=dict)

    def units_in_order(self) -> list[Unit]:
        """Every unit, grouped by kind in index order, alphabetical inside."""
        kinds = list(UNIT_KINDS)
        return sorted(self.units.values(), key=lambda u: (kinds.index(u.kind), u.order))


def load_registries(data_dir: str, personal_data_allowed: tuple[str, ...] = ()) -> tuple[Registries, list[Problem]]:
    """Read the three registry files; return them with every problem found.

    Every text is published (unit pages, open data), so each is also checked for
    personal data; `personal_data_allowed` lists the texts allowed anyway.
    """
    problems: list[Problem] = []
    files = ((AUTHORITY_FILE, "authorities", _parse_authority), (AWARD_FILE, "awards", _parse_award),
             (UNIT_FILE, "units", _parse_unit))
    authorities, awards, units = (_load(data_dir, filename, prefix, parse, problems, personal_data_allowed)
                                  for filename, prefix, parse in files)
    return Registries(authorities, awards, units), problems


def _load(data_dir, filename, prefix, parse_entry, problems, personal_data_allowed=()) -> dict:
    """Read one registry file into a dict by slug, reporting duplicates."""
    path = os.path.join(data_dir, filename)
    shown = display_path(path)
    try:
        with open(path, "rb") as handle:
            document = load_yaml(_utf8_text(handle.read()))
    except FileNotFoundError:
        hint = f"tạo tệp {filename} trong {display_path(data_dir)}"
        problems.append(Problem(shown, 0, "", "thiếu tệp danh mục", hint))
        return {}
    except OSError as error:
        problems.append(Problem(shown, 0, "", f"không đọc được tệp ({error.strerror})", "kiểm tra quyền đọc của tệp"))
        return {}
    except ParseError as error:
        problems.append(Problem(shown, error.line, "", error.message, error.hint))
        return {}
    check = Checker(shown, document.line_of, prefix)
    check.duplicate_keys(document.duplicate_keys)
    find_personal_data(check, document.data, (), personal_data_allowed)
    entries = check.sequence(document.data, (), "danh mục") or []
    records: dict = {}
    for index, raw in enumerate(entries):
        entry = check.mapping(raw, (index,), "mỗi mục")
        if entry is None:
            continue
        record = parse_entry(check, entry, (index,))
        if record is None:
            continue
        if record.slug in records:
            check.error((index, "slug"), f"mã {show(record.slug)} đã được dùng cho '{records[record.slug].name}'",
                        "mỗi mã chỉ dùng một lần; đặt mã khác, ví dụ thêm chữ phân biệt")
            continue
        records[record.slug] = record
    if prefix == "units":
        _check_unit_links(check, records, entries)
    _check_aliases(check, records, entries)
    problems.extend(check.problems)
    return records


def _utf8_text(raw: bytes) -> str:
    """The text of a registry file, or ParseError at the line of the first byte that is not UTF-8."""
    try:
        return raw.decode("utf-8-sig")
    except UnicodeDecodeError as error:
        line = raw[: error.start].count(b"\n") + 1
        raise ParseError(line, "tệp không phải văn bản UTF-8 (có thể lưu bằng bảng mã cũ như TCVN3, VNI)",
                         "mở tệp bằng trình soạn thảo và lưu lại với bảng mã UTF-8 (Unicode)") from None


# The longest name and note a registry entry may have: a unit's full name is under 200 characters.
NAME_LIMIT, NOTE_LIMIT = 200, 2000


def _parse_authority(check: Checker, entry: dict, path: tuple) -> Authority | None:
    check.unknown_keys(entry, ("slug", "name", "level", "aliases"), path)
    slug = check.slug(entry, "slug", path)
    name = check.text(entry, "name", path, max_length=NAME_LIMIT)
    level = _choice(check, entry, "level", path, LEVELS, "cấp")
    aliases = check.text_list(entry, "aliases", path, max_length=NAME_LIMIT)
    if None in (slug, name, level):
        return None
    return Authority(slug, name, level, aliases)


def _parse_award(check: Checker, entry: dict, path: tuple) -> Award | None:
    check.unknown_keys(entry, ("slug", "name", "kind", "recipients", "rank", "aliases"), path)
    slug = check.slug(entry, "slug", path)
    name = check.text(entry, "name", path, max_length=NAME_LIMIT)
    kind = _choice(check, entry, "kind", path, AWARD_KINDS, "loại")
    rank = check.integer(entry, "rank", path, minimum=1)
    if rank is None and "rank" not in entry:
        check.error((*path, "rank"), "thiếu thứ hạng", "thêm 'rank: …' (1 là cao nhất)")
    recipients = check.text_list(entry, "recipients", path)
    if not recipients:
        check.error((*path, "recipients"), "thiếu đối tượng được tặng",
                    "ghi ít nhất một trong: " + ", ".join(RECIPIENT_KINDS))
    for index, kind_name in enumerate(recipients):
        if kind_name not in RECIPIENT_KINDS:
            check.error((*path, "recipients", index), f"đối tượng {show(kind_name)} không hợp lệ",
                        "chỉ dùng: " + ", ".join(RECIPIENT_KINDS))
    aliases = check.text_list(entry, "aliases", path, max_length=NAME_LIMIT)
    if None in (slug, name, kind, rank) or not recipients or not set(recipients) <= set(RECIPIENT_KINDS):
        return None
    ordered = tuple(k for k in RECIPIENT_KINDS if k in recipients)
    return Award(slug, name, kind, ordered, rank, aliases)


def _parse_unit(check: Checker, entry: dict, path: tuple) -> Unit | None:
    keys = ("slug", "name", "kind", "parent", "aliases", "valid_from", "valid_until", "successor", "note", "act",
            "source")
    check.unknown_keys(entry, keys, path)
    slug = check.slug(entry, "slug", path)
    name = check.text(entry, "name", path, max_length=NAME_LIMIT)
    kind = _choice(check, entry, "kind", path, UNIT_KINDS, "loại đơn vị")
    parent = check.slug(entry, "parent", path, what="mã đơn vị cấp trên", required=False)
    successor = check.slug(entry, "successor", path, what="mã đơn vị kế thừa", required=False)
    valid_from = check.day(entry, "valid_from", path)
    valid_until = check.day(entry, "valid_until", path)
    note = check.text(entry, "note", path, required=False, max_length=NOTE_LIMIT)
    act = check.text(entry, "act", path, required=False, max_length=NOTE_LIMIT)
    source = check.text(entry, "source", path, required=False, max_length=NOTE_LIMIT)
    if source and not source.startswith(("https://", "http://")):
        check.error((*path, "source"), "nguồn phải là địa chỉ web", "chép nguyên địa chỉ bắt đầu bằng https://")
    aliases = check.text_list(entry, "aliases", path, max_length=NAME_LIMIT)
    if valid_from and valid_until and valid_from > valid_until:
        check.error((*path, "valid_until"), "ngày kết thúc trước ngày bắt đầu", "sửa lại valid_from hoặc valid_until")
    if successor and not valid_until:
        check.error((*path, "successor"), "có đơn vị kế thừa nhưng không có ngày kết thúc",
                    "thêm 'valid_until: …' (ngày cuối cùng đơn vị còn tồn tại)")
    if None in (slug, name, kind):
        return None
    return Unit(slug, name, kind, parent, aliases, valid_from, valid_until, successor, note, act, source)


def _choice(check: Checker, entry: dict, key: str, path: tuple, choices: dict, what: str) -> str | None:
    """Return a value that must be one of the keys of choices."""
    value = entry.get(key)
    if value is None:
        check.error((*path, key), f"thiếu {what}", "chọn một trong: " + ", ".join(choices))
        return None
    if not isinstance(value, str) or value not in choices:  # a list or mapping cannot even be looked up
        check.error((*path, key), f"{what} {show(value)} không hợp lệ", "chọn một trong: " + ", ".join(choices))
        return None
    return value


def _entry_of_slug(entries: list) -> dict[str, int]:
    """The position of the entry that defines each slug (the first one, as the loader keeps it)."""
    found: dict[str, int] = {}
    for index, entry in enumerate(entries):
        if isinstance(entry, dict) and isinstance(entry.get("slug"), str):
            found.setdefault(entry["slug"], index)
    return found


def _check_unit_links(check: Checker, units: dict, entries: list) -> None:
    """Parents and successors must exist, and parents must not loop."""
    index_of = _entry_of_slug(entries)
    for unit in units.values():
        where = (index_of.get(unit.slug, 0),)
        for key, target in (("parent", unit.parent), ("successor", unit.successor)):
            if target is not None and target not in units:
                check.slug_value(target, (*where, key), units, "mã đơn vị")
        if unit.successor == unit.slug:
            check.error((*where, "successor"), "đơn vị không thể kế thừa chính nó",
                        "ghi mã của đơn vị mới mà đơn vị này sáp nhập vào")
        elif unit.successor in units and units[unit.successor].successor == unit.slug:
            check.error((*where, "successor"), f"'{unit.successor}' và '{unit.slug}' kế thừa lẫn nhau",
                        "chỉ đơn vị cũ ghi 'successor'; đơn vị mới không ghi")
        seen, current = {unit.slug}, unit.parent
        while current in units:
            if current in seen:
                check.error((*where, "parent"), "đơn vị cấp trên tạo thành vòng lặp", "sửa lại 'parent'")
                break
            seen.add(current)
            current = units[current].parent


def _check_aliases(check: Checker, records: dict, entries: list) -> None:
    """A name or alias must point at one record only (compared case-blind)."""
    index_of = _entry_of_slug(entries)
    owner: dict[str, str] = {}
    for record in records.values():
        # Units of different kinds may share a name (xã and thị trấn Bắc Lý).
        names = [record.full_name if isinstance(record, Unit) else record.name, *record.aliases]
        for name in dict.fromkeys(unicodedata.normalize("NFC", n).casefold() for n in names):
            other = owner.setdefault(name, record.slug)
            if other != record.slug:
                check.error((index_of.get(record.slug, 0), "aliases"),
                            f"tên '{name}' trùng với tên hoặc tên khác của '{other}'",
                            "mỗi tên chỉ chỉ về một mục; bỏ tên trùng")
