"""Regenerate the README's screenshots (SVG, 80×24) from the small demo.

    .venv/bin/python docs/screenshots/make.py

Runs the real app headless on a temporary data dir with the demo inspection
and saves what each main screen looks like.
"""

from __future__ import annotations

import asyncio
import tempfile
from pathlib import Path

from screens.app import TenantInspectApp
from screens.dashboard import DashboardScreen
from screens.documents import DocumentReviewScreen
from screens.inspection_setup import SetupScreen
from screens.interviews import InterviewScreen
from tenant_inspect import fieldwork
from tenant_inspect.demo import build_demo
from tenant_inspect.locations import resolve_data_dir
from tenant_inspect.store import open_store

OUT = Path(__file__).parent


async def settle(pilot) -> None:
    for _ in range(3):
        await pilot.app.workers.wait_for_complete()
        pilot.app.finish_saving()
        await pilot.pause()


async def main() -> None:
    with tempfile.TemporaryDirectory() as tmp:
        data_dir = resolve_data_dir(Path(tmp) / "data")
        store = open_store(data_dir)
        inspection_id = build_demo(store, size="small")
        with store.read() as session:
            interviews = fieldwork.interviews(session, inspection_id)
            interview = next((i for i in interviews if i.status == "in_progress"), interviews[0])
            review = fieldwork.document_reviews(session, inspection_id)[1]
        store.close()
        shots = {
            "home": None,
            "dashboard": lambda: DashboardScreen(inspection_id),
            "setup": lambda: SetupScreen(inspection_id),
            "interview": lambda: InterviewScreen(interview.id),
            "document-review": lambda: DocumentReviewScreen(review.id),
        }
        for name, make in shots.items():
            app = TenantInspectApp(data_dir)
            try:
                async with app.run_test(size=(80, 24)) as pilot:
                    await settle(pilot)
                    if make is not None:
                        await app.push_screen(make())
                        await settle(pilot)
                    app.save_screenshot(filename=f"{name}.svg", path=str(OUT))
            finally:
                app.shutdown_store()
            print(f"wrote {OUT / (name + '.svg')}")


if __name__ == "__main__":
    asyncio.run(main())
