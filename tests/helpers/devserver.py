"""The app served on a free loopback port, as the tests and the benchmark start it."""

from __future__ import annotations

import contextlib
import os
import socket
import subprocess
import sys
import tempfile
import time
import urllib.request
from pathlib import Path

from dialogue_tracker.paths import DATA, DATA_ENV, PROJECT

STREAMLIT = Path(sys.executable).parent / "streamlit"
ENTRY = str(PROJECT / "dashboard.py")
CHROMIUM = os.environ.get("CHROMIUM", "/usr/bin/chromium")
# Debian's Chromium as root, offline: no sandbox, no GPU, no calls home.
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
]


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


class LocalServer:
    """`streamlit run APP` on a loopback port, headless, usage statistics off, its output kept
    in `log` for failure reports. Streamlit's file watcher is as the project's config sets it
    (off) unless `watcher` names one; the app learns of data changes from file events unless it
    is "poll", when it compares the files' modification times.
    A deployment check runs another environment's `streamlit` from another folder, as another
    `user`, with that deployment's own `options` (port and address are always this server's)."""

    def __init__(
        self,
        app: Path,
        log: Path,
        data: Path | None = None,
        env: dict | None = None,
        watcher: str | None = None,
        *,
        streamlit: Path = STREAMLIT,
        cwd: Path = PROJECT,
        user: int | None = None,
        options: dict[str, str] | None = None,
    ) -> None:
        self.watcher = watcher
        self.extra_options = options or {}
        self.port = free_port()
        self.url = f"http://127.0.0.1:{self.port}"
        env = {**os.environ, "PYTHONUNBUFFERED": "1", **(env or {})}
        if data is not None:
            env[DATA_ENV] = str(data)
        self.log = log
        self.log_file = log.open("w")
        self.process = subprocess.Popen(
            [str(streamlit), "run", str(app), *self.options()],
            cwd=cwd,
            env=env,
            user=user,
            group=user,
            stdout=self.log_file,
            stderr=subprocess.STDOUT,
        )
        self._wait_healthy()

    def options(self) -> list[str]:
        options = {
            **self.extra_options,
            "server.headless": "true",
            "server.port": str(self.port),
            "server.address": "127.0.0.1",
            "browser.gatherUsageStats": "false",
        }
        if self.watcher:
            options["server.fileWatcherType"] = self.watcher
        return [part for name, value in options.items() for part in (f"--{name}", value)]

    def _wait_healthy(self, timeout: float = 60) -> None:
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            if self.process.poll() is not None:
                raise RuntimeError(f"streamlit exited early:\n{self.output()}")
            health = f"{self.url}/_stcore/health"
            with contextlib.suppress(OSError), urllib.request.urlopen(health, timeout=2) as answer:
                if answer.status == 200:
                    return
            time.sleep(0.2)
        self.stop()
        raise RuntimeError(f"streamlit did not become healthy:\n{self.output()}")

    def output(self) -> str:
        return self.log.read_text(errors="replace")

    def rss_mb(self) -> float:
        """Resident memory of the server process (VmRSS), in MiB."""
        for line in Path(f"/proc/{self.process.pid}/status").read_text().splitlines():
            if line.startswith("VmRSS:"):
                return int(line.split()[1]) / 1024
        raise RuntimeError("no VmRSS")

    def stop(self) -> None:
        self.process.terminate()
        try:
            self.process.wait(timeout=10)
        except subprocess.TimeoutExpired:
            self.process.kill()
            self.process.wait()
        self.log_file.close()


def Server(data: Path = DATA, watcher: str | None = None) -> LocalServer:
    """The app on the given data folder, served as a user starts it (file watcher: see
    `LocalServer`)."""
    log = Path(tempfile.mkstemp(prefix="streamlit-", suffix=".log")[1])
    return LocalServer(Path(ENTRY), log, data=data, watcher=watcher)
