"""HTML documentation of the ontology, generated offline with pyLODE."""
from __future__ import annotations

from pathlib import Path

from ..errors import ParleyError
from .resources import data_path


def write_docs(out: Path) -> Path:
    """Write a self-contained HTML page documenting ``parley.ttl`` to ``out``."""
    try:
        from pylode import OntPub
    except ImportError:
        raise ParleyError("pyLODE is not installed; run: pip install 'pylode==3.3.4'") from None
    from ..exports.rdf import atomic_write

    html = OntPub(ontology=str(data_path("parley.ttl"))).make_html()
    atomic_write(Path(out), lambda tmp: tmp.write_text(html, encoding="utf-8"))
    return Path(out)
