"""The app at the edges of what the data may hold: dates at both ends of the calendar the data
may use, and sources that record nothing of a kind (said as such, not blamed on the filters)."""

from __future__ import annotations

import pytest
from helpers.datafolder import SEED_YAML, copy_data, run_cli
from helpers.devserver import ENTRY
from streamlit.testing.v1 import AppTest

from dialogue_tracker.paths import DATA_ENV

pytestmark = pytest.mark.app

PAGES = ["issue", "timeline", "quotes", "speakers", "source"]


def run_pages(data, monkeypatch) -> list[AppTest]:
    monkeypatch.setenv(DATA_ENV, str(data))
    app = AppTest.from_file(ENTRY, default_timeout=60).run()
    apps = [app]
    for page in PAGES:
        app.switch_page(f"pages/{page}.py").run()
        assert not app.exception, (page, [e.message for e in app.exception])
        apps.append(app)
    return apps


def texts(app: AppTest) -> list[str]:
    return [str(element.value) for kind in ("info", "error") for element in app.get(kind)]


@pytest.mark.parametrize(("first", "last"), [("1900-01-01", "2100-12-31"), ("1900", "2100")])
def test_every_view_holds_the_ends_of_the_calendar(first, last, tmp_path, monkeypatch) -> None:
    data = copy_data(tmp_path)
    seed = data / "sources" / SEED_YAML.name
    text = seed.read_text(encoding="utf-8")
    text = text.replace('event_date: "2016-03-24"', f'event_date: "{first}"')
    seed.write_text(text.replace('date: "2016-08"', f'date: "{last}"'), encoding="utf-8")
    context = data / "context.yaml"
    context.write_text(
        context.read_text(encoding="utf-8").replace('date: "2016-04-13"', f'date: "{last}"'),
        encoding="utf-8",
    )
    assert run_cli("validate", "--data", data).returncode == 0
    assert run_cli("export", "--data", data, "--format", "csv").returncode == 0
    for app in run_pages(data, monkeypatch):
        assert not any("failed validation" in text for text in texts(app))


def test_a_source_that_records_no_stances_says_so(tmp_path, monkeypatch) -> None:
    data = copy_data(tmp_path)
    for other in (data / "sources").iterdir():  # the seed alone, and it without stances
        if other.stem != SEED_YAML.stem:
            other.unlink()
    seed = data / "sources" / SEED_YAML.name
    seed.write_text(seed.read_text(encoding="utf-8").split("stances:")[0], encoding="utf-8")
    assert run_cli("validate", "--data", data).returncode == 0
    monkeypatch.setenv(DATA_ENV, str(data))
    app = AppTest.from_file(ENTRY, default_timeout=60).run()
    assert not app.exception
    shown = texts(app)
    assert "The sources record no stances." in shown
    assert "The sources record no next steps." in shown
    assert not any("match the filters" in text for text in shown)
