"""Shared fixtures: paths, a clean Streamlit cache, and a real server with headless Chromium."""

from __future__ import annotations

import os
import shutil
import socket
import subprocess
import sys
import time
import urllib.request
from collections.abc import Iterator
from pathlib import Path

import pytest
import streamlit as st

ROOT = Path(__file__).resolve().parent.parent
DATA = ROOT / "data"
ENTRY = str(ROOT / "dashboard.py")
CHROMIUM = os.environ.get("CHROMIUM", "/usr/bin/chromium")
BROWSER_FLAGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
]


@pytest.fixture(autouse=True)
def clear_streamlit_caches() -> None:
    """st.cache_* outlives an AppTest; each test starts from a cold cache."""
    st.cache_data.clear()
    st.cache_resource.clear()


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


class Server:
    """`streamlit run dashboard.py` on a free port, its output kept for failure reports."""

    def __init__(self, data: Path = DATA, log: Path | None = None) -> None:
        self.port = free_port()
        self.url = f"http://127.0.0.1:{self.port}"
        self.log_path = log or Path(os.environ.get("TMPDIR", "/tmp")) / f"streamlit-{self.port}.log"
        env = {**os.environ, "DIALOGUE_TRACKER_DATA": str(data)}
        command = [
            sys.executable, "-m", "streamlit", "run", ENTRY,
            "--server.headless", "true", "--server.port", str(self.port),
            "--server.address", "127.0.0.1", "--browser.gatherUsageStats", "false",
            "--server.fileWatcherType", "none",
        ]  # fmt: skip
        self.log = self.log_path.open("w")
        self.process = subprocess.Popen(
            command, cwd=ROOT, env=env, stdout=self.log, stderr=self.log
        )
        self._wait_healthy()

    def _wait_healthy(self, timeout: float = 60) -> None:
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            try:
                with urllib.request.urlopen(f"{self.url}/_stcore/health", timeout=2) as reply:
                    if reply.status == 200:
                        return
            except OSError:
                time.sleep(0.2)
        self.stop()
        raise RuntimeError(f"streamlit did not start:\n{self.output()}")

    def output(self) -> str:
        return self.log_path.read_text(errors="replace")

    def stop(self) -> None:
        self.process.terminate()
        try:
            self.process.wait(timeout=10)
        except subprocess.TimeoutExpired:
            self.process.kill()
        self.log.close()


def require_browser() -> None:
    """Skip browser tests where Chromium is missing, except where they must run (CI)."""
    if shutil.which(CHROMIUM) or Path(CHROMIUM).is_file():
        return
    message = f"Chromium not found at {CHROMIUM}: install Debian's chromium or set CHROMIUM"
    if os.environ.get("DIALOGUE_TRACKER_REQUIRE_BROWSER"):
        pytest.fail(message)
    pytest.skip(message)


@pytest.fixture(scope="session")
def browser():
    require_browser()
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        chromium = playwright.chromium.launch(executable_path=CHROMIUM, args=BROWSER_FLAGS)
        yield chromium
        chromium.close()


@pytest.fixture(scope="session")
def server(browser) -> Iterator[Server]:
    """One server on the curated data, shared by the browser tests that only read."""
    running = Server()
    yield running
    running.stop()


@pytest.fixture(autouse=True)
def _print_server_output_on_failure(request) -> Iterator[None]:
    yield
    report = getattr(request.node, "rep_call", None)
    if report is not None and report.failed and "server" in request.fixturenames:
        print(request.getfixturevalue("server").output()[-5000:])


@pytest.hookimpl(wrapper=True, tryfirst=True)
def pytest_runtest_makereport(item, call):
    report = yield
    setattr(item, f"rep_{report.when}", report)
    return report
