"""`python -m devtools.corpus`: the corpus command line."""

import sys

from .build import main

sys.exit(main())
