"""tenant-inspect core: data model, store, questionnaires, services, reports.

Nothing in this package imports Textual (a test enforces it); the TUI lives in
the ``screens`` package and is loaded lazily by the CLI.
"""

__version__ = "0.1.0"
