"""``python -m itures``."""

import sys

from itures.cli import main

sys.exit(main())
