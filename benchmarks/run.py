"""One command for every performance figure: `make bench` (or `.venv/bin/python benchmarks/run.py`).

In one run, each figure a median over repeated runs:
1. cold load + validate (`load_catalog` in a fresh process) and peak memory, for the seed data and
   synthetic corpora of 1,000, 10,000 and 50,000 statements;
2. each page's server-side script run (AppTest): default view, filtered view, rerun after a filter
   change, at seed size and at 10,000 statements;
3. page load in headless Chromium for Overview and Timeline against a minimal Streamlit app;
4. the server's memory after 1 and after 10 browser sessions at 10,000 statements.
Then it checks the targets, profiles what missed one, and writes docs/performance.md.
Everything runs on this machine over loopback; corpora and logs go to benchmarks/out/ (ignored).
"""

from __future__ import annotations

import argparse
import datetime
import json
import os
import platform
import statistics
import subprocess
import sys
import threading
import time
from importlib.metadata import version
from pathlib import Path

from dialogue_tracker.paths import DATA, PROJECT

# The dev server lives with the tests (tests/helpers/devserver.py), outside the shipped package.
sys.path.append(str(PROJECT / "tests"))

import browser
from helpers.devserver import LocalServer

OUT = PROJECT / "benchmarks" / "out"
REPORT = PROJECT / "docs" / "performance.md"
PYTHON = sys.executable
SIZES = {"1k": 1_000, "10k": 10_000, "50k": 50_000}
SEED = 1
MINIMAL_ELEMENTS = 120  # about as many elements as Overview draws
SWITCHES = 20  # page switches in one browser session, Overview and Timeline in turn
KEEP_MARKER = (
    "<!-- Everything below this line is kept when benchmarks/run.py rewrites the file. -->"
)

TARGETS = {
    "load_seed": "Page load at seed size within 1.3x the minimal app",
    "change_seed": "Rerun after a filter change at seed size < 100 ms server-side, per page",
    "load_10k": "Cold load + validate at 10,000 statements < 2 s",
    "filtered_10k": "Each page's filtered rerun at 10,000 statements < 3x its seed-size time",
    "page_load_10k": "Page load at 10,000 statements within 2x the minimal app",
    "sessions_10k": "10 sessions < 1.5x the server RSS of 1 session, at 10,000 statements",
}
STARTED = time.monotonic()


def log(message: str) -> None:
    elapsed = int(time.monotonic() - STARTED)
    print(f"[{elapsed // 60:02d}:{elapsed % 60:02d}] {message}", file=sys.stderr, flush=True)


def child(*args: str, env: dict | None = None) -> dict:
    """Run a probe in a fresh process; pass its progress lines through; return its JSON."""
    process = subprocess.Popen(
        [PYTHON, str(PROJECT / "benchmarks" / "probes.py"), *args],
        cwd=PROJECT,
        env={**os.environ, **(env or {})},
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )
    errors: list[str] = []

    def relay() -> None:
        assert process.stderr is not None
        for line in process.stderr:
            if line.startswith("  "):
                log(line.strip())
            elif "missing ScriptRunContext" not in line:
                errors.append(line)

    reader = threading.Thread(target=relay, daemon=True)
    reader.start()
    assert process.stdout is not None
    stdout = process.stdout.read()
    process.wait()
    reader.join()
    if process.returncode != 0:
        raise RuntimeError(f"probe {args} failed:\n{''.join(errors)[-4000:]}")
    return json.loads(stdout)


def median(values: list[float]) -> float:
    return statistics.median(values)


# ---------------------------------------------------------------- corpora


def make_corpora(sizes: dict[str, int]) -> dict[str, Path]:
    corpora = {"seed": DATA}
    for name, statements in sizes.items():
        folder = OUT / f"corpus-{statements}"
        log(f"synthesising {statements:,} statements into {folder.relative_to(PROJECT)}")
        command = ["synth", "--statements", str(statements), "--seed", str(SEED), "--force"]
        subprocess.run(
            [PYTHON, "-m", "dialogue_tracker", *command, "--data", str(DATA), "--out", str(folder)],
            cwd=PROJECT,
            check=True,
            stdout=subprocess.DEVNULL,
        )
        corpora[name] = folder
    return corpora


# ---------------------------------------------------------------- 1. cold load


