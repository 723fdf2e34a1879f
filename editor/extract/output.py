"""The extractor's proposals as JSON, or as a YAML block to paste under an article's `honours:`."""

from __future__ import annotations

import json
from collections.abc import Iterable

from .items import CONFERRED, COUNT_FIELDS, COUNT_KINDS, Proposal
from .vocabulary import REASONS

AUTHORITIES_FILE, AWARDS_FILE = "content/data/authorities.yml", "content/data/awards.yml"
JSON_KEYS = ("by", "by_text", "award", "collectives", "individuals", "households", "collectives_or_individuals",
             "status", "reason", "text")


def to_json(proposals: Iterable[Proposal]) -> str:
    """Return the proposals as a JSON array of objects, keys in a fixed order."""
    return json.dumps([{key: getattr(p, key) for key in JSON_KEYS} for p in proposals], ensure_ascii=False, indent=2)


def why_left_out(proposal: Proposal) -> str:
    """The reason a line is a suggestion rather than a live line, in Vietnamese."""
    if proposal.status != CONFERRED:
        return proposal.reason or REASONS.get(proposal.status, REASONS["total"])
    missing = [what for what, value in (("cấp khen thưởng (by)", proposal.by),
                                        ("hình thức khen thưởng (award)", proposal.award)) if not value]
    return "chưa rõ " + " và ".join(missing) + "; điền vào rồi bỏ dấu # nếu cần"


def to_yaml(proposals: Iterable[Proposal], year: int | None) -> str:
    """Return a front-matter `honours:` block of the conferred proposals.

    Lines that are not conferred, or whose authority or award is unknown, are
    written as comments with the reason, so the editor sees them but pasting
    the block adds nothing unchecked. Removing the "# " of a suggested line
    gives valid YAML in place.
    """
    proposals = list(proposals)
    lines = ["honours:"]
    lines.append(f"  year: {year}" if year else "  # year: năm thi đua (bỏ trống thì lấy năm đăng bài)")
    ready = [p for p in proposals if p.status == CONFERRED and p.by and p.award]
    if ready:
        lines.append("  awards:")
    else:
        lines.append("  awards: []")
        if proposals:
            lines.append("  # Muốn dùng một dòng gợi ý dưới đây: xóa \"[]\" ở dòng trên rồi bỏ dấu # đầu các dòng đó.")
    heading = None  # the comment above left-out lines, written once for lines of one sentence
    for proposal in proposals:
        if proposal in ready:
            lines += ["    " + line for line in item_lines(proposal)]
            heading = None
            continue
        why = why_left_out(proposal)
        if (why, proposal.text) != heading:
            lines.append(f"    # Không đưa vào — {why}: «{_one_line(proposal.text)}»")
            heading = (why, proposal.text)
        lines += ["    # " + line for line in item_lines(proposal)]
    return "\n".join(lines) + "\n"


def item_lines(proposal: Proposal) -> list[str]:
    """The YAML lines of one award line; an unknown authority or award is left empty for the editor."""
    if proposal.by:
        by = proposal.by
    elif proposal.by_text:
        by = (f"  # «{proposal.by_text}» chưa có trong danh mục: chọn một cấp có sẵn, hoặc thêm cấp này vào "
              f"{AUTHORITIES_FILE}")
    else:
        by = f"  # chọn cấp khen thưởng trong {AUTHORITIES_FILE}"
    award = proposal.award or f"  # chọn hình thức khen thưởng trong {AWARDS_FILE}"
    lines = [f"- by: {by}", f"  award: {award}"]
    lines += [f"  {COUNT_FIELDS[kind]}: {proposal.count(kind)}" for kind in COUNT_KINDS if proposal.count(kind)]
    return lines


def _one_line(text: str) -> str:
    return " ".join(text.split())
