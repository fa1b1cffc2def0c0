"""Helpers for Pilot tests: a real app on a temporary data dir, and a way to let it settle.

``settle`` waits for what the app has in flight — thread workers, then the
autosave writer (flushed, so nothing waits for its debounce), then the UI
callbacks those posted — instead of betting on a number of pauses.
"""

from __future__ import annotations

import pytest

from screens.app import TenantInspectApp
from tests.support.settling import settle as _settle


@pytest.fixture
def settle():
    """``await settle(pilot)``: let workers, autosaves and their callbacks finish."""
    return _settle


@pytest.fixture
def make_app(data_dir):
    """Build apps on the test's data dir; their stores are closed at the end."""
    made: list[TenantInspectApp] = []

    def factory() -> TenantInspectApp:
        app = TenantInspectApp(data_dir)
        made.append(app)
        return app

    yield factory
    for app in made:
        app.shutdown_store()
