"""Faults of the data folder that cannot live in a repository as files: symbolic links, a FIFO,
a folder named like a data file. Each case makes its fault in a copy of `data/` and names the
exact lines `validate` (and the app's error panel) must show. `SECRET` is the content of a file
outside the data folder that a link points to: it must never be shown."""

from __future__ import annotations

import os
from collections.abc import Callable
from pathlib import Path

from dialogue_tracker.paths import DATA

SECRET = "root:x:0:0:SECRET-OUTSIDE-THE-DATA-FOLDER"
LINK = "is a symbolic link; data files must be regular files inside the data folder"
SOURCES = DATA / "sources"
SOURCE = """source:
  id: fixture-linked
  text_file: linked.txt
  kind: news_report
  title: FIXTURE source whose text is a link
  publisher: FIXTURE
  event: FIXTURE meeting
  event_date: "2016-04"
  event_date_basis: FIXTURE; invented for a test.
quotes:
  - id: fixture-secret
    speaker: lavrov
    attribution: FIXTURE
    issues: [syria]
    text: "root:x:0:0"
"""


def _secret(data: Path) -> Path:
    """A file beside the data folder, outside it."""
    secret = data.parent / "secret.txt"
    secret.write_text(f"{SECRET}\nroot:x:0:0 is here too\n", encoding="utf-8")
    return secret


def _text_link(data: Path) -> None:
    (data / "sources" / "linked.yaml").write_text(SOURCE, encoding="utf-8")
    (data / "sources" / "linked.txt").symlink_to(_secret(data))


def _registry_link(data: Path) -> None:
    (data / "speakers.yaml").unlink()
    (data / "speakers.yaml").symlink_to(_secret(data))


def _device(data: Path) -> None:
    (data / "sources" / "zero.yaml").symlink_to("/dev/zero")


def _fifo(data: Path) -> None:
    os.mkfifo(data / "sources" / "x.yaml")


def _folder(data: Path) -> None:
    (data / "sources" / "folder.yaml").mkdir()


def _dangling(data: Path) -> None:
    (data / "sources" / "gone.yaml").symlink_to(data / "sources" / "nowhere.yaml")


def _loop(data: Path) -> None:
    (data / "sources" / "loop.yaml").symlink_to(data / "sources" / "loop.yaml")


def _sources_outside(data: Path) -> None:
    outside = data.parent / "elsewhere"
    (data / "sources").rename(outside)
    (data / "sources").symlink_to(outside)


REGULAR = "data files must be regular files"
OUTSIDE = "is outside the data folder; data files must be regular files inside the data folder"
CASES: dict[str, tuple[Callable[[Path], None], list[str]]] = {
    "text-file-link": (
        _text_link,
        [f"data/sources/linked.yaml:3: source.text_file: the text file linked.txt {LINK}"],
    ),
    "registry-link": (_registry_link, [f"data/speakers.yaml: (file): {LINK}"]),
    "link-to-device": (_device, [f"data/sources/zero.yaml: (file): {LINK}"]),
    "fifo": (_fifo, [f"data/sources/x.yaml: (file): is a FIFO, not a regular file; {REGULAR}"]),
    "folder-named-yaml": (
        _folder,
        ["data/sources/folder.yaml: (file): is a folder; data files must be regular files"],
    ),
    "dangling-link": (_dangling, [f"data/sources/gone.yaml: (file): {LINK}"]),
    "link-loop": (_loop, [f"data/sources/loop.yaml: (file): {LINK}"]),
    "sources-folder-outside": (
        _sources_outside,
        [f"data/sources/{path.name}: (file): {OUTSIDE}" for path in sorted(SOURCES.glob("*.yaml"))],
    ),
}
