"""Log records written off the caller's thread: a handler that queues them, and one
listener thread that writes them to stderr (so a request never waits on the terminal)."""

from __future__ import annotations

import atexit
import logging
import queue
import sys
from logging.handlers import QueueHandler, QueueListener


def background_stderr_handler(fmt: str = "%(message)s") -> QueueHandler:
    """A handler that hands records to a thread writing them to stderr with ``fmt``;
    the thread drains what is queued at exit."""
    records: queue.SimpleQueue[logging.LogRecord] = queue.SimpleQueue()
    stream = logging.StreamHandler(sys.stderr)
    stream.setFormatter(logging.Formatter(fmt))
    listener = QueueListener(records, stream)
    listener.start()
    atexit.register(listener.stop)
    return QueueHandler(records)
