"""The inspection report: an outline built from the data, rendered as Word or Markdown.

* :mod:`.model` — the report as plain frozen dataclasses (and the data snapshot it
  is built from); :mod:`.snapshot` reads that snapshot from the database;
* :mod:`.outline` — builds the report from a snapshot (one ``outline_*`` module per part);
* :mod:`.redact` — interviewee names out of every string, internal items out of
  public reports;
* :mod:`.docx` (with its ``docx_*`` parts), :mod:`.markdown` — the renderers; :mod:`.layout` estimates pages
  for the pre-filled contents;
* :mod:`.export` — :func:`render_report`, the entry point for the CLI and the TUI.

Importing this package is cheap: python-docx and SQLModel load only when a report
is made.
"""

from __future__ import annotations

from .export import ReportResult, render_report, report_format
from .model import ProgressCallback

__all__ = ["ProgressCallback", "ReportResult", "render_report", "report_format"]