def bench_load(corpora: dict[str, Path], repeats: dict[str, int]) -> dict[str, dict]:
    results = {}
    for name, folder in corpora.items():
        runs = []
        for index in range(repeats[name]):
            log(f"cold load {name}: run {index + 1}/{repeats[name]}")
            runs.append(child("load", str(folder)))
        counts = runs[0]["counts"]
        results[name] = {
            "runs": len(runs),
            "counts": counts,
            "statements": counts["quotes"] + counts["stances"] + counts["next_steps"],
            "load_s": median([r["load_s"] for r in runs]),
            "load_min_s": min(r["load_s"] for r in runs),
            "load_max_s": max(r["load_s"] for r in runs),
            "load_cpu_s": median([r["load_cpu_s"] for r in runs]),
            "import_s": median([r["import_s"] for r in runs]),
            "rss_peak_mb": median([r["rss_peak_mb"] for r in runs]),
            "rss_load_mb": median([r["rss_peak_mb"] - r["rss_imported_mb"] for r in runs]),
        }
    return results


# ---------------------------------------------------------------- 2. AppTest


def bench_apptest(corpora: dict[str, Path], repeats: dict[str, int]) -> dict[str, dict]:
    results = {}
    for name in ("seed", "10k"):
        if name in corpora:
            log(f"AppTest at {name}: {repeats[name]} runs per figure")
            results[name] = child("apptest", str(corpora[name]), str(repeats[name]))
    return results


# ---------------------------------------------------------------- 3 and 4. browser


def bench_browser(corpora: dict[str, Path], rounds: int) -> dict:
    minimal = PROJECT / "benchmarks" / "minimal_app.py"
    dashboard = PROJECT / "dashboard.py"
    # The minimal app at each page's path too: Streamlit's frontend, sent to a path other than
    # `/`, first asks the server for that path's health (404) and tries `/` 100 ms later.
    targets = [("minimal", "/", None), ("minimal", "/timeline", None), ("minimal+", "/", None)]
    for name in ("seed", "10k"):
        if name in corpora:
            targets += [(name, "/", corpora[name]), (name, "/timeline", corpora[name])]
    servers: dict[str, LocalServer] = {}
    samples: dict[tuple[str, str], list[dict]] = {(n, p): [] for n, p, _ in targets}
    first: dict[tuple[str, str], dict] = {}
    try:
        log("starting Streamlit servers")
        servers["minimal"] = LocalServer(minimal, OUT / "server-minimal.log")
        servers["minimal+"] = LocalServer(
            minimal,
            OUT / "server-minimal-elements.log",
            env={"MINIMAL_APP_ELEMENTS": str(MINIMAL_ELEMENTS)},
        )
        for name in ("seed", "10k"):
            if name in corpora:
                servers[name] = LocalServer(dashboard, OUT / f"server-{name}.log", corpora[name])
        with browser.chromium() as chromium:
            chromium_version = chromium.version
            for name, path, _ in targets:  # warm-up: the first visit loads and checks the data
                first[(name, path)] = browser.page_load(chromium, servers[name].url + path)
                log(f"page load warm-up {name} {path}: {first[(name, path)]['ready_ms']:.0f} ms")
            for index in range(rounds):
                log(f"page loads, round {index + 1}/{rounds}")
                for name, path, _ in targets:  # interleaved, so that drift hits all alike
                    samples[(name, path)].append(
                        browser.page_load(chromium, servers[name].url + path)
                    )
            log(f"page switches: {SWITCHES} between Overview and Timeline")
            switches = browser.page_switches(
                chromium, servers["seed"].url + "/", ["Timeline", "Overview"], SWITCHES // 2
            )
    finally:
        for server in servers.values():
            server.stop()
    loads = {}
    for (name, path), runs in samples.items():
        ready = [run["ready_ms"] for run in runs]
        loads[f"{name} {path}"] = {
            "app": name,
            "path": path,
            "runs": len(runs),
            "ready_ms": median(ready),
            "min_ms": min(ready),
            "max_ms": max(ready),
            "dcl_ms": median([run["dom_content_loaded_ms"] or 0 for run in runs]),
            "first_ms": first[(name, path)]["ready_ms"],
            "exceptions": sorted({text for run in runs for text in run["exceptions"]}),
        }
    return {"loads": loads, "switches_ms": switches, "chromium": chromium_version}


