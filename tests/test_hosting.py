"""Both hosted paths, performed here from a clean clone. Streamlit Community Cloud installs
from the first dependency file it finds, `uv.lock` first: an environment built only from the
lock must serve a deep link. The container: the Dockerfile's own steps (no Docker engine on
this machine), a non-editable install, run as a non-root user, health check answering."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import tempfile
import tomllib
from collections.abc import Iterator
from pathlib import Path

import pytest
from helpers.browser import Console, open_app
from helpers.deploy import NOBODY, Image, build_context, clean_clone
from helpers.devserver import LocalServer
from packaging.requirements import Requirement
from packaging.specifiers import SpecifierSet
from playwright.sync_api import expect

from dialogue_tracker.paths import PROJECT

pytestmark = pytest.mark.browser

UV = Path(sys.executable).parent / "uv"


def declared() -> set[tuple]:
    project = tomllib.loads((PROJECT / "pyproject.toml").read_text(encoding="utf-8"))["project"]
    extras = {"": project["dependencies"], **project["optional-dependencies"]}
    return {
        (Requirement(text).name, SpecifierSet(str(Requirement(text).specifier)), extra)
        for extra, texts in extras.items()
        for text in texts
    }


def locked() -> set[tuple]:
    lock = tomllib.loads((PROJECT / "uv.lock").read_text(encoding="utf-8"))
    (root,) = [package for package in lock["package"] if package["name"] == "dialogue-tracker"]
    return {
        (
            entry["name"],
            SpecifierSet(entry.get("specifier", "")),
            entry.get("marker", "").removeprefix("extra == '").removesuffix("'"),
        )
        for entry in root["metadata"]["requires-dist"]
    }


def test_lock_is_in_step_with_pyproject() -> None:
    assert locked() == declared(), "uv.lock is stale: run `uv lock` and commit it"


@pytest.fixture
def scratch() -> Iterator[Path]:
    """A folder the non-root user can reach (pytest's own tmp folders are root's alone)."""
    folder = Path(tempfile.mkdtemp(prefix="dialogue-tracker-host-"))
    folder.chmod(0o755)
    yield folder
    shutil.rmtree(folder, ignore_errors=True)


def serve_and_open(browser, server: LocalServer, path: str, shows: str) -> None:
    """Open `path` as the server's first request; the page must come to show `shows`."""
    console = Console()
    context = browser.new_context()
    try:
        page = open_app(context, server.url + path, console)
        main = page.locator('[data-testid="stMain"]')
        expect(main).to_contain_text(shows, timeout=60_000)
        assert not page.locator('[data-testid="stException"]').count(), server.output()
        assert console.errors == []
    finally:
        context.close()
        server.stop()


def test_community_cloud_path_serves_a_deep_link(browser, scratch: Path) -> None:
    clone = clean_clone(PROJECT, scratch / "repo")
    env = {key: value for key, value in os.environ.items() if key != "VIRTUAL_ENV"}
    python = ["--python", sys._base_executable]
    subprocess.run([UV, "sync", "--frozen", "--quiet", *python], cwd=clone, env=env, check=True)
    venv = clone / ".venv" / "bin"
    no_pytest = subprocess.run([venv / "python", "-c", "import pytest"], capture_output=True)
    assert no_pytest.returncode != 0, "the hosted environment must not need the test extras"
    server = LocalServer(
        Path("dashboard.py"), scratch / "server.log", streamlit=venv / "streamlit", cwd=clone
    )
    serve_and_open(browser, server, "/quotes?speaker=lavrov", "Sergey Lavrov")


def test_dockerfile_steps_serve_the_app_as_a_non_root_user(browser, scratch: Path) -> None:
    clone = clean_clone(PROJECT, scratch / "repo")
    context = build_context(clone, scratch / "context")
    assert not (context / "tests").exists() and not (context / ".git").exists()
    image = Image(scratch / "image", context).build(clone / "Dockerfile")
    assert image.user in image.users and image.user != "root"
    where = subprocess.run(
        [
            image.python / "bin" / "python",
            "-c",
            "import dialogue_tracker; print(dialogue_tracker.__file__)",
        ],
        cwd=scratch,
        capture_output=True,
        text=True,
        check=True,
    )
    assert "site-packages" in where.stdout, "the image installs the package, not a link to the tree"
    image.open_to(NOBODY)
    streamlit, _run, app, *flags = image.cmd
    options = dict(flag.removeprefix("--").split("=", 1) for flag in flags)
    assert options["server.port"] == image.port
    server = LocalServer(
        Path(app),
        scratch / "server.log",
        env=image.env,
        streamlit=image.python / "bin" / streamlit,
        cwd=image.workdir,
        user=NOBODY,
        options=options,
    )
    check = image.healthcheck.replace(image.port, str(server.port))
    subprocess.run(["bash", "-c", check], env=image.env, user=NOBODY, group=NOBODY, check=True)
    serve_and_open(browser, server, "/issue?issue=syria", "Syria")
