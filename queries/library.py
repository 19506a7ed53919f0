"""Named SPARQL queries: load, list, validate, parse headers, bind parameters.

Each ``queries/NAME.rq`` starts with comment lines::

    # title: Rounds
    # description: Every round of every negotiation, ...
    # param: negotiation = "" (optional; label substring filter)
    # param: entity (required; a label or an IRI)

A parameter ``NAME`` is read in the query as the variable ``?p_NAME`` and is
always bound (to its default when not given).  Values are bound as RDF terms,
never by formatting text into SPARQL: :func:`bind` adds a ``VALUES`` block
made of N-Triples-escaped literals (``str(pyoxigraph.Literal(v))``) at the
start of the outer ``WHERE`` group, so the same bound text runs on the
embedded store and on a stock SPARQL server.  (Oxigraph's own
``substitutions=`` only accepts projected variables, which would leak the
parameters into the result columns.)
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path

import pyoxigraph as ox

from ..errors import QueryError

QUERY_DIR = Path(__file__).resolve().parent
PARAM_PREFIX = "p_"

_HEADER = re.compile(r"^#\s*(title|description|param)\s*:\s*(.*?)\s*$")
_PARAM = re.compile(r'^(?P<name>[A-Za-z_][A-Za-z0-9_]*)\s*(?:=\s*"(?P<default>(?:[^"\\]|\\.)*)")?\s*(?:\((?P<doc>.*)\))?$')
_WHERE = re.compile(r"\bWHERE\s*\{", re.IGNORECASE)


@dataclass(frozen=True)
class Param:
    name: str
    default: str | None  # None: required
    doc: str = ""

    @property
    def required(self) -> bool:
        return self.default is None


@dataclass(frozen=True)
class NamedQuery:
    name: str
    text: str
    title: str = ""
    description: str = ""
    params: tuple[Param, ...] = field(default_factory=tuple)
    path: Path | None = None

    def param(self, name: str) -> Param | None:
        return next((p for p in self.params if p.name == name), None)


def parse(text: str, name: str = "query", path: Path | None = None) -> NamedQuery:
    """Parse a query's comment header (title, description, params)."""
    title = description = ""
    params: list[Param] = []
    for line in text.splitlines():
        stripped = line.strip()
        if not stripped:
            continue
        if not stripped.startswith("#"):
            break
        m = _HEADER.match(stripped)
        if not m:
            continue
        key, value = m.groups()
        if key == "title":
            title = value
        elif key == "description":
            description = value
        else:
            pm = _PARAM.match(value)
            if not pm:
                raise QueryError(f"{path or name}: bad '# param:' header {value!r}; write: # param: NAME = \"default\" (description)")
            default = pm.group("default")
            if default is not None:
                default = default.replace('\\"', '"').replace("\\\\", "\\")
            params.append(Param(pm.group("name"), default, (pm.group("doc") or "").strip()))
    return NamedQuery(name, text, title, description, tuple(params), path)


def names() -> list[str]:
    """The names of the packaged queries, sorted."""
    return sorted(p.stem for p in QUERY_DIR.glob("*.rq"))


def load(name: str) -> NamedQuery:
    """A packaged query by name; an unknown name lists the available ones."""
    path = QUERY_DIR / f"{name}.rq"
    if not re.fullmatch(r"[A-Za-z0-9_-]+", name) or not path.is_file():
        raise QueryError(f"no query named {name!r}; available: {', '.join(names())}")
    return parse(path.read_text(encoding="utf-8"), name, path)


def load_file(path: Path | str) -> NamedQuery:
    p = Path(path)
    try:
        text = p.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as exc:
        raise QueryError(f"{p}: cannot read the query ({exc})") from None
    return parse(text, p.stem, p)


def all_queries() -> list[NamedQuery]:
    return [load(n) for n in names()]


def validate(query: NamedQuery) -> None:
    """Raise :class:`QueryError` if the query does not parse (with line and column)."""
    try:
        ox.Store().query(bind(query, {}, check_required=False))
    except SyntaxError as exc:
        raise QueryError(syntax_message(query, exc)) from None


def syntax_message(query: NamedQuery, exc: SyntaxError) -> str:
    msg = str(exc).replace("\n", " ")
    m = re.search(r"(\d+):(\d+)", msg)
    where = f"line {m.group(1)}, column {m.group(2)}" if m else "unknown position"
    detail = re.sub(r"^error at \d+:\d+:\s*", "", msg)
    return f"{query.path or query.name}: SPARQL syntax error at {where}: {detail}"


def bind(query: NamedQuery, params: dict[str, str], check_required: bool = True) -> str:
    """The query text with every declared parameter bound by a ``VALUES`` block.

    Unknown parameter names and missing required ones raise :class:`QueryError`.
    Values become escaped N-Triples literals, so no value can change the query.
    """
    unknown = sorted(set(params) - {p.name for p in query.params})
    if unknown:
        known = ", ".join(p.name for p in query.params) or "none"
        raise QueryError(f"{query.name}: unknown parameter(s) {', '.join(unknown)}; this query takes: {known}")
    if not query.params:
        return query.text
    values: list[str] = []
    for p in query.params:
        if p.name in params:
            v = params[p.name]
        elif p.required:
            if check_required:
                raise QueryError(f"{query.name}: parameter '{p.name}' is required; pass --param {p.name}=VALUE")
            v = ""
        else:
            v = p.default or ""
        values.append(str(ox.Literal(str(v))))
    block = (" VALUES (" + " ".join(f"?{PARAM_PREFIX}{p.name}" for p in query.params) + ") { ("
             + " ".join(values) + ") } ")
    # find the outer WHERE outside comments and strings
    body = _mask(query.text)
    m = _WHERE.search(body)
    if not m:
        raise QueryError(f"{query.name}: declares parameters but has no 'WHERE {{' to bind them in")
    return query.text[: m.end()] + block + query.text[m.end():]


def _mask(text: str) -> str:
    """``text`` with comments and string literals blanked (same length), for searching keywords."""
    out = list(text)
    i, n = 0, len(text)
    while i < n:
        c = text[i]
        if c == "#":
            j = text.find("\n", i)
            j = n if j < 0 else j
            out[i:j] = " " * (j - i)
            i = j
        elif c in "\"'":
            j = i + 1
            while j < n and text[j] != c:
                j += 2 if text[j] == "\\" else 1
            j = min(j + 1, n)
            out[i:j] = " " * (j - i)
            i = j
        elif c == "<":
            j = text.find(">", i)
            if j > 0 and " " not in text[i:j] and "\n" not in text[i:j]:
                out[i:j + 1] = " " * (j + 1 - i)
                i = j + 1
            else:
                i += 1
        else:
            i += 1
    return "".join(out)


def run_named(store, name: str, **params: str) -> list[dict[str, str]]:
    """Run a packaged query on a :class:`~parley.graph.store.GraphStore`; rows as ``{column: text}``.

    Unknown values are empty strings; ``sources`` cells hold sorted distinct
    article ids separated by spaces.

    >>> from parley.graph.store import GraphStore
    >>> from parley.queries.library import run_named
    >>> store = GraphStore("parley-store", read_only=True)      # doctest: +SKIP
    >>> run_named(store, "rounds", negotiation="11th")[0]["venue"]  # doctest: +SKIP
    'Seoul'
    """
    from .runner import run

    result = run(store, load(name), params)
    return result.as_dicts()