def bench_sessions(folder: Path, sessions: int = 10) -> dict:
    log(f"server memory: fresh server, then {sessions} sessions on Overview")
    server = LocalServer(PROJECT / "dashboard.py", OUT / "server-sessions.log", folder)
    contexts = []
    try:
        rss = {"started": server.rss_mb()}
        with browser.chromium() as chromium:
            for index in range(sessions):
                context, _ = browser.open_session(chromium, server.url + "/")
                contexts.append(context)
                if index + 1 in (1, sessions):
                    time.sleep(2)
                    rss[f"after_{index + 1}"] = server.rss_mb()
                    log(f"  {index + 1} session(s): VmRSS {rss[f'after_{index + 1}']:.0f} MiB")
            for context in contexts:
                context.close()
    finally:
        server.stop()
    return {"sessions": sessions, "rss_mb": rss}


# ---------------------------------------------------------------- targets and profiles


def check_targets(results: dict) -> list[dict]:
    checks = []

    def add(key: str, figure: str, ok: bool | None) -> None:
        checks.append({"key": key, "target": TARGETS[key], "figure": figure, "ok": ok})

    loads = results.get("browser", {}).get("loads", {})
    root = loads.get("minimal /", {}).get("ready_ms")
    for size, key, limit in (("seed", "load_seed", 1.3), ("10k", "page_load_10k", 2.0)):
        for path in ("/", "/timeline"):
            load = loads.get(f"{size} {path}")
            minimal = loads.get(f"minimal {path}", {}).get("ready_ms")
            if load and minimal and root:
                ms, ratio = load["ready_ms"], load["ready_ms"] / minimal
                figure = f"`{path}` {ms:.0f} ms = {ratio:.2f}x (minimal app at `{path}`: "
                figure += f"{minimal:.0f} ms)"
                if path != "/":
                    figure += f"; {ms / root:.2f}x the minimal app at `/`"
                add(key, figure, ratio <= limit)
    # Server-side targets are judged on CPU time: the runs are CPU-bound (CPU and wall-clock time
    # agree within a few per cent on an idle machine), and CPU time is not inflated by other work
    # on a shared machine. Wall-clock time is given beside it.
    apptest = results.get("apptest", {})
    seed_pages = apptest.get("seed", {}).get("pages", {})
    for page, figures in seed_pages.items():
        if figures.get("change_cpu") is not None:
            cpu, wall = figures["change_cpu"], figures["change"]
            figure = f"{_page(page)} {cpu * 1000:.0f} ms (wall {wall * 1000:.0f} ms)"
            add("change_seed", figure, cpu < 0.1)
        else:
            add("change_seed", f"{_page(page)}: {figures.get('error')}", False)
    load = results.get("load", {}).get("10k")
    if load:
        figure = f"{load['load_cpu_s']:.2f} s (wall {load['load_s']:.2f} s)"
        add("load_10k", figure, load["load_cpu_s"] < 2)
    for page, figures in apptest.get("10k", {}).get("pages", {}).items():
        seed = seed_pages.get(page, {}).get("filtered_cpu")
        big = figures.get("filtered_cpu")
        if seed and big:
            ratio = big / seed
            wall = figures["filtered"] / seed_pages[page]["filtered"]
            figure = (
                f"{_page(page)} {big * 1000:.0f} ms = {ratio:.1f}x ({seed * 1000:.0f} ms); "
                f"wall {wall:.1f}x"
            )
            add("filtered_10k", figure, ratio < 3)
        else:
            add("filtered_10k", f"{_page(page)}: {figures.get('error')}", False)
    sessions = results.get("sessions")
    if sessions:
        rss = sessions["rss_mb"]
        one, many = rss["after_1"], rss[f"after_{sessions['sessions']}"]
        figure = f"{many:.0f} MiB = {many / one:.2f}x ({one:.0f} MiB)"
        add("sessions_10k", figure, many / one < 1.5)
    return checks


