"""How the kiosk downloads from the catalog repository: python-tuf's urllib3 fetcher (its
proxy handling, its HTTP errors), with one deadline for a whole check and a count of what came.

python-tuf already refuses more bytes than a file may have (its signed length, or a cap for
the timestamp and root): a server that sends without end is cut there. What it leaves open is
time: a server that drips a byte every few seconds holds a download for ever, each gap under
the socket timeout. So the body is read as it arrives (`read1`) and the deadline is checked
between reads; a request waits on its socket no longer than what is left of the deadline
(or the socket timeout, the shorter). Past the deadline the download stops with
`SlowRetrievalError` — at most one socket wait late — and the check is refused.
"""

from __future__ import annotations

import time
from collections.abc import Iterator

import urllib3
from tuf.api.exceptions import DownloadHTTPError, SlowRetrievalError
from tuf.ngclient import Urllib3Fetcher

_READ_BYTES = 64 * 1024


class BoundedFetcher(Urllib3Fetcher):
    def __init__(self, *, deadline_s: float, socket_timeout_s: float,
                 user_agent: str = "yiban-kiosk") -> None:
        super().__init__(socket_timeout=max(1, round(socket_timeout_s)),
                         app_user_agent=user_agent)
        self.deadline_s = deadline_s
        self.socket_timeout_s = socket_timeout_s
        self._deadline = time.monotonic() + deadline_s
        self.requests = 0
        self.bytes_received = 0

    def _fetch(self, url: str) -> Iterator[bytes]:
        self.requests += 1
        timeout = urllib3.Timeout(connect=self._wait_s(), read=self._wait_s())
        try:
            # no retry here: the next scheduled check is the retry
            response = self._proxy_env.request("GET", url, preload_content=False,
                                               timeout=timeout, retries=0)
        except urllib3.exceptions.MaxRetryError as exc:
            reason = exc.reason
            # urllib3 makes a refused connection a kind of connect timeout: it is no slowness
            if isinstance(reason, urllib3.exceptions.TimeoutError) and \
                    not isinstance(reason, urllib3.exceptions.NewConnectionError):
                raise SlowRetrievalError(str(reason)) from exc
            raise
        if response.status >= 400:
            response.close()
            raise DownloadHTTPError(f"HTTP {response.status} for {url}", response.status)
        return self._body(response)

    def _body(self, response: urllib3.BaseHTTPResponse) -> Iterator[bytes]:
        try:
            while True:
                self._check_time()
                chunk = response.read1(_READ_BYTES)
                if not chunk:
                    return
                self.bytes_received += len(chunk)
                yield chunk
        except urllib3.exceptions.TimeoutError as exc:
            raise SlowRetrievalError("the repository stopped sending") from exc
        finally:
            response.release_conn()

    def _wait_s(self) -> float:
        """The longest one wait on the network may be now."""
        left = self._deadline - time.monotonic()
        return max(0.05, min(self.socket_timeout_s, left))

    def _check_time(self) -> None:
        if time.monotonic() > self._deadline:
            raise SlowRetrievalError(f"the check took longer than {self.deadline_s:g} s "
                                     f"({self.bytes_received} bytes received)")
