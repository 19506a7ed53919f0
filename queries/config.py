"""Settings of ``parley serve``, kept apart so the CLI can show defaults without importing the server."""
from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

DEFAULT_PORT = 7879  # Oxigraph's server takes 7878
DEFAULT_TIMEOUT = 30.0
DEFAULT_MAX_ROWS = 10_000
DEFAULT_WORKERS = 2
ENV_SERVE_USER = "PARLEY_SERVE_USER"
ENV_SERVE_PASSWORD = "PARLEY_SERVE_PASSWORD"


@dataclass(frozen=True)
class ServeConfig:
    """What the endpoint serves and its limits.

    ``timeout`` bounds each query (the worker process running it is killed
    after that many seconds); ``max_rows`` caps the rows (SELECT) or
    triples (CONSTRUCT/DESCRIBE) of one answer; with ``allow_update`` a
    single worker holds the store open for writing, otherwise every worker
    opens it read-only, so no request can change it.
    """

    store: Path
    timeout: float = DEFAULT_TIMEOUT
    max_rows: int = DEFAULT_MAX_ROWS
    allow_update: bool = False
    views: Path = Path("out")
    workers: int = DEFAULT_WORKERS

    @property
    def pool_size(self) -> int:
        return 1 if self.allow_update else max(1, self.workers)
