"""Progress of the long commands (``load``, ``import``, ``export``, ``validate``) on stderr.

On a terminal a rich bar (count, items per second, time left); otherwise a plain line
every ``POLICYKG_PROGRESS_SECONDS`` (0: after every item), "load: 1 200 of 5 000
documents, 310/s, ~12 s left"; at the end, when the command got there, one summary line,
"load: 5 000 documents in 16 s, 310/s".  ``quiet`` prints none of it.  stdout is left
alone: what a command prints there (each loaded document as soon as it is written)
is the same with or without progress.
"""

from __future__ import annotations

import sys
import time
from collections.abc import Iterable, Iterator
from types import TracebackType
from typing import TypeVar

from rich.console import Console
from rich.progress import (
    BarColumn,
    MofNCompleteColumn,
    ProgressColumn,
    Task,
    TextColumn,
    TimeRemainingColumn,
)
from rich.progress import Progress as Bar
from rich.text import Text

from policykg.cli.common import err
from policykg.core.settings import get_settings

T = TypeVar("T")


def number(n: int) -> str:
    """1 200, 5 000 000: thousands apart by a space."""
    return f"{n:,}".replace(",", " ")


def duration(seconds: float) -> str:
    """12 s, 3 min 5 s, 1 h 2 min."""
    s = round(seconds)
    if s < 60:
        return f"{s} s"
    if s < 3600:
        return f"{s // 60} min {s % 60} s"
    return f"{s // 3600} h {s % 3600 // 60} min"


def rate(done: int, seconds: float) -> str:
    per_second = done / seconds if seconds > 0 else 0.0
    return f"{per_second:.1f}/s" if per_second < 10 else f"{number(round(per_second))}/s"


class _Rate(ProgressColumn):
    def render(self, task: Task) -> Text:
        return Text(rate(int(task.completed), task.elapsed or 0.0), style="progress.data.speed")


class Progress:
    """``with Progress("load", "documents", total) as p: … p.advance()``."""

    def __init__(self, name: str, unit: str, total: int | None = None, *,
                 quiet: bool = False) -> None:
        self.name, self.unit, self.total, self.quiet = name, unit, total, quiet
        self.done = 0
        self.every = get_settings().progress_seconds
        self._start = self._last = time.monotonic()
        console = Console(stderr=True)
        self._bar: Bar | None = None
        if not quiet and console.is_terminal:
            # stdout on the same terminal is written above the bar (else it would tear it);
            # stdout elsewhere (a pipe, a file) is left as it is
            self._bar = Bar(TextColumn(name), BarColumn(bar_width=20), MofNCompleteColumn(),
                            TextColumn(unit + ","), _Rate(), TimeRemainingColumn(),
                            TextColumn("left"),
                            console=console, transient=True,
                            redirect_stdout=sys.stdout.isatty(), redirect_stderr=True)
            self._task = self._bar.add_task("", total=total)

    def __enter__(self) -> Progress:
        self._start = self._last = time.monotonic()
        if self._bar is not None:
            self._bar.start()
        return self

    def advance(self, n: int = 1) -> None:
        self.done += n
        if self._bar is not None:
            self._bar.update(self._task, completed=self.done, total=self.total)
            return
        now = time.monotonic()
        if n and not self.quiet and now - self._last >= self.every:
            self._last = now
            err(self._line(now - self._start))

    def update(self, done: int, total: int) -> None:
        """``done`` of ``total`` now (a callback for work that counts itself)."""
        self.total = total
        self.advance(done - self.done)

    def track(self, items: Iterable[T]) -> Iterator[T]:
        """``items``, advancing by one for each."""
        for item in items:
            yield item
            self.advance()

    def _line(self, elapsed: float) -> str:
        of = f" of {number(self.total)}" if self.total is not None else ""
        line = f"{self.name}: {number(self.done)}{of} {self.unit}, {rate(self.done, elapsed)}"
        if self.total is not None and self.done and elapsed > 0:
            left = (self.total - self.done) * elapsed / self.done
            line += f", ~{duration(left)} left"
        return line

    def __exit__(self, kind: type[BaseException] | None, error: BaseException | None,
                 trace: TracebackType | None) -> None:
        if self._bar is not None:
            self._bar.stop()
        if kind is None and not self.quiet:
            elapsed = time.monotonic() - self._start
            err(f"{self.name}: {number(self.done)} {self.unit} in {duration(elapsed)}, "
                f"{rate(self.done, elapsed)}")
