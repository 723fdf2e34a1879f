"""Write a deterministic synthetic content folder for benchmarks and scale tests.

`write_corpus` fills an empty folder with a copy of the real registries and
any number of invented news articles whose award data passes the site's own
checks: slugs that exist, recipient kinds each award allows, emulation years
no later than publication, units that existed in the emulation year, named
recipients within their counts. The same arguments always give byte-identical
files: every random choice comes from one seeded `random.Random`, every
collection is walked in a fixed order, and no clock is read.

Every person named in the output is invented: names are drawn from common
Vietnamese family, middle and given names. Every article carries
`illustrative: true`.

Modules: `shape` (folders, years, limits), `names` and `prose` (vocabulary),
`themes` (kinds of article), `planner` (award lines and recipients),
`writer` (Markdown and YAML text, through `yamltext`), `build` (the folder
and the command line).
"""

from .build import main, write_corpus
from .names import FAMILY_NAMES, FEMALE_GIVEN, MALE_GIVEN, MALE_MIDDLE
from .planner import apportion
from .shape import MAX_NAMED_PER_ARTICLE, CorpusStats
from .yamltext import yaml_flow_list, yaml_str

__all__ = [
    "FAMILY_NAMES", "FEMALE_GIVEN", "MALE_GIVEN", "MALE_MIDDLE", "MAX_NAMED_PER_ARTICLE", "CorpusStats",
    "apportion", "main", "write_corpus", "yaml_flow_list", "yaml_str",
]  # fmt: skip
