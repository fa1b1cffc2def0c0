"""Set-up of one inspection: details, report texts, areas and team (route "setup").

:mod:`.screen` holds the screen and its keys, :mod:`.details` the fields saved as they are
typed, :mod:`.lists` the areas and the team.
"""

from .details import check_field
from .screen import SetupScreen

__all__ = ["SetupScreen", "check_field"]
