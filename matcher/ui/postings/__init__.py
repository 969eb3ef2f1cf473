"""Postings: import, remove and undo, backup and restore."""
