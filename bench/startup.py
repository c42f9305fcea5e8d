"""Start-up time of `coprod --help` and `--version` against `python -c "import typer"`.

Target (DESIGN.md): within 1.3x of importing typer. Run with `make bench`.
"""

from __future__ import annotations

import subprocess
import sys
import time

RUNS = 15
TARGET = 1.3


def best_of(command: list[str]) -> float:
    """The fastest of RUNS runs, in seconds: the least disturbed by other work."""
    times = []
    for _ in range(RUNS):
        start = time.perf_counter()
        subprocess.run(command, check=True, stdout=subprocess.DEVNULL)
        times.append(time.perf_counter() - start)
    return min(times)


def main() -> int:
    baseline = best_of([sys.executable, "-c", "import typer"])
    print(f"python -c 'import typer': {baseline * 1000:.0f} ms")
    worst = 0.0
    for args in (["--version"], ["--help"]):
        took = best_of([sys.executable, "-m", "coprod_assess", *args])
        ratio = took / baseline
        worst = max(worst, ratio)
        print(f"coprod {' '.join(args)}: {took * 1000:.0f} ms ({ratio:.2f}x, target {TARGET}x)")
    return 0 if worst <= TARGET else 1


if __name__ == "__main__":
    sys.exit(main())
