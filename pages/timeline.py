import streamlit as st

from dialogue_tracker.timeline import MAX_ITEMS
from dialogue_tracker.ui import cards, timeline_view
from dialogue_tracker.ui.page import start_page

view = start_page(
    "Timeline",
    "The meetings, their quotes, next-step targets and status updates, with context "
    "milestones from public sources, a lane per issue.",
)
events, folded, steps = timeline_view.items(view)

chart, undated = st.columns([3, 1])
with chart:
    figure_slot = st.container()
    if events.empty:
        cards.nothing_left("dated items")
    else:
        timeline_view.legend(events)
        if folded:
            st.caption(
                f"More than {MAX_ITEMS:,} items: the {folded:,} quotes are grouped, one point per "
                "meeting and issue. Filter by issue or speaker to see each quote."
            )
with undated:
    st.subheader("Next steps without a date", anchor=False)
    timeline_view.undated_steps(steps)

st.subheader("The same items as a table", anchor=False)
timeline_view.events_table(events)

# The chart is drawn first but sent last: the browser then draws the rest of the page before it
# runs plotly's 4.7 MB script, and the chart shows no later (docs/performance.md).
if not events.empty:
    figure_slot.plotly_chart(timeline_view.figure(view, events), theme="streamlit", width="stretch")
