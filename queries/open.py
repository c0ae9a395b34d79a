"""Open the graph store the settings name.

``POLICYKG_GRAPH_URL`` unset: the embedded FalkorDB of ``POLICYKG_DATA_DIR``
(started on demand); ``falkordb://`` or ``redis://`` ``[user:password@]host:port``:
an external FalkorDB; ``bolt://``, ``neo4j://`` (and their ``+s``/``+ssc``
forms): Neo4j, with ``NEO4J_USERNAME``/``NEO4J_PASSWORD``.  The graph (FalkorDB)
or database (Neo4j) is ``POLICYKG_GRAPH_NAME``; on Neo4j only when set, else
the server's default database.  The store is pinged before it is returned.
"""

from __future__ import annotations

from urllib.parse import unquote, urlsplit

from policykg.core.errors import GraphUnavailable, PolicyKGError
from policykg.core.settings import Settings, get_settings
from policykg.queries.embedded import HOST, EmbeddedFalkorDB
from policykg.queries.store import GraphStore

DEFAULT_FALKORDB_PORT = 6379


def _embedded_port(settings: Settings, start_embedded: bool) -> int:
    server = EmbeddedFalkorDB(settings.data_dir, settings.embedded_port)
    if start_embedded:
        return server.start()
    status = server.status()
    if not status.running or status.port is None:
        raise GraphUnavailable("the embedded graph is not running; start it with "
                               "`policykg db start`")
    return status.port


def _connect(settings: Settings, start_embedded: bool) -> GraphStore:
    url = settings.graph_url
    if url is None:
        # lazy: only the chosen backend's client library is imported (each costs 100+ ms)
        from policykg.queries.falkordb_store import FalkorDBStore

        return FalkorDBStore(HOST, _embedded_port(settings, start_embedded), settings.graph_name,
                             connect_timeout_s=settings.graph_connect_timeout_s,
                             socket_timeout_s=settings.graph_socket_timeout_s,
                             loading_wait_s=settings.graph_start_timeout_s)
    if url.startswith(("falkordb://", "redis://")):
        from policykg.queries.falkordb_store import FalkorDBStore  # lazy: as above

        parts = urlsplit(url)
        try:
            port = parts.port or DEFAULT_FALKORDB_PORT
        except ValueError as exc:
            raise GraphUnavailable(f"cannot reach the graph at {url}: {exc}") from exc
        return FalkorDBStore(parts.hostname or HOST, port, settings.graph_name,
                             username=unquote(parts.username) if parts.username else None,
                             password=unquote(parts.password) if parts.password else None,
                             url=parts._replace(netloc=parts.netloc.rpartition("@")[2]).geturl(),
                             connect_timeout_s=settings.graph_connect_timeout_s,
                             socket_timeout_s=settings.graph_socket_timeout_s,
                             loading_wait_s=settings.graph_start_timeout_s)
    from policykg.queries.neo4j_store import Neo4jStore  # lazy: as above

    database = settings.graph_name if "graph_name" in settings.model_fields_set else None
    return Neo4jStore(url, settings.neo4j_username, settings.neo4j_password, database=database,
                      connect_timeout_s=settings.graph_connect_timeout_s,
                      retry_time_s=settings.graph_retry_time_s)


def open_store(settings: Settings | None = None, *, start_embedded: bool = True,
               schema: bool = True) -> GraphStore:
    """The store the settings name, reachable, with its schema ensured unless ``schema``
    is false; else :class:`GraphUnavailable`."""
    store = _connect(settings or get_settings(), start_embedded)
    try:
        store.ping()
        if schema:
            store.ensure_schema()
    except PolicyKGError:
        store.close()
        raise
    return store
