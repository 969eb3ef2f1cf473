"""Bytes in → clean domain objects out, one module per format. Job postings enter through
`matcher.ingest.postings` (read_posting_file, read_posting_text, expand_paths); nothing here imports
the engine — the service layer fills in skills after import."""
