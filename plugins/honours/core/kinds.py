"""The kinds of recipient: their keys, the award-line count of each, and their Vietnamese names.

Defined here only; the model, the registries, the counts, the pages, the
corpus and the Vietnamese formatting all read them from here. Depends on nothing.
"""

from __future__ import annotations

# Kind -> how the reader reads it, in the order the site lists counts.
RECIPIENT_KINDS = {"collective": "tập thể", "individual": "cá nhân", "household": "hộ gia đình"}
# Kind -> the key of its count in an award line.
COUNT_KEYS = {"collective": "collectives", "individual": "individuals", "household": "households"}
# A count stated for collectives and individuals together ("64 tập thể, cá nhân"): a column of its own
# beside the recipient kinds wherever counts are shown, never split by guesswork.
COMBINED_KIND = "collective_or_individual"
COMBINED_KEY = "collectives_or_individuals"
COUNT_KINDS = {**RECIPIENT_KINDS, COMBINED_KIND: "tập thể, cá nhân (không tách)"}
