"""The detail pane: one posting, its score by part and each requirement with its evidence."""
