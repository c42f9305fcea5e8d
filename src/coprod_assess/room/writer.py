"""The one writer of the answers file: answers that arrive together are saved together.

Each page that saves something hands its change to this thread and waits.
The thread takes every change waiting, makes them all in the file's text and
writes it once (atomic, synced), then lets each page reply. So a room of fifty
pressing Next at once costs one disk sync, not fifty, and still no reply says
"saved" before its answer is on disk.
"""

from __future__ import annotations

import contextvars
import queue
import threading
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any, Generic, TypeVar

if TYPE_CHECKING:
    from coprod_assess.answers.session import Session

T = TypeVar("T")
MOST_AT_ONCE = 200


@dataclass
class _Job(Generic[T]):
    change: Callable[[], T]
    done: threading.Event = field(default_factory=threading.Event)
    result: Any = None
    error: BaseException | None = None


class Writer:
    """A thread that applies changes to the session and writes them, many to a write."""

    def __init__(
        self, session: Session, lock: threading.RLock, tell: Callable[[str], None] = print
    ) -> None:
        self.session = session
        self.lock = lock
        self.tell = tell
        self._jobs: queue.SimpleQueue[_Job[Any]] = queue.SimpleQueue()
        # The thread keeps the language it was started in (the workshop's): what it tells
        # the terminal, and any error it raises, are in it.
        context = contextvars.copy_context()
        self._thread = threading.Thread(
            target=context.run, args=(self._run,), name="answers-writer", daemon=True
        )
        self._thread.start()

    def write(self, change: Callable[[], T]) -> T:
        """Make `change` (which edits the session) and return once it is on disk."""
        job: _Job[T] = _Job(change)
        self._jobs.put(job)
        job.done.wait()
        if job.error is not None:
            raise job.error
        result: T = job.result
        return result

    def _run(self) -> None:
        while True:
            jobs = [self._jobs.get()]
            while len(jobs) < MOST_AT_ONCE:
                try:
                    jobs.append(self._jobs.get_nowait())
                except queue.Empty:
                    break
            self._write(jobs)

    def _write(self, jobs: list[_Job[Any]]) -> None:
        try:
            with self.lock, self.session.batch():
                for job in jobs:
                    try:
                        job.result = job.change()
                    except Exception as err:  # that page shows it; the others go on
                        job.error = err
        except BaseException as err:  # the write itself failed: nothing here is saved
            for job in jobs:
                job.error = job.error or err
        finally:
            for job in jobs:
                job.done.set()
            while self.session.notices:
                self.tell(self.session.notices.pop(0))