def profile_misses(checks: list[dict], corpora: dict[str, Path], repeats: int) -> list[dict]:
    """cProfile each page that missed a server-side target, at the size where it missed."""
    wanted: dict[tuple[str, str], str] = {}
    for check in checks:
        if check["ok"] is False and check["key"] in ("change_seed", "filtered_10k"):
            page = "pages/" + check["figure"].split()[0].rstrip(":") + ".py"
            size = "seed" if check["key"] == "change_seed" else "10k"
            wanted.setdefault((size, page), check["key"])
    profiles = []
    for (size, page), key in wanted.items():
        log(f"profiling {page} at {size} ({key})")
        try:
            view = "change" if key == "change_seed" else "filtered"
            profile = child("profile", str(corpora[size]), page, str(repeats), view)
        except RuntimeError as error:
            profile = {"page": page, "error": str(error)[-500:], "rows": [], "runs": 0}
        profiles.append({"size": size, "key": key, **profile})
    if any(c["ok"] is False and c["key"] == "load_10k" for c in checks):
        log("profiling load_catalog at 10k")
        profiles.append({"size": "10k", "key": "load_10k", **profile_load(corpora["10k"])})
    return profiles


def profile_load(folder: Path) -> dict:
    code = (
        "import cProfile, pstats, sys\n"
        "from pathlib import Path\n"
        "from dialogue_tracker.loader import load_catalog\n"
        "profiler = cProfile.Profile()\n"
        "profiler.runcall(load_catalog, Path(sys.argv[1]))\n"
        "pstats.Stats(profiler).sort_stats('cumulative').print_stats(20)\n"
    )
    output = subprocess.run(
        [PYTHON, "-c", code, str(folder)], cwd=PROJECT, capture_output=True, text=True, check=True
    ).stdout
    return {"page": "load_catalog", "runs": 1, "rows": [], "text": output}


# ---------------------------------------------------------------- report


def code_state() -> dict[str, int]:
    """Modification times of the app's code, to tell whether it changed during the run."""
    files = [PROJECT / "dashboard.py", *PROJECT.glob("pages/*.py")]
    files += PROJECT.glob("dialogue_tracker/**/*.py")
    return {str(path.relative_to(PROJECT)): path.stat().st_mtime_ns for path in files}


def machine() -> dict:
    cpu = next(
        (
            line.split(":", 1)[1].strip()
            for line in Path("/proc/cpuinfo").read_text().splitlines()
            if line.startswith("model name")
        ),
        platform.processor() or "unknown",
    )
    memory_kb = next(
        int(line.split()[1])
        for line in Path("/proc/meminfo").read_text().splitlines()
        if line.startswith("MemTotal:")
    )
    import yaml

    return {
        "date": datetime.datetime.now().astimezone().strftime("%Y-%m-%d %H:%M %Z"),
        "cpu": cpu,
        "nproc": os.cpu_count(),
        "memory": f"{memory_kb / 1024 / 1024:.1f} GiB",
        "os": platform.platform(),
        "python": platform.python_version(),
        "versions": {
            name: version(name) for name in ("streamlit", "pandas", "plotly", "pydantic", "PyYAML")
        },
        "libyaml": bool(getattr(yaml, "__with_libyaml__", False)),
        "loadavg_start": loadavg(),
    }


def loadavg() -> str:
    """The 1-minute load average: other work on the machine skews every figure."""
    return Path("/proc/loadavg").read_text().split()[0]


def _page(page: str) -> str:
    return Path(page).stem


def _ms(seconds: float | None) -> str:
    return "–" if seconds is None else f"{seconds * 1000:.0f}"


def _cell(row: dict, view: str) -> str:
    if row.get(view) is None:
        return "–"
    return f"{_ms(row[view])} ({_ms(row.get(view + '_cpu'))})"


def _count(value: float | None) -> str:
    return "–" if value is None else f"{value:,.0f}"


def _kb(size: float | None) -> str:
    return "–" if size is None else f"{size / 1024:,.0f} KB"


