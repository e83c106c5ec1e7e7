"""Shared fixtures: paths, a clean Streamlit cache, and a real server with headless Chromium."""

from __future__ import annotations

import functools
import os
import shutil
from collections.abc import Iterator
from pathlib import Path

import pytest
import streamlit as st
from helpers.devserver import CHROMIUM, CHROMIUM_ARGS, LocalServer, Server
from streamlit.components.v2 import manifest_scanner


@pytest.fixture(autouse=True)
def clear_streamlit_caches() -> None:
    """st.cache_* outlives an AppTest; each test starts from a cold cache."""
    st.cache_data.clear()
    st.cache_resource.clear()


@pytest.fixture(autouse=True, scope="session")
def scan_components_once() -> Iterator[None]:
    """Each new AppTest scans the metadata of every installed package for Streamlit components
    (about 60 ms, half a journey walk's time); the packages do not change during the tests, so
    the scan runs once per process, as a server's does, and each AppTest registers its result."""
    scan = functools.cache(manifest_scanner.scan_component_manifests)
    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(manifest_scanner, "scan_component_manifests", lambda: list(scan()))
        yield


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
        chromium = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        yield chromium
        chromium.close()


@pytest.fixture(scope="session")
def server(browser) -> Iterator[LocalServer]:
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


TIERS = ("unit", "cli", "app", "browser")


TIER_PROBLEM = pytest.StashKey[str]()


def pytest_collection_modifyitems(config, items) -> None:
    """Every test belongs to exactly one tier, and a test that drives Chromium is a browser
    test, so `make test-fast` (all but the browser tier) never starts a browser. A worker of
    pytest-xdist cannot stop the collection with a message, so there each such test fails."""
    for item in items:
        problem = tier_problem(item)
        if problem and not hasattr(config, "workerinput"):
            raise pytest.UsageError(problem)
        if problem:
            item.stash[TIER_PROBLEM] = problem
    # The journey walks take many times longer than any other test: run them first, so that
    # under pytest-xdist the other workers share the rest meanwhile (the sort keeps the order).
    items.sort(key=lambda item: item.path.name != "test_journey.py")


def tier_problem(item) -> str | None:
    tiers = sorted({mark.name for mark in item.iter_markers() if mark.name in TIERS})
    if len(tiers) != 1:
        return f"{item.nodeid}: mark one tier of {TIERS}, found {tiers}"
    if "browser" in item.fixturenames and tiers != ["browser"]:
        return f"{item.nodeid}: uses the browser, so its tier is browser"
    return None


@pytest.hookimpl(tryfirst=True)
def pytest_runtest_setup(item) -> None:
    """Before any fixture (a browser) starts."""
    if TIER_PROBLEM in item.stash:
        pytest.fail(item.stash[TIER_PROBLEM], pytrace=False)
