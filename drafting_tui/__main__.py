"""``python -m drafting_tui [TỆP]``."""

import sys

from drafting_tui.main import main

sys.exit(main())
