"""The draft command under a careless or hurried curator: options with a trailing newline, a
second run while one holds the draft's lock, Ctrl-C in the middle, and a transcript too long for
one data file. (Two runs started together were tried as a test; they overlapped too rarely to
fail without the lock, so the lock itself is tested.)"""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest
from helpers.datafolder import copy_data, run_cli
from helpers.drafting import ARTICLES

from dialogue_tracker.draft import writer
from dialogue_tracker.draft.command import run
from dialogue_tracker.draft.pipeline import Options
from dialogue_tracker.paths import PROJECT
from dialogue_tracker.yaml_reader import MAX_BYTES

pytestmark = pytest.mark.cli

TRANSCRIPT = (ARTICLES / "transcript.txt").read_text(encoding="utf-8")


def long_transcript(path: Path, size: int) -> Path:
    head, _, body = TRANSCRIPT.partition("\n\n")
    copies = size // len(body) + 1
    path.write_text(head + "\n\n" + (body.strip() + "\n\n") * copies, encoding="utf-8")
    return path


@pytest.mark.parametrize(
    ("option", "message"),
    [
        (["--source-id", "abc\n"],
         "draft: --source-id 'abc\\n': use lower-case letters, digits and hyphens"),
        (["--source-id", "abc", "--url", "http://a.example/x\n"],
         "draft: --url 'http://a.example/x\\n': 'http://a.example/x\\n' is not allowed; "
         "expected an http:// or https:// address"),
        (["--source-id", "abc", "--date", "٢٠١٦-03-24"],
         "draft: --date '٢٠١٦-03-24': expected YYYY-MM-DD"),
        (["--source-id", "abc", "--date", "0001-01-01"],
         "draft: --date '0001-01-01': 0001-01-01 is outside the years 1900 to 2100 the data "
         "may use"),
        (["--source-id", "abc", "--title", "\u202eyrreK nhoJ"],
         "draft: --title: the character U+202E (RIGHT-TO-LEFT OVERRIDE) at character 1 is not "
         "allowed: control and bidi characters can hide or disguise text; remove it"),
    ],
)  # fmt: skip
def test_a_bad_option_is_one_line_not_a_traceback(tmp_path: Path, option, message) -> None:
    data = copy_data(tmp_path)
    result = run_cli("draft", ARTICLES / "said-patterns.txt", *option, "--data", data)
    assert result.returncode == 2
    assert result.stderr.splitlines() == [message]
    assert not (data / "drafts").exists()


def test_a_run_holding_the_lock_refuses_another(tmp_path: Path) -> None:
    data = copy_data(tmp_path)
    (data / "drafts").mkdir()
    lock = data / "drafts" / ".geneva.lock"
    lock.touch()
    result = run_cli(
        "draft", ARTICLES / "said-patterns.txt", "--source-id", "geneva", "--data", data
    )
    assert result.returncode == 1
    assert result.stderr == (
        f"draft: another draft of 'geneva' is being written ({lock} exists); "
        "if no other draft command is running, delete that file\n"
    )
    assert sorted(path.name for path in (data / "drafts").iterdir()) == [".geneva.lock"]


def test_ctrl_c_while_drafting_leaves_nothing_and_prints_no_traceback(tmp_path: Path) -> None:
    data = copy_data(tmp_path)
    article = long_transcript(tmp_path / "long.txt", 600_000)
    lock = data / "drafts" / ".long.lock"
    command = [sys.executable, "-m", "dialogue_tracker", "draft", article, "--source-id", "long"]
    process = subprocess.Popen(
        [*command, "--data", data],
        env={**os.environ, "PYTHONPATH": str(PROJECT)},
        stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True,
    )  # fmt: skip
    while not lock.exists() and process.poll() is None:
        time.sleep(0.001)
    process.send_signal(signal.SIGINT)
    _, err = process.communicate(timeout=120)
    assert process.returncode == 130, err
    assert err.splitlines()[-1] == "interrupted; nothing more was written"
    assert "Traceback" not in err
    assert list((data / "drafts").iterdir()) == []


def test_an_interrupt_between_the_two_files_leaves_neither(tmp_path: Path, monkeypatch) -> None:
    data = copy_data(tmp_path)
    written = []
    real = writer.write_atomic

    def interrupted_after_the_first(path: Path, content: bytes) -> None:
        if written:
            raise KeyboardInterrupt
        written.append(path)
        real(path, content)

    monkeypatch.setattr(writer, "write_atomic", interrupted_after_the_first)
    with pytest.raises(KeyboardInterrupt):
        run(ARTICLES / "said-patterns.txt", Options("geneva"), data)
    assert written  # the text was written, then taken back
    assert list((data / "drafts").iterdir()) == []


def test_a_transcript_too_long_for_one_file_is_drafted_in_parts(tmp_path: Path) -> None:
    data = copy_data(tmp_path)
    article = long_transcript(tmp_path / "long.txt", 250_000)
    result = run_cli(
        "draft", article, "--source-id", "long", "--date", "2016-03-24", "--data", data
    )
    assert result.returncode == 0, result.stderr
    yamls = sorted((data / "drafts").glob("*.yaml"))
    assert len(yamls) > 1
    assert [path.name for path in yamls] == [
        f"long-part-{n}.yaml" for n in range(1, len(yamls) + 1)
    ]
    assert all(path.stat().st_size <= MAX_BYTES for path in yamls)
    assert f"the text is cut into {len(yamls)} parts, each its own draft" in result.stdout
    joined = "".join(
        (data / "drafts" / f"long-part-{n}.txt").read_text(encoding="utf-8")
        for n in range(1, len(yamls) + 1)
    )
    assert joined == article.read_text(encoding="utf-8")
    checked = run_cli("validate", "--include-drafts", "--data", data)
    assert checked.returncode == 0, checked.stdout


def test_a_quote_with_a_bidi_control_is_one_line_not_a_traceback(tmp_path: Path) -> None:
    data = copy_data(tmp_path)
    article = tmp_path / "bidi.txt"
    article.write_text('Talks.\n\n"We talked about \u202eSyria," Lavrov said.\n', encoding="utf-8")
    result = run_cli("draft", article, "--source-id", "bidi", "--data", data)
    assert result.returncode == 1
    assert result.stderr.splitlines() == [
        "draft: the text cannot be drafted: quotes[0].text: the character U+202E (RIGHT-TO-LEFT "
        "OVERRIDE) at character 17 is not allowed: control and bidi characters can hide or "
        "disguise text; remove it"
    ]
    assert list((data / "drafts").iterdir()) == []