def render(results: dict, checks: list[dict], profiles: list[dict]) -> str:
    info = results["machine"]
    versions = ", ".join(f"{name} {v}" for name, v in info["versions"].items())
    lines = [
        "# Performance",
        "",
        "Written by `make bench` (`benchmarks/run.py`); rerun it to refresh every figure below.",
        "",
        "| machine | |",
        "|---|---|",
        f"| date | {info['date']} |",
        f"| CPU | {info['cpu']} ({info['nproc']} CPUs) |",
        f"| memory | {info['memory']} |",
        f"| OS | {info['os']} |",
        f"| Python | {info['python']} |",
        f"| packages | {versions}; libyaml {'yes' if info['libyaml'] else 'no'} |",
        f"| browser | Chromium {results.get('browser', {}).get('chromium', '–')} (headless) |",
        f"| run time | {results['duration_s'] / 60:.1f} min |",
        f"| load average (1 min) | {info['loadavg_start']} at the start, "
        f"{results['loadavg_end']} at the end |",
        "",
        *(
            [f"**The code changed during this run** ({', '.join(results['changed'])}): rerun.", ""]
            if results.get("changed")
            else []
        ),
        "Every figure is a median over repeated runs (the count is given). Corpora are written",
        f"by `python -m dialogue_tracker synth --statements N --seed {SEED}`: 40 statements per",
        "source (12 quotes, 18 stances, 10 next steps).",
        "",
        "## Targets",
        "",
        "Server-side figures in this table are CPU time of the script (or of the load): on an idle",
        "machine it equals wall-clock time within a few per cent, and it is not inflated by other",
        "work on a shared one. Wall-clock time is given beside it and in the tables below.",
        "",
        "| target | figure | result |",
        "|---|---|---|",
    ]
    for check in checks:
        result = {True: "pass", False: "**MISS**", None: "n/a"}[check["ok"]]
        lines.append(f"| {check['target']} | {check['figure']} | {result} |")
    lines += _load_table(results.get("load", {}))
    lines += _apptest_table(results.get("apptest", {}))
    lines += _browser_table(results.get("browser", {}))
    lines += _sessions_table(results.get("sessions"))
    lines += _profiles(profiles)
    return "\n".join(lines) + "\n"


def _load_table(load: dict) -> list[str]:
    lines = [
        "",
        "## 1. Cold load + validate",
        "",
        "`load_catalog` (read, validate, check references, locate every quote) in a fresh",
        "process; import time apart. CPU is the process's CPU time for the load (less sensitive",
        "to other work on the machine than the wall-clock figure). Peak RSS is the process's",
        "`ru_maxrss`; 'for the load' subtracts the RSS after imports.",
        "",
        "| corpus | sources | statements | runs | load + validate | (min–max) | CPU | imports "
        "| peak RSS | RSS for the load |",
        "|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|",
    ]
    for name, row in load.items():
        lines.append(
            f"| {name} | {row['counts']['sources']:,} | {row['statements']:,} | {row['runs']} "
            f"| **{row['load_s']:.3f} s** | {row['load_min_s']:.2f}–{row['load_max_s']:.2f} s "
            f"| {row['load_cpu_s']:.2f} s | {row['import_s']:.2f} s | {row['rss_peak_mb']:.0f} MiB "
            f"| {row['rss_load_mb']:.0f} MiB |"
        )
    return lines


def _apptest_table(apptest: dict) -> list[str]:
    if not apptest:
        return []
    lines = [
        "",
        "## 2. Server-side script run per page (AppTest)",
        "",
        "Time from the script runner's start event to its stop event (entry script, sidebar and",
        "page, and the serialisation of every element), data cached and scripts compiled as in a",
        "running server (see `benchmarks/probes.py` for what AppTest does differently). The",
        "*default* and *filtered* views are reruns of a session showing the page, without and",
        "with `?issue=syria&speaker=lavrov`; *change* is a rerun right after a new value is set",
        "in the sidebar's issue filter. In ms of wall-clock time, with the script thread's CPU",
        "time in brackets. *Sent* is the size of the messages one run of the default view sends",
        "to the browser, *elements* the number of elements in them (each one the browser draws).",
        "",
        "| page | seed default | seed filtered | seed change | 10k default | 10k filtered "
        "| 10k change | filtered 10k / seed (CPU) | sent, seed / 10k | elements, seed / 10k |",
        "|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|",
    ]
    seed = apptest.get("seed", {}).get("pages", {})
    big = apptest.get("10k", {}).get("pages", {})
    for page in dict.fromkeys([*seed, *big]):
        s, b = seed.get(page, {}), big.get(page, {})
        ratio = (
            f"{b['filtered_cpu'] / s['filtered_cpu']:.1f}x"
            if s.get("filtered_cpu") and b.get("filtered_cpu")
            else "–"
        )
        cells = [_cell(row, view) for row in (s, b) for view in ("default", "filtered", "change")]
        lines.append(
            f"| {_page(page)} | {' | '.join(cells)} | {ratio} "
            f"| {_kb(s.get('default_bytes'))} / {_kb(b.get('default_bytes'))} "
            f"| {_count(s.get('default_elements'))} / {_count(b.get('default_elements'))} |"
        )
    lines.append("")
    for name, result in apptest.items():
        cold = result.get("first_run_cold_cache", {})
        lines.append(
            f"- {name}: {result['repeats']} runs per figure; the first run of a fresh process "
            f"(loads, checks and frames the data) took {_ms(cold.get('script'))} ms; the minimal "
            f"app's run takes {_ms(result.get('minimal'))} ms and sends "
            f"{_kb(result.get('minimal_bytes'))} in {_count(result.get('minimal_elements'))} "
            "elements."
        )
        for page, figures in result.get("pages", {}).items():
            if figures.get("error"):
                lines.append(f"- {name} {_page(page)}: error: {figures['error']}")
            if figures.get("filter_applied") is False:
                lines.append(f"- {name} {_page(page)}: the preset filter did not take effect")
    return lines


