"""A plain static file server on loopback (Python's own http.server, threaded): what a province's
catalog repository is to a kiosk — nginx or a CDN in a real deployment. The fleet benchmark and
the tests serve repositories with it; it counts requests and bytes sent. A free port is taken
(never a fixed one), and `special` lets a test answer one path its own way (a hostile mirror).
"""

from __future__ import annotations

import contextlib
import threading
from collections.abc import Callable, Iterator
from functools import partial
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import Any

Special = Callable[[SimpleHTTPRequestHandler], None]


class _Handler(SimpleHTTPRequestHandler):
    server: _Server

    def do_GET(self) -> None:
        self.server.requests += 1
        special = self.server.special.get(self.path)
        if special is not None:
            special(self)
            return
        super().do_GET()

    def copyfile(self, source: Any, outputfile: Any) -> None:
        data = source.read()
        self.server.bytes_sent += len(data)
        outputfile.write(data)

    def log_message(self, format: str, *args: Any) -> None:
        pass  # quiet: a benchmark serves thousands of requests


class _Server(ThreadingHTTPServer):
    daemon_threads = True
    requests = 0
    bytes_sent = 0
    special: dict[str, Special]


@contextlib.contextmanager
def static_server(directory: Path) -> Iterator[StaticServer]:
    """Serve `directory` on 127.0.0.1 (a free port) until the block ends."""
    server = _Server(("127.0.0.1", 0), partial(_Handler, directory=str(directory)))
    server.special = {}
    thread = threading.Thread(target=server.serve_forever, args=(0.05,), name="static-server",
                              daemon=True)
    thread.start()
    try:
        yield StaticServer(server)
    finally:
        server.shutdown()
        server.server_close()
        thread.join(5)


class StaticServer:
    def __init__(self, server: _Server) -> None:
        self._server = server
        self.url = f"http://127.0.0.1:{server.server_address[1]}"

    @property
    def requests(self) -> int:
        return self._server.requests

    @property
    def bytes_sent(self) -> int:
        return self._server.bytes_sent

    def answer(self, path: str, special: Special) -> None:
        """Answer GET `path` (as requested, e.g. "/r1/metadata/timestamp.json") with `special`."""
        self._server.special[path] = special

    def reset_counts(self) -> None:
        self._server.requests = 0
        self._server.bytes_sent = 0
