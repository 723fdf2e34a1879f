"""`python -m editor.extract <file>`."""

import sys

from .cli import main

sys.exit(main())