def _browser_table(results: dict) -> list[str]:
    loads = results.get("loads")
    if not loads:
        return []
    lines = [
        "",
        "## 3. Page load in headless Chromium",
        "",
        'From navigation start to the first `[data-testid="stApp"]'
        '[data-test-script-state="notRunning"]` after the first run, each load in a fresh',
        "browser context (no HTTP cache), the apps loaded in turn. The servers were warmed by one",
        "visit each (its time is 'first visit': for the dashboard it includes loading the data).",
        "`benchmarks/minimal_app.py` is a title, a sidebar selectbox and a 4-point plotly chart;",
        f"the second row adds {MINIMAL_ELEMENTS} one-line `st.markdown` elements to it, which",
        "shows what the number of elements alone costs.",
        "",
        "A page is compared with the minimal app at the same path. Sent to any path but `/`,",
        "Streamlit's frontend first asks for that path's `_stcore/health` (404: the app is not",
        "served under it) and tries `/` 100 ms later: every app pays this on a link to one of its",
        "pages (Streamlit issue #7074), the minimal app too. The last column compares with `/`.",
        "",
        "| app | data | path | runs | median | (min–max) | DOMContentLoaded | first visit "
        "| ratio to minimal, same path | ratio to minimal at `/` |",
        "|---|---|---|---:|---:|---:|---:|---:|---:|---:|",
    ]
    root = loads["minimal /"]["ready_ms"]
    for row in loads.values():
        app = {"minimal": "minimal app", "minimal+": f"minimal app + {MINIMAL_ELEMENTS} markdown"}
        app = app.get(row["app"], "dashboard")
        data = "–" if row["app"].startswith("minimal") else row["app"]
        same = loads.get(f"minimal {row['path']}", loads["minimal /"])["ready_ms"]
        lines.append(
            f"| {app} | {data} | `{row['path']}` | {row['runs']} | **{row['ready_ms']:.0f} ms** "
            f"| {row['min_ms']:.0f}–{row['max_ms']:.0f} | {row['dcl_ms']:.0f} ms "
            f"| {row['first_ms']:.0f} ms | {row['ready_ms'] / same:.2f}x "
            f"| {row['ready_ms'] / root:.2f}x |"
        )
    errors = [
        f"{key}: {'; '.join(row['exceptions'])}" for key, row in loads.items() if row["exceptions"]
    ]
    switches = results.get("switches_ms")
    if switches:
        lines += [
            "",
            f"A page switch at seed size (a click on the sidebar's link, {len(switches)} times,",
            "Overview and Timeline in turn, in one session) takes "
            f"**{median(switches):.0f} ms** ({min(switches):.0f}–{max(switches):.0f}) from the",
            "click to the end of the run it starts.",
        ]
    if errors:
        lines += ["", "Pages that showed an exception (their figures do not count):", ""]
        lines += [f"- {error}" for error in errors]
    return lines


def _sessions_table(sessions: dict | None) -> list[str]:
    if not sessions:
        return []
    rss = sessions["rss_mb"]
    one, many = rss["after_1"], rss[f"after_{sessions['sessions']}"]
    per = (many - one) / (sessions["sessions"] - 1)
    return [
        "",
        "## 4. Server memory at 10,000 statements",
        "",
        "VmRSS of the `streamlit run` process (from `/proc/<pid>/status`), a fresh server, each",
        "session a browser context on Overview kept open; read 2 s after the session's page was",
        "ready.",
        "",
        "| state | VmRSS |",
        "|---|---:|",
        f"| server started, no session | {rss['started']:.0f} MiB |",
        f"| 1 session | {one:.0f} MiB |",
        f"| {sessions['sessions']} sessions | {many:.0f} MiB ({many / one:.2f}x) |",
        f"| per extra session | {per:.1f} MiB |",
    ]


