"""The counts of an award line: as stated, or as many as are named; a count for two kinds together."""

from __future__ import annotations

from .kinds import COMBINED_KEY, COMBINED_KIND, COUNT_KEYS, RECIPIENT_KINDS
from .registries import Award

# Every count a line or a total carries, by kind (registries.COUNT_KINDS labels them).
TOTAL_KEYS = {**COUNT_KEYS, COMBINED_KIND: COMBINED_KEY}


def final_counts(check, path, award_record: Award, counts: dict, combined: int | None, recipients) -> dict:
    """The count of each recipient kind: as stated, or the number named when not stated.

    With a combined count ("64 tập thể, cá nhân") the named collectives and
    individuals are part of it, so their own counts stay 0.
    """
    named = {kind: sum(1 for r in recipients if r.kind == kind) for kind in COUNT_KEYS}
    if combined is not None:
        _check_combined(check, path, award_record, counts, combined, named)
        named = {**named, "collective": 0, "individual": 0}
    final = {}
    for kind, key in COUNT_KEYS.items():
        stated = counts[kind]
        final[kind] = named[kind] if stated is None else stated
        if stated is not None and named[kind] > stated:
            check.error((*path, "recipients"),
                        f"nêu tên {named[kind]} {RECIPIENT_KINDS[kind]} nhưng '{key}' chỉ là {stated}",
                        f"tăng '{key}' lên ít nhất {named[kind]} hoặc bớt người được nêu tên")
        if final[kind] and kind not in award_record.recipients:
            allowed = ", ".join(RECIPIENT_KINDS[k] for k in award_record.recipients)
            check.error((*path, key), f"'{award_record.name}' không tặng cho {RECIPIENT_KINDS[kind]}",
                        f"chỉ tặng cho: {allowed}; kiểm tra lại hình thức khen thưởng hoặc số lượng")
    return final


def _check_combined(check, path, award_record: Award, counts: dict, combined: int, named: dict) -> None:
    """A count for collectives and individuals together: only for awards given to both, never beside split counts."""
    where = (*path, COMBINED_KEY)
    if not {"collective", "individual"} <= set(award_record.recipients):
        allowed = ", ".join(RECIPIENT_KINDS[k] for k in award_record.recipients)
        check.error(where, f"'{award_record.name}' chỉ tặng cho {allowed}, không tặng chung cho tập thể và cá nhân",
                    "ghi số vào khóa của đúng đối tượng (collectives, individuals hoặc households)")
    split = [COUNT_KEYS[kind] for kind in ("collective", "individual") if counts[kind] is not None]
    if split:
        check.error(where, f"đã ghi riêng '{split[0]}' nên không ghi thêm số chung cho tập thể và cá nhân",
                    "bài tách riêng được thì chỉ ghi collectives và individuals; bài chỉ nêu một số chung "
                    "(\"64 tập thể, cá nhân\") thì chỉ ghi collectives_or_individuals")
    named_both = named["collective"] + named["individual"]
    if named_both > combined:
        check.error((*path, "recipients"),
                    f"nêu tên {named_both} tập thể, cá nhân nhưng '{COMBINED_KEY}' chỉ là {combined}",
                    f"tăng '{COMBINED_KEY}' lên ít nhất {named_both} hoặc bớt người được nêu tên")
