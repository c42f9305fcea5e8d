"""Scoring 10,000 respondents across the built-in rubrics, against parsing the same file.

Targets (DESIGN.md): `coprod score` within 2x the time of PyYAML's C loader
reading the file, and under 300 MB peak memory. Run with `make bench`.
"""

from __future__ import annotations

import os
import random
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from coprod_assess.rubric.catalog import load_catalog

RESPONDENTS = 10_000
ROLES = ["person-using-services", "family-carer", "community-member", "staff", "manager"]
TIME_TARGET = 2.0
MEMORY_TARGET_MB = 300


def write_answers(path: Path, respondents: int = RESPONDENTS, seed: int = 7) -> None:
    """A realistic answers file: every built-in question, some skips and notes."""
    catalog = load_catalog()
    pick = random.Random(seed)
    lines = ["assessment:", "  organisation: Benchmark Trust", '  period: "2026"', "respondents:"]
    for n in range(respondents):
        lines += [f"  - id: r{n}", f"    role: {pick.choice(ROLES)}", "    answers:"]
        for rubric in catalog.rubrics.values():
            lines.append(f"      {rubric.id}:")
            for _, question in rubric.questions():
                roll = pick.random()
                if roll < 0.05:
                    lines.append(f"        {question.id}: {{skip: dont-know}}")
                else:
                    value = pick.choice(rubric.options_for(question)).value
                    if roll < 0.08:
                        lines.append(f'        {question.id}: {{value: {value}, note: "Seen it"}}')
                    else:
                        lines.append(f"        {question.id}: {value}")
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")


def measure(command: list[str]) -> tuple[float, float]:
    """Wall time in seconds and peak memory in MB of one child process."""
    start = time.perf_counter()
    process = subprocess.Popen(command, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    _, status, usage = os.wait4(process.pid, 0)
    took = time.perf_counter() - start
    if os.waitstatus_to_exitcode(status) != 0:
        raise SystemExit(f"failed: {' '.join(command)}")
    return took, usage.ru_maxrss / 1024


def main() -> int:
    with tempfile.TemporaryDirectory() as folder:
        answers = Path(folder) / "answers.yaml"
        write_answers(answers)
        size = answers.stat().st_size / 1024 / 1024
        parse = [
            sys.executable,
            "-c",
            "import sys, yaml; yaml.load(open(sys.argv[1], encoding='utf-8'), "
            "Loader=yaml.CSafeLoader)",
            str(answers),
        ]
        score = [
            sys.executable,
            "-m",
            "coprod_assess",
            "score",
            str(answers),
            "-o",
            str(Path(folder) / "result.json"),
        ]
        parse_time, parse_mb = min(measure(parse) for _ in range(3))
        score_time, score_mb = min(measure(score) for _ in range(3))
    ratio = score_time / parse_time
    print(f"answers file: {RESPONDENTS:,} respondents, {size:.1f} MB")
    print(f"parse with yaml.CSafeLoader: {parse_time:.2f} s, {parse_mb:.0f} MB peak")
    print(
        f"coprod score: {score_time:.2f} s ({ratio:.2f}x, target {TIME_TARGET}x), "
        f"{score_mb:.0f} MB peak (target {MEMORY_TARGET_MB} MB)"
    )
    return 0 if ratio <= TIME_TARGET and score_mb <= MEMORY_TARGET_MB else 1


if __name__ == "__main__":
    sys.exit(main())
