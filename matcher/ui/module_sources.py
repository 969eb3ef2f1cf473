"""Let go of the module sources PySide6 reads on every import.

A full garbage collection walks every live container object, holds the interpreter lock while it
does, and may start on any thread, the UI thread included: what the user feels is a frozen window.
On two slow cores it costs about 0.6 µs per object, so what the window's process keeps alive must
stay small. PySide6 replaces `__import__` (for `from __feature__ import snake_case`) and, after
every import, reads the new module's source with `inspect.getsource` to see whether it mentions
PySide6. That fills `linecache` with the full source of every module imported after Qt (napari
issue #8584): ~400,000 lines once the window is built, which every full collection walked. linecache
is only a cache for tracebacks and reads a file again when one is needed, so it is let go after
start-up and after every op (ops import the engine lazily).

The rest is kept small where it is made: the skill trie is flat tuples, the window holds postings
without their requirements, postings are read back as plain rows, imports run in a child process
(services.isolated).
"""

from __future__ import annotations

import linecache


def release_module_sources() -> None:
    linecache.clearcache()
