"""A hostile data folder (see helpers/hostile_folders.py): each fault is one clear line from
`validate`, promptly, and nothing outside the data folder is ever read or shown."""

from __future__ import annotations

from pathlib import Path

import pytest
from helpers.datafolder import copy_data, run_command
from helpers.hostile_folders import CASES, SECRET

from dialogue_tracker.data_files import Refused, read_capped

pytestmark = pytest.mark.cli


@pytest.mark.parametrize("case", CASES)
def test_validate_prints_one_clear_line(case: str, tmp_path: Path) -> None:
    data = copy_data(tmp_path)
    make, expected = CASES[case]
    make(data)
    result = run_command("validate", "--data", data, cwd=tmp_path, timeout=30)  # a FIFO would hang
    assert result.returncode == 1, result.stdout + result.stderr
    assert result.stdout.splitlines() == expected
    assert "Traceback" not in result.stderr
    assert SECRET not in result.stdout + result.stderr


def test_a_read_stops_at_the_limit_whatever_the_size_says() -> None:
    """Files of /proc report a size of 0: the read itself is capped, not the stat."""
    status = Path("/proc/self/status")
    if not status.is_file() or status.stat().st_size:
        pytest.skip("needs a /proc file that reports a size of 0")
    with pytest.raises(Refused, match="is over the 100-byte limit"):
        read_capped(status, 100)
    assert len(read_capped(status, 100_000)) > 100
