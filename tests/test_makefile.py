"""`make demo` ends by saying how to run the coprod it installed."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]


def test_make_demo_ends_with_how_to_run_coprod(tmp_path: Path) -> None:
    venv = Path(sys.prefix)
    stamp = venv / ".installed"
    # The venv the tests run in stands in for make's own; -o keeps make from reinstalling it.
    done = subprocess.run(
        ["make", "-s", "-o", str(stamp), "demo", f"VENV={venv}", f"DEMO={tmp_path / 'demo'}"],
        cwd=ROOT,
        check=True,
        capture_output=True,
        text=True,
    )
    assert (tmp_path / "demo" / "report.html").is_file()
    last = done.stdout.strip().splitlines()[-4:]
    assert last == [
        f"coprod is installed in {venv}, not on your PATH. Run it as {venv}/bin/coprod",
        f"(try: {venv}/bin/coprod --help), or first type: . {venv}/bin/activate",
        "and then plain coprod works in this terminal. To have it in every terminal:",
        "pipx install .",
    ]
