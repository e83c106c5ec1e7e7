from dialogue_tracker.ui import cards, speakers_view
from dialogue_tracker.ui.page import start_page

view = start_page(
    "Speakers",
    "Who spoke, for which side, and what each said on each issue.",
)
quotes = view.quotes()
speakers = speakers_view.speakers_shown(view)
if not speakers:
    cards.nothing_left("speakers")
for speaker in speakers:
    speakers_view.speaker_card(view, speaker, quotes)
