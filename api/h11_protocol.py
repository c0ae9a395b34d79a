"""uvicorn's h11 protocol with a time limit on a request's head.

uvicorn bounds the head's size (``h11_max_incomplete_event_size``) and the idle time
between requests (``timeout_keep_alive``), but not the time a head takes: a client that
opens a connection and sends nothing, or trickles its request line and headers a byte at
a time, holds the connection for ever (each byte it sends even cancels the keep-alive
timer).  Here a connection that has not sent a whole head ``POLICYKG_HEAD_TIMEOUT_S``
after it opened, or after the previous response, is closed.  The body has a limit of
its own (:class:`policykg.api.middleware.BodyLimit`).  ``policykg serve`` names this
class as uvicorn's ``http`` protocol.
"""

from __future__ import annotations

import asyncio

import h11
from uvicorn.protocols.http.h11_impl import H11Protocol

from policykg.core.settings import get_settings


class HeadTimeoutH11(H11Protocol):
    """:class:`H11Protocol`, closing a connection whose request head is late."""

    _head_timer: asyncio.TimerHandle | None = None

    # the signature of H11Protocol.connection_made, narrower than asyncio.Protocol's
    def connection_made(self, transport: asyncio.Transport) -> None:  # type: ignore[override]
        super().connection_made(transport)
        self._wait_for_head()

    def on_response_complete(self) -> None:
        super().on_response_complete()
        self._wait_for_head()

    def connection_lost(self, exc: Exception | None) -> None:
        self._stop_waiting()
        super().connection_lost(exc)

    def _wait_for_head(self) -> None:
        self._stop_waiting()
        self._head_timer = self.loop.call_later(get_settings().head_timeout_s, self._head_late)

    def _stop_waiting(self) -> None:
        if self._head_timer is not None:
            self._head_timer.cancel()
            self._head_timer = None

    def _head_late(self) -> None:
        self._head_timer = None
        # IDLE: no whole head yet (h11 leaves that state once it has parsed one)
        if self.conn.their_state is h11.IDLE and not self.transport.is_closing():
            self.conn.send(h11.ConnectionClosed())
            self.transport.close()
