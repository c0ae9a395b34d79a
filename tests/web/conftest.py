"""Browser tests: the explorer served by a real uvicorn over the corpus, driven in the
system's headless Chromium by Playwright (the Python package; no browser is downloaded).

Skipped with the reason "requires Chromium" when ``/usr/bin/chromium`` is absent.  Every
test gets a fresh profile; requests to any host but the server are aborted and recorded,
console errors and page errors recorded, so a test can assert there were none.  With
``POLICYKG_SCREENSHOTS=DIR`` set, the README's screenshots are also written to DIR
(``POLICYKG_SCREENSHOTS=docs/screenshots make unit`` makes the committed ones).
"""

from __future__ import annotations

import os
import threading
import time
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING
from urllib.parse import urlsplit

import pytest
import uvicorn

from policykg.api.app import create_app
from policykg.core.settings import get_settings
from policykg.queries.falkordb_store import FalkorDBStore
from tests.api.conftest import Borrowed, shared_corpus_falkordb
from tests.ports import free_port

if TYPE_CHECKING:
    from playwright.sync_api import Page, Playwright

__all__ = ["shared_corpus_falkordb"]

CHROMIUM = Path("/usr/bin/chromium")
FLAGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
         "--disable-background-networking", "--disable-component-update", "--disable-sync"]

@pytest.fixture(scope="session")
def server_url(shared_corpus_falkordb: FalkorDBStore) -> Iterator[str]:
    """The app over the session's corpus graph (read-only), served on a free port."""
    if not CHROMIUM.exists():
        pytest.skip("requires Chromium")
    get_settings.cache_clear()
    app = create_app(lambda: Borrowed(shared_corpus_falkordb, read_only=True))
    port = free_port()
    server = uvicorn.Server(uvicorn.Config(app, host="127.0.0.1", port=port,
                                           log_level="warning", lifespan="on"))
    thread = threading.Thread(target=server.run, daemon=True)
    thread.start()
    deadline = time.monotonic() + 30
    while not server.started:
        assert thread.is_alive() and time.monotonic() < deadline, "uvicorn did not start"
        time.sleep(0.05)
    yield f"http://127.0.0.1:{port}"
    server.should_exit = True
    thread.join(timeout=10)


@pytest.fixture(scope="session")
def playwright_driver() -> Iterator[Playwright]:
    if not CHROMIUM.exists():
        pytest.skip("requires Chromium")
    from playwright.sync_api import sync_playwright

    with sync_playwright() as driver:
        yield driver


@dataclass
class Browser:
    """One test's page, what it asked of the network and what went wrong in it."""

    page: Page
    base: str
    shots: Path
    requests: list[str] = field(default_factory=list)
    blocked: list[str] = field(default_factory=list)
    errors: list[str] = field(default_factory=list)
    failed: dict[str, str] = field(default_factory=dict)  # url → why it failed

    def open(self, path: str) -> Page:
        self.page.goto(self.base + path)
        self.page.wait_for_selector("body[data-loaded=true]", timeout=30_000)
        return self.page

    def screenshot(self, name: str, *, readme: bool = False) -> Path:
        """The whole page, under the test's temporary folder; with ``readme``, and
        ``POLICYKG_SCREENSHOTS`` set, also the visible part, to that folder."""
        path = self.shots / f"{name}.png"
        self.page.screenshot(path=str(path), full_page=True)
        copy_to = os.environ.get("POLICYKG_SCREENSHOTS")
        if readme and copy_to:
            Path(copy_to).mkdir(parents=True, exist_ok=True)
            self.page.screenshot(path=str(Path(copy_to) / path.name))
        return path

    def foreign_requests(self) -> list[str]:
        """Requests to anything but the server (data: and blob: URLs are the page's own)."""
        own = urlsplit(self.base).netloc
        return [u for u in self.requests
                if urlsplit(u).scheme not in ("data", "blob") and urlsplit(u).netloc != own]


@pytest.fixture
def browser(playwright_driver: Playwright, server_url: str,
            tmp_path: Path) -> Iterator[Browser]:
    context = playwright_driver.chromium.launch_persistent_context(
        str(tmp_path / "profile"), executable_path=str(CHROMIUM), headless=True,
        args=FLAGS, viewport={"width": 1280, "height": 900}, locale="vi-VN")
    page = context.pages[0] if context.pages else context.new_page()
    shots = tmp_path / "screenshots"
    shots.mkdir()
    session = Browser(page=page, base=server_url, shots=shots)
    own = urlsplit(server_url).netloc

    def guard(route: object) -> None:
        from playwright.sync_api import Route

        assert isinstance(route, Route)
        if urlsplit(route.request.url).netloc == own:
            route.continue_()
        else:
            session.blocked.append(route.request.url)
            route.abort()

    context.route("**/*", guard)
    page.on("request", lambda r: session.requests.append(r.url))
    page.on("requestfailed", lambda r: session.failed.__setitem__(r.url, r.failure or ""))
    page.on("console", lambda m: session.errors.append(f"console: {m.text}")
            if m.type == "error" else None)
    page.on("pageerror", lambda e: session.errors.append(f"page error: {e}"))
    try:
        yield session
    finally:
        context.close()
