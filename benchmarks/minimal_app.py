"""The yardstick for page loads: about the least a Streamlit page with a chart can be.

With MINIMAL_APP_ELEMENTS=N it also draws N one-line markdown elements, which tells what the
number of elements alone costs a page load.
"""

import os

import plotly.graph_objects as go
import streamlit as st

st.title("Minimal app")
choice = st.sidebar.selectbox("Series", ["a", "b", "c"])
figure = go.Figure(go.Scatter(x=[1, 2, 3, 4], y=[3, 1, 4, 1], mode="lines+markers", name=choice))
st.plotly_chart(figure)
for index in range(int(os.environ.get("MINIMAL_APP_ELEMENTS") or 0)):
    st.markdown(f"**Item {index}** · a line of text with [a link](/?item={index})")
