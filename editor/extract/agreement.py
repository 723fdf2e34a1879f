"""Whether an article's prose and its award data agree: the warnings of `invoke check`."""

from __future__ import annotations

from honours.core.kinds import COUNT_KINDS as KIND_LABELS
from honours.core.registries import Registries

from .extractor import extract
from .items import CONFERRED, COUNT_FIELDS, COUNT_KINDS


def _recorded(line, kind: str) -> int:
    # Award lines written before a count field existed simply do not have it.
    return getattr(line, COUNT_FIELDS[kind], 0) or 0


def compare(text: str, lines, registries: Registries) -> list[str]:
    """Return warnings (in Vietnamese) where the prose and the award lines disagree, only where it is sure.

    `lines` are the article's `model.AwardLine`s. Two cases are sure enough to
    warn: the prose states conferred awards and the article has no award data
    at all; or the prose and the data name the same authority and award with
    different counts. Totals over the whole article are not compared: they mix
    lines the prose states plainly with lines an editor reads differently (a
    year's tally in a year-end report, a figure the text does not split).
    """
    conferred = [p for p in extract(text, registries) if p.status == CONFERRED]
    if not conferred:
        return []
    if not lines:
        stated = ", ".join(f"{sum(p.count(kind) for p in conferred)} {KIND_LABELS[kind]}" for kind in COUNT_KINDS
                           if any(p.count(kind) for p in conferred))
        return [f"bài viết nêu khen thưởng đã trao ({stated}) nhưng bài chưa có dữ liệu khen thưởng (honours)"]
    warnings = []
    stated = _by_pair(((p.by, p.award, p) for p in conferred if p.by and p.award), lambda p, k: p.count(k))
    recorded = _by_pair(((line.authority.slug, line.award.slug, line) for line in lines), _recorded)
    for pair in sorted(stated.keys() & recorded.keys()):
        for kind in COUNT_KINDS:
            prose, data = stated[pair][kind], recorded[pair][kind]
            if prose != data:
                label = KIND_LABELS[kind]
                authority, award = registries.authorities[pair[0]], registries.awards[pair[1]]
                warnings.append(f"'{award.name}' của {authority.name}: bài viết nêu {prose} {label}, "
                                f"nhưng dữ liệu khen thưởng (honours) ghi {data} {label}")
    return warnings


def _by_pair(rows, count) -> dict[tuple[str, str], dict[str, int]]:
    """Sum counts per (authority, award) pair."""
    out: dict[tuple[str, str], dict[str, int]] = {}
    for by, award, row in rows:
        sums = out.setdefault((by, award), dict.fromkeys(COUNT_KINDS, 0))
        for kind in COUNT_KINDS:
            sums[kind] += count(row, kind)
    return out
