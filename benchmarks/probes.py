"""Measurements that need a fresh process; `run.py` starts one per measurement and reads its JSON.

    python benchmarks/probes.py load DIR             cold load + validate of DIR, peak memory
    python benchmarks/probes.py apptest DIR N        each page's server-side run time (AppTest)
    python benchmarks/probes.py profile DIR PAGE N V cProfile of N runs of view V (filtered|change)

Server-side time is the script run as the server sees it: from the runner's last SCRIPT_STARTED
event to its SCRIPT_STOPPED event (the script and the serialisation of every element it sends).
AppTest's own work around it (building its element tree) is left out, and reported apart as
`wall`; scripts are compiled once per process, as in a server (see `share_script_cache`).
"""

from __future__ import annotations

import cProfile
import io
import json
import os
import pstats
import resource
import statistics
import sys
import time
from pathlib import Path

from dialogue_tracker.paths import PROJECT

DASHBOARD = PROJECT / "dashboard.py"
MINIMAL = PROJECT / "benchmarks" / "minimal_app.py"
FILTERED = {"issue": ["syria"], "speaker": ["lavrov"]}
CHANGES = [
    "sanctions",
    "minsk",
    "cyber-crime",
    "terrorism",
    "syria",
    "inf-treaty",
    "nato-expansion",
]


def maxrss_mb() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def probe_load(folder: Path) -> dict:
    started = time.perf_counter()
    from dialogue_tracker.loader import load_catalog

    imported = time.perf_counter()
    rss_imported = maxrss_mb()
    cpu = time.process_time()
    catalog = load_catalog(folder)
    loaded = time.perf_counter()
    return {
        "import_s": imported - started,
        "load_s": loaded - imported,
        "load_cpu_s": time.process_time() - cpu,
        "rss_imported_mb": rss_imported,
        "rss_peak_mb": maxrss_mb(),
        "counts": catalog.counts(),
    }


class ScriptClock:
    """Timestamps of the script runner's start and stop events, for every AppTest run."""

    def __init__(self) -> None:
        from streamlit.testing.v1.local_script_runner import LocalScriptRunner

        self.events: list[tuple[str, float]] = []
        self.messages: list = []
        original = LocalScriptRunner.__init__
        clock = self

        def patched(runner, *args, **kwargs) -> None:
            original(runner, *args, **kwargs)

            def record(sender, event, **kwargs) -> None:  # called in the script thread
                clock.events.append((event.name, time.perf_counter(), time.thread_time()))
                if "forward_msg" in kwargs:  # sized after the run, not on the clock
                    clock.messages.append(kwargs["forward_msg"])

            runner.on_event.connect(record, weak=False)

        LocalScriptRunner.__init__ = patched

    def measure(self, run) -> dict:
        """Run `run()`; return the server-side script time and AppTest's wall time, in seconds."""
        self.events.clear()
        self.messages.clear()
        started = time.perf_counter()
        at = run()
        wall = time.perf_counter() - started
        starts = [(t, c) for name, t, c in self.events if name == "SCRIPT_STARTED"]
        stops = [(t, c) for name, t, c in self.events if name.startswith("SCRIPT_STOPPED")]
        # The last run is the one that drew the page. An earlier one is AppTest's doing: it resets
        # Streamlit's pages-folder mode before every run, so a page starts alone, and the guard
        # (dialogue_tracker/ui/guard.py) reruns it under the entry script at once (about 2 ms).
        # A server leaves that mode once, on its first run.
        last = starts[-1] if starts else None
        script = stops[-1][0] - last[0] if last and stops else wall
        cpu = stops[-1][1] - last[1] if last and stops else 0.0
        error = "; ".join(str(e.value)[:200] for e in at.exception) if at.exception else None
        sent = sum(message.ByteSize() for message in self.messages)
        elements = sum(
            message.HasField("delta") and message.delta.WhichOneof("type") == "new_element"
            for message in self.messages
        )
        return {
            "script": script,
            "cpu": cpu,
            "wall": wall,
            "runs": len(starts),
            "bytes": sent,
            "elements": elements,
            "error": error,
        }


def share_script_cache() -> None:
    """Compile each script once per process, as a server does (one `ScriptCache` per runtime).

    AppTest makes a new cache for every run, so every run would recompile (and rewrite for
    magic) the entry script and the page: a fixed cost no server pays on a rerun.
    """
    from streamlit.runtime.scriptrunner.script_cache import ScriptCache
    from streamlit.testing.v1 import app_test, local_script_runner

    shared = ScriptCache()
    app_test.ScriptCache = lambda: shared
    local_script_runner.ScriptCache = lambda: shared


def new_app(path: Path, params: dict | None = None):
    from streamlit.testing.v1 import AppTest

    at = AppTest.from_file(str(path), default_timeout=120)
    for key, values in (params or {}).items():
        at.query_params[key] = values
    return at


def page_session(clock: ScriptClock, page: str, params: dict | None = None):
    """A session showing `page` (run once); returns the AppTest and the first run's figures."""
    at = new_app(DASHBOARD, params)
    if page == "pages/overview.py":
        first = clock.measure(at.run)
    else:
        at.run()
        at.switch_page(page)
        first = clock.measure(at.run)
    return at, first


