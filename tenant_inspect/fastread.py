"""Kept only so ``screens/home.py`` keeps working until it asks the app instead.

The plain-sqlite3 inspections list moved to
:mod:`tenant_inspect.storage.sqlite.fastread`; screens should call
``AppServices.quick_summaries()`` (or :func:`tenant_inspect.store.quick_summaries`
with a data folder), which does not tie them to SQLite. Delete this module once
nothing imports it.
"""

from __future__ import annotations

from .storage.sqlite.fastread import quick_summaries as quick_summaries
