"""``python -m copydesk``: the same as the ``copydesk`` command."""

from __future__ import annotations

import sys

from copydesk.cli import main

sys.exit(main())