def _profiles(profiles: list[dict]) -> list[str]:
    if not profiles:
        return []
    lines = [
        "",
        "## Profiles of the misses (cProfile)",
        "",
        "Per page that missed a server-side target, the view that missed it (reruns of the",
        "filtered view, or filter changes): the project's own functions (`dialogue_tracker/`,",
        "`pages/`) by cumulative time per run. cProfile slows Python code about twofold, so",
        "compare the figures with each other rather than with the tables above.",
    ]
    for profile in profiles:
        lines += ["", f"### {profile['page']} at {profile['size']} ({profile['key']})", ""]
        if profile.get("error"):
            lines.append(f"Profiling failed: {profile['error']}")
            continue
        ours = [row for row in profile["rows"] if row["ours"]][:12]
        if ours:
            lines += [
                f"{profile['runs']} runs profiled.",
                "",
                "| function | calls per run | cumulative per run | own per run |",
                "|---|---:|---:|---:|",
            ]
            for row in ours:
                lines.append(
                    f"| `{row['function']}` | {row['calls'] / profile['runs']:.0f} "
                    f"| {row['cumtime_ms']:.1f} ms | {row['tottime_ms']:.1f} ms |"
                )
        else:
            lines += ["```", profile.get("text", "").strip()[:3000], "```"]
        hot = sorted(
            (row for row in profile["rows"] if not row["ours"]),
            key=lambda row: row["tottime_ms"],
            reverse=True,
        )[:6]
        if hot:
            lines += ["", "Most own time outside the project:", ""]
            lines += [
                f"- `{row['function']}`: {row['tottime_ms']:.1f} ms own, "
                f"{row['cumtime_ms']:.1f} ms cumulative per run"
                for row in hot
            ]
    return lines


def write_report(text: str) -> None:
    REPORT.parent.mkdir(parents=True, exist_ok=True)
    kept = ""
    if REPORT.is_file():
        old = REPORT.read_text(encoding="utf-8")
        if KEEP_MARKER in old:
            kept = old[old.index(KEEP_MARKER) :]
    REPORT.write_text(text + ("\n" + kept if kept else ""), encoding="utf-8")


# ---------------------------------------------------------------- main


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--quick", action="store_true", help="few repeats, no 50k: a smoke run")
    parser.add_argument("--no-browser", action="store_true", help="skip parts 3 and 4")
    parser.add_argument("--no-report", action="store_true", help="print, do not write the doc")
    args = parser.parse_args()
    quick = args.quick
    sizes = {"1k": 1_000, "10k": 10_000} if quick else SIZES
    load_repeats = (
        {"seed": 3, "1k": 3, "10k": 3} if quick else {"seed": 7, "1k": 7, "10k": 7, "50k": 3}
    )
    apptest_repeats = {"seed": 3, "10k": 2} if quick else {"seed": 9, "10k": 9}
    rounds = 2 if quick else 15
    OUT.mkdir(parents=True, exist_ok=True)

    results: dict = {"machine": machine()}
    code = code_state()
    corpora = make_corpora(sizes)
    results["load"] = bench_load(corpora, load_repeats)
    results["apptest"] = bench_apptest(corpora, apptest_repeats)
    if not args.no_browser:
        results["browser"] = bench_browser(corpora, rounds)
        results["sessions"] = bench_sessions(corpora["10k"])
    checks = check_targets(results)
    profiles = profile_misses(checks, corpora, 4 if quick else 10)
    results["duration_s"] = time.monotonic() - STARTED
    results["loadavg_end"] = loadavg()
    after = code_state()
    results["changed"] = sorted(
        name for name in {*code, *after} if code.get(name) != after.get(name)
    )
    if results["changed"]:
        log(f"WARNING: code changed during the run: {', '.join(results['changed'])}")
    (OUT / "results.json").write_text(
        json.dumps({**results, "checks": checks, "profiles": profiles}, indent=2, default=str)
    )
    text = render(results, checks, profiles)
    if not args.no_report:
        write_report(text)
        log(f"wrote {REPORT.relative_to(PROJECT)}")
    print(text)
    return 0


if __name__ == "__main__":
    sys.exit(main())
