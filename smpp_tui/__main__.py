"""`python -m smpp_tui` runs the same entry point as the `smpp-tui` command."""

import sys

from smpp_tui.cli import main

sys.exit(main())
