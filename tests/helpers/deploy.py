"""The two ways the app is hosted, performed here: a clean clone, an environment built only
from `uv.lock` (Streamlit Community Cloud's path), and the Dockerfile's own steps played on
this machine (no Docker engine here), so that the file and its proof cannot drift apart."""

from __future__ import annotations

import fnmatch
import json
import os
import shlex
import shutil
import subprocess
from dataclasses import dataclass, field
from pathlib import Path

NOBODY = 65534  # plays the image's non-root user: this machine gets no new accounts
# The base image's Python: the system's, which every user can run (a Python under /root is not).
SYSTEM_PYTHON = Path("/usr/bin/python3")


def clean_clone(project: Path, dest: Path) -> Path:
    """What a host checks out: the files git tracks, as they stand in this working copy (so an
    edit is tested before it is committed), and nothing untracked (so a file the app needs but
    git does not hold fails here, as it would there)."""
    listed = subprocess.run(
        ["git", "ls-files", "-z"], cwd=project, capture_output=True, check=True
    ).stdout.decode()
    for relative in filter(None, listed.split("\0")):
        if (project / relative).is_file():
            (dest / relative).parent.mkdir(parents=True, exist_ok=True)
            shutil.copy2(project / relative, dest / relative)
    return dest


def instructions(dockerfile: Path) -> list[tuple[str, str]]:
    """(INSTRUCTION, arguments) per instruction, continuation lines joined, comments dropped."""
    joined = dockerfile.read_text(encoding="utf-8").replace("\\\n", " ")
    lines = (line.strip() for line in joined.splitlines())
    return [
        (word.upper(), rest.strip())
        for word, _, rest in (line.partition(" ") for line in lines if line and line[0] != "#")
    ]


def ignored(relative: str, patterns: list[str]) -> bool:
    """Whether .dockerignore keeps a path (or a folder above it) out of the build context."""
    parts = relative.split("/")
    prefixes = ["/".join(parts[: i + 1]) for i in range(len(parts))]
    return any(
        fnmatch.fnmatch(prefix, pattern)
        or fnmatch.fnmatch(prefix, pattern.removeprefix("**/"))
        or fnmatch.fnmatch(parts[i], pattern.removeprefix("**/"))
        for pattern in patterns
        for i, prefix in enumerate(prefixes)
    )


def build_context(clone: Path, dest: Path) -> Path:
    """The files `docker build` would send: the clone less what .dockerignore names."""
    patterns = [
        line.strip()
        for line in (clone / ".dockerignore").read_text(encoding="utf-8").splitlines()
        if line.strip() and not line.startswith("#")
    ]
    for path in sorted(clone.rglob("*")):
        relative = path.relative_to(clone).as_posix()
        if path.is_file() and not ignored(relative, patterns):
            (dest / relative).parent.mkdir(parents=True, exist_ok=True)
            shutil.copy2(path, dest / relative)
    return dest


@dataclass
class Image:
    """The Dockerfile's steps on this machine: a fresh venv stands for the base image's Python,
    `root` for the image's file system; RUN lines run as written. An instruction this class
    does not know fails the build, so a new step in the Dockerfile needs its proof here."""

    root: Path
    context: Path
    env: dict = field(default_factory=dict)
    workdir: Path | None = None
    user: str = "root"
    users: list[str] = field(default_factory=list)
    port: str = ""
    cmd: list[str] = field(default_factory=list)
    healthcheck: str = ""

    @property
    def python(self) -> Path:
        return self.root / "python"

    def build(self, dockerfile: Path) -> Image:
        steps = {
            "FROM": self.base,
            "ENV": self.set_env,
            "WORKDIR": self.set_workdir,
            "RUN": self.run,
            "COPY": self.copy,
            "USER": self.set_user,
            "EXPOSE": self.expose,
            "HEALTHCHECK": self.set_healthcheck,
            "CMD": self.set_cmd,
        }
        for name, arguments in instructions(dockerfile):
            steps[name](arguments)
        return self

    def base(self, image: str) -> None:
        assert image.startswith("python:3."), image
        subprocess.run([SYSTEM_PYTHON, "-m", "venv", str(self.python)], check=True)
        path = f"{self.python / 'bin'}{os.pathsep}{os.environ['PATH']}"
        self.env = {**os.environ, "PATH": path, "HOME": str(self.root / "home")}
        self.env.pop("VIRTUAL_ENV", None)

    def set_env(self, arguments: str) -> None:
        self.env.update(pair.split("=", 1) for pair in shlex.split(arguments))

    def set_workdir(self, path: str) -> None:
        self.workdir = self.root / "fs" / path.lstrip("/")
        self.workdir.mkdir(parents=True, exist_ok=True)

    def run(self, command: str) -> None:
        words = shlex.split(command)
        if words[0] == "useradd":
            self.users.append(words[-1])
            return
        subprocess.run(["bash", "-c", command], cwd=self.workdir, env=self.env, check=True)

    def copy(self, arguments: str) -> None:
        *sources, dest = [word for word in shlex.split(arguments) if not word.startswith("--")]
        target = self.workdir / dest
        for source in sources:
            origin = self.context / source
            if origin.is_dir():
                shutil.copytree(origin, target, dirs_exist_ok=True)
            else:
                shutil.copy2(origin, target / origin.name if dest.endswith("/") else target)

    def set_user(self, name: str) -> None:
        self.user = name

    def expose(self, port: str) -> None:
        self.port = port

    def set_healthcheck(self, arguments: str) -> None:
        self.healthcheck = arguments.split(" CMD ", 1)[1]

    def set_cmd(self, arguments: str) -> None:
        self.cmd = json.loads(arguments)

    def open_to(self, uid: int) -> None:
        """Let the non-root user read the image and write its home, as --chown does there."""
        (self.root / "home").mkdir(exist_ok=True)
        subprocess.run(["chmod", "-R", "a+rX", str(self.root)], check=True)
        os.chown(self.root / "home", uid, uid)
