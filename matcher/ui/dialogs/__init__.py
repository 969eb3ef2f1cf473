"""Dialogs: About, import issues, paste a posting, export, settings."""
