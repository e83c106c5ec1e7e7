"""The short report the draft command prints: counts, doubtful items, what was removed."""

from __future__ import annotations

from collections import Counter
from pathlib import Path

from dialogue_tracker.draft.pipeline import Draft
from dialogue_tracker.draft.rules import LOW_CONFIDENCE


def report(draft: Draft, yaml_path: Path, text_path: Path) -> str:
    lines = [f"Drafted {yaml_path} and {text_path.name} ({draft.kind})."]
    if draft.removed:
        lines.append(f"Removed {len(draft.removed)} line(s) of page furniture:")
        lines += [f"  {removed}" for removed in draft.removed]
    else:
        lines.append("Removed no page furniture.")
    speakers = Counter(quote.speaker or "no speaker" for quote in draft.quotes)
    by_speaker = ", ".join(f"{speaker} {n}" for speaker, n in speakers.most_common())
    lines.append(f"{len(draft.quotes)} quote(s)" + (f": {by_speaker}." if by_speaker else "."))
    issues = Counter(issue for quote in draft.quotes for issue in quote.issues)
    if issues:
        lines.append("Issues: " + ", ".join(f"{i} {n}" for i, n in issues.most_common()) + ".")
    if draft.stubs:
        lines.append(f"{len(draft.stubs)} new speaker stub(s) to review:")
        lines += [f"  {p.id}: {p.name}, {p.role} (side {p.side})" for p in draft.stubs]
    nobody = draft.unattributed()
    if nobody:
        lines.append(f"{len(nobody)} quote(s) with no speaker found (speaker: null, to review):")
        lines += [f"  {q.id}, paragraph {q.paragraph}: {_short(q.text)!r}" for q in nobody]
    lines.append(
        f"{len(draft.stances)} stance candidate(s), {len(draft.next_steps)} next-step "
        "candidate(s), all marked review: true."
    )
    low = draft.low_confidence()
    if low:
        lines.append(f"{len(low)} attribution(s) below {LOW_CONFIDENCE} confidence:")
        lines += [
            f"  {q.id} → {q.speaker} ({q.confidence:.2f}): {_short(q.reason, 120)}" for q in low
        ]
    else:
        lines.append(f"No attribution below {LOW_CONFIDENCE} confidence.")
    review = sum(quote.review for quote in draft.quotes)
    lines.append(f"{review} of {len(draft.quotes)} quote(s) marked review: true.")
    if draft.warnings:
        lines.append("Quote marks to check:")
        lines += [f"  {warning}" for warning in draft.warnings]
    return "\n".join(lines)


def _short(text: str, size: int = 70) -> str:
    text = " ".join(text.split())
    return text if len(text) <= size else text[: size - 1] + "…"
