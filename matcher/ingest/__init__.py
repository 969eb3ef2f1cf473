"""Bytes in → clean domain objects out, one module per format. Job postings enter through
`matcher.ingest.jobs` (read_job_file, read_job_text, expand_paths); nothing here imports the
engine — the service layer fills in skills after import."""
