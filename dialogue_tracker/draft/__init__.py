"""Draft a source's YAML from the raw text of an article or transcript.

`python -m dialogue_tracker draft ARTICLE.txt --source-id ID` cleans the page text, finds the
quoted passages (or a transcript's turns), attributes each to a speaker with a confidence and the
words it rested on, tags issues, proposes stance and next-step candidates, and writes
`data/drafts/<ID>.yaml` beside `<ID>.txt`. Every drafted record is a proposal for a curator.

Modules, in the order the pipeline uses them: `text` (page furniture), `quotes` (quoted passages),
`sentences` (sentence windows), `transcript` (labelled turns), `speakers` (the registry as a name
book, and stubs), `cues` (the words that say who speaks), `attribution` (who said it, by the
table of `rules`), `tagging` (issues), `quote_records` (the quotes proposed, with ids),
`candidates` (stances and next steps), `pipeline` (all of it, as a `Draft`), `split` (a text too
long for one file, in parts), `writer` (YAML and atomic files), `report`. `words` holds the
English word lists they share; the words for the sides come from the registry, through
`speakers.Vocabulary`.
"""
