"""``python -m tenant_inspect`` does what the ``tenant-inspect`` command does."""

import sys

from .cli import main

sys.exit(main())
