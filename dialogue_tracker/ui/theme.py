"""The look shared by every page: the app icon and the chart colours of `.streamlit/config.toml`."""

from __future__ import annotations

from pathlib import Path

import streamlit as st

ICON = str(Path(__file__).with_name("icon.png"))


def chart_palette() -> list[str]:
    """The theme's categorical chart colours, so that figures carry no colour literals."""
    return list(st.get_option("theme.chartCategoricalColors") or [])
