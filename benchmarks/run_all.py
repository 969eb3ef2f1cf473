"""Every benchmark, one command: `.venv/bin/python -m benchmarks.run_all` (from the project root).

Prints the quality table (matcher vs TF-IDF vs embedding cosine on ../shared/data/dev), then the
speed figures beside their targets. The first run embeds the dev set (minutes on 2 cores) into
benchmarks/.cache/; later runs reuse it.
"""

from __future__ import annotations

from benchmarks import quality, speed


def main() -> None:
    print("== Ranking quality (dev set) ==", flush=True)
    quality.main()
    print("\n== Speed ==", flush=True)
    speed.main()


if __name__ == "__main__":
    main()
