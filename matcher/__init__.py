"""matcher: ranks job postings against a CV, offline."""

import os

# numpy's OpenBLAS starts a thread per core that spins while it waits for work. matcher's matrix
# products are small (10,000 postings' requirement lines × 384 × a CV's sentences: tens of
# milliseconds on one core), so on a 2-core machine the second thread mostly takes a core from the
# rest of the process (the window's thread, or the other half of `rank`): `matcher rank --top 10`
# at 10,000 took 1.24 s with it and 1.07 s without, `rank --json` at 1,250 1.14 s and 0.86 s of CPU
# (farm-bench, median of 7 and 9). Set before numpy is first imported; a user's own setting wins.
# PyTorch's threads (embedding) are its own and not affected.
os.environ.setdefault("OPENBLAS_NUM_THREADS", "1")
