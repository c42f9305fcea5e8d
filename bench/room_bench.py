"""Benchmark: 50 phones on loopback answering the short form at once in `coprod workshop`.

Reports answers saved per second and the time from pressing Next to the next
question on screen (the answer's POST, its redirect and the next page), p50
and p95. Target on a 2-core machine: p95 under 50 ms, no errors, no lost
answers.

Each simulated person reads for a while before answering (`--think`, the
mean in seconds, 2 by default: faster than anyone reads a question, so the
room is busier than a real one). `--think 0` has everyone press Next the
moment a page arrives: that measures how many answers a second the laptop
can take, not what a person waits. The simulated phones run on the same
laptop and share its cores with the server.

Run from the repository root: `python -m bench.room_bench` (`--people N`,
and any `coprod workshop` options after `--`, e.g. `-- --only
nef-six-principles` to time the full form of one rubric).
"""

from __future__ import annotations

import argparse
import random
import statistics
import tempfile
import threading
import time
from pathlib import Path

import httpx2 as httpx
import yaml

from tests.room.live import LiveRoom, form_token

TARGET_P95 = 0.050
DEFAULT_FORM = ["--short", "--organisation", "Benchmark", "--period", "2026"]


def participant(
    live: LiveRoom, number: int, think: float, times: list[float], errors: list[str]
) -> None:
    """Join, then answer every question with its first option; time each Next."""
    pace = random.Random(number)
    with httpx.Client(base_url=live.base, timeout=10.0, follow_redirects=False) as client:
        page = client.get(live.join_url, follow_redirects=True)
        reply = client.post("/start", data={"csrf": form_token(page.text), "role": "staff"})
        location = reply.headers.get("location", "")
        page = client.get(location)
        while location.startswith("/q/"):
            answer = page.text.split('name="answer" value="', 1)[1].split('"', 1)[0]
            time.sleep(think * pace.uniform(0.5, 1.5))
            start = time.perf_counter()
            reply = client.post(location, data={"csrf": form_token(page.text), "answer": answer})
            if reply.status_code != 303:
                errors.append(f"{number}: {reply.status_code} at {location}")
                return
            location = reply.headers["location"]
            page = client.get(location)
            times.append(time.perf_counter() - start)
            if page.status_code != 200:
                errors.append(f"{number}: {page.status_code} at {location}")
                return


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--people", type=int, default=50)
    parser.add_argument("--think", type=float, default=2.0, help="mean seconds on a question")
    parser.add_argument("workshop", nargs="*", help="options for coprod workshop")
    options = parser.parse_args()
    form = options.workshop or DEFAULT_FORM
    with tempfile.TemporaryDirectory() as folder:
        live = LiveRoom(Path(folder) / "answers.yaml", form).start()
        times: list[float] = []
        errors: list[str] = []
        threads = [
            threading.Thread(target=participant, args=(live, n, options.think, times, errors))
            for n in range(options.people)
        ]
        start = time.perf_counter()
        try:
            for thread in threads:
                thread.start()
            for thread in threads:
                thread.join(timeout=300)
        finally:
            elapsed = time.perf_counter() - start
            live.stop()
        people = yaml.safe_load(live.path.read_text(encoding="utf-8"))["respondents"]
        saved = sum(len(given) for p in people for given in p["answers"].values())
    p50 = statistics.median(times) * 1000
    p95 = statistics.quantiles(times, n=20)[-1] * 1000
    print(f"{options.people} phones, about {options.think:g} s on each question: ", end="")
    print(f"{len(times)} answers in {elapsed:.1f} s, ", end="")
    print(f"{len(times) / elapsed:.0f} answers a second")
    print(f"Next to the next question: p50 {p50:.0f} ms, p95 {p95:.0f} ms ", end="")
    print(f"(target p95 under {TARGET_P95 * 1000:.0f} ms)")
    print(f"errors: {len(errors)}; answers on disk: {saved} of {len(times)} acknowledged")
    ok = not errors and saved == len(times) and p95 < TARGET_P95 * 1000
    print("PASS" if ok else "FAIL")
    for error in errors[:5]:
        print(" ", error)


if __name__ == "__main__":
    main()
