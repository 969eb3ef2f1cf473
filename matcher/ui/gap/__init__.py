"""The skill-gap pane: which missing skills block the best postings, and what-if."""