def median_of(samples: list[dict], key: str = "script") -> float:
    return statistics.median(sample[key] for sample in samples)


def probe_apptest(folder: Path, repeats: int) -> dict:
    os.environ["DIALOGUE_TRACKER_DATA"] = str(folder)
    share_script_cache()
    clock = ScriptClock()
    pages = sorted(p.relative_to(PROJECT).as_posix() for p in (PROJECT / "pages").glob("*.py"))
    overview = "pages/overview.py"
    pages = ([overview] if overview in pages else []) + [p for p in pages if p != overview]
    result: dict = {"pages": {}, "repeats": repeats}

    minimal = new_app(MINIMAL)
    minimal.run()
    samples = [clock.measure(minimal.run) for _ in range(repeats)]
    result["minimal"] = median_of(samples)
    result["minimal_bytes"] = median_of(samples, "bytes")
    result["minimal_elements"] = median_of(samples, "elements")

    at = new_app(DASHBOARD)
    result["first_run_cold_cache"] = clock.measure(at.run)
    for page in pages:
        log(f"  apptest {folder.name}: {page}")
        figures: dict = {}
        try:
            at, first = page_session(clock, page)
            figures["first_default"] = first
            samples = [clock.measure(at.run) for _ in range(repeats)]
            figures["default"] = median_of(samples)
            figures["default_wall"] = median_of(samples, "wall")
            figures["default_cpu"] = median_of(samples, "cpu")
            figures["default_bytes"] = median_of(samples, "bytes")
            figures["default_elements"] = median_of(samples, "elements")
            changes = []
            for index in range(repeats):
                at.multiselect(key="issue").set_value([CHANGES[index % len(CHANGES)]])
                changes.append(clock.measure(at.run))
            figures["change"] = median_of(changes)
            figures["change_wall"] = median_of(changes, "wall")
            figures["change_cpu"] = median_of(changes, "cpu")
            at, first = page_session(clock, page, FILTERED)
            figures["filter_applied"] = list(at.session_state["issue"]) == FILTERED["issue"]
            samples = [clock.measure(at.run) for _ in range(repeats)]
            figures["filtered"] = median_of(samples)
            figures["filtered_wall"] = median_of(samples, "wall")
            figures["filtered_cpu"] = median_of(samples, "cpu")
            figures["filtered_bytes"] = median_of(samples, "bytes")
            errors = {s["error"] for s in [first, *samples, *changes] if s["error"]}
            figures["error"] = "; ".join(sorted(errors)) or None
        except Exception as error:  # a page that cannot be measured is reported, not fatal
            figures["error"] = f"{type(error).__name__}: {error}"[:300]
        result["pages"][page] = figures
    return result


def probe_profile(folder: Path, page: str, repeats: int, view: str, top: int = 25) -> dict:
    """cProfile of the page's script thread: reruns of the filtered view, or filter changes."""
    os.environ["DIALOGUE_TRACKER_DATA"] = str(folder)
    share_script_cache()
    clock = ScriptClock()
    at, _ = page_session(clock, page, FILTERED if view == "filtered" else None)
    at.run()
    from streamlit.testing.v1.local_script_runner import LocalScriptRunner

    profilers: list[cProfile.Profile] = []
    original = LocalScriptRunner._run_script_thread

    def profiled(runner) -> None:  # each AppTest run has its own script thread
        profiler = cProfile.Profile()
        profilers.append(profiler)
        profiler.runcall(original, runner)

    LocalScriptRunner._run_script_thread = profiled
    try:
        for index in range(repeats):
            if view != "filtered":
                at.multiselect(key="issue").set_value([CHANGES[index % len(CHANGES)]])
            at.run()
    finally:
        LocalScriptRunner._run_script_thread = original
    stats = pstats.Stats(*profilers)
    runs = repeats
    rows = []
    for (filename, line, name), (_, calls, tottime, cumtime, _) in stats.stats.items():
        rows.append(
            {
                "function": f"{_short(filename)}:{line}({name})",
                "calls": calls,
                "tottime_ms": 1000 * tottime / runs,
                "cumtime_ms": 1000 * cumtime / runs,
                "ours": _ours(filename),
            }
        )
    rows.sort(key=lambda row: row["cumtime_ms"], reverse=True)
    text = io.StringIO()
    pstats.Stats(*profilers, stream=text).sort_stats("cumulative").print_stats(top)
    return {"page": page, "view": view, "runs": runs, "rows": rows[:400], "text": text.getvalue()}


def _short(filename: str) -> str:
    for marker in ("site-packages/", str(PROJECT) + "/"):
        if marker in filename:
            return filename.split(marker, 1)[1]
    return filename


def _ours(filename: str) -> bool:
    return filename.startswith(str(PROJECT)) and "/.venv/" not in filename


def log(message: str) -> None:
    print(message, file=sys.stderr, flush=True)


def main(argv: list[str]) -> int:
    kind, folder = argv[0], Path(argv[1])
    if kind == "load":
        result = probe_load(folder)
    elif kind == "apptest":
        result = probe_apptest(folder, int(argv[2]))
    elif kind == "profile":
        result = probe_profile(folder, argv[2], int(argv[3]), argv[4])
    else:
        raise SystemExit(f"unknown probe {kind!r}")
    print(json.dumps(result))
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
