"""Reading a data file as a hostile folder may offer it: regular files only, inside the folder,
never more than a fixed number of bytes.

A pull request can add any file to the data folder, and a hosted app serves whatever it holds. So
a data file is opened without following a symbolic link and without waiting on a FIFO, checked to
be a regular file once open, and read up to its limit plus one byte whatever `stat` says
(`/dev/zero` and `/proc` files report a size of 0). A refused file is never read, so its content
can never be echoed in a message.
"""

from __future__ import annotations

import os
import stat
from pathlib import Path

SYMLINK = "is a symbolic link; data files must be regular files inside the data folder"
OUTSIDE = "is outside the data folder; data files must be regular files inside the data folder"


class Refused(Exception):
    """The file cannot be read as data; the message says why (never what it holds)."""


def read_capped(path: Path, limit: int, root: Path | None = None) -> bytes:
    """The bytes of the regular file `path`, or `Refused` when it is a link, a folder, a special
    file, outside `root` (a folder), or longer than `limit` bytes."""
    if root is not None and not _inside(path, root):
        raise Refused(OUTSIDE)
    try:
        mode = os.lstat(path).st_mode
    except FileNotFoundError:
        raise Refused("does not exist") from None
    if stat.S_ISLNK(mode):
        raise Refused(SYMLINK)
    if not stat.S_ISREG(mode):
        raise Refused(_not_regular(mode))
    flags = os.O_RDONLY | getattr(os, "O_NOFOLLOW", 0) | getattr(os, "O_NONBLOCK", 0)
    try:
        handle = os.open(path, flags)
    except OSError as error:  # replaced by a link or a FIFO since lstat, or unreadable
        raise Refused(f"cannot be opened ({error.strerror})") from None
    with os.fdopen(handle, "rb") as file:
        mode = os.fstat(file.fileno()).st_mode
        if not stat.S_ISREG(mode):
            raise Refused(_not_regular(mode))
        raw = file.read(limit + 1)
    if len(raw) > limit:
        raise Refused(f"is over the {limit:,}-byte limit; read no further")
    return raw


def is_regular(path: Path) -> bool:
    """Whether `path` itself (not a link's target) is a regular file."""
    try:
        return stat.S_ISREG(os.lstat(path).st_mode)
    except OSError:
        return False


def _inside(path: Path, root: Path) -> bool:
    """Whether the folder holding `path` is `root` or below it, once links are resolved."""
    try:
        return path.parent.resolve().is_relative_to(root.resolve())
    except (OSError, RuntimeError):  # a link loop among the folders
        return False


def _not_regular(mode: int) -> str:
    if stat.S_ISDIR(mode):
        return "is a folder; data files must be regular files"
    kinds = {stat.S_ISFIFO: "a FIFO", stat.S_ISSOCK: "a socket", stat.S_ISCHR: "a device"}
    kinds[stat.S_ISBLK] = "a device"
    kind = next((name for test, name in kinds.items() if test(mode)), "a special file")
    return f"is {kind}, not a regular file; data files must be regular files"
