"""Settings, read from ``POLICYKG_*`` environment variables.

``get_settings()`` builds them once, on first use (never at import).
"""

from __future__ import annotations

import hashlib
from functools import lru_cache
from pathlib import Path
from typing import Annotated

from platformdirs import user_data_dir
from pydantic import AliasChoices, Field, ValidationError, field_validator, model_validator
from pydantic_settings import BaseSettings, NoDecode, SettingsConfigDict

from policykg.core.errors import InputError

# The installed package (site-packages/policykg, or src/policykg of a checkout): the
# bundled corpus is package data beside this folder.
PACKAGE = Path(__file__).absolute().parent.parent
BUNDLED_CORPUS = PACKAGE / "corpus"


def _default_data_dir() -> Path:
    """Under the user's data folder, one folder per checkout (or installation), so that
    two checkouts never share an embedded graph by accident."""
    home = (PACKAGE.parent.parent if PACKAGE.parent.name == "src" else PACKAGE).resolve()
    digest = hashlib.sha256(str(home).encode()).hexdigest()[:10]
    return Path(user_data_dir("policykg", appauthor=False)) / f"{home.name}-{digest}"


class Settings(BaseSettings):
    """policykg configuration."""

    model_config = SettingsConfigDict(env_prefix="POLICYKG_", extra="ignore")

    graph_url: str | None = Field(
        default=None,
        description="Graph store: unset for the embedded FalkorDB; bolt://, neo4j:// "
        "(Neo4j) or falkordb://host:port (an external FalkorDB).",
    )
    data_dir: Path = Field(
        default_factory=_default_data_dir,
        description="Folder of the embedded graph's data, log and pid files.",
    )
    embedded_port: int = Field(default=0, ge=0, le=65535,
                               description="Port of the embedded graph; 0 picks a free one.")
    graph_start_timeout_s: float = Field(
        default=300.0, gt=0, le=86_400,
        description="Seconds `policykg db start` (and any command that starts the "
        "embedded graph) waits for it to answer with its data loaded; also how long a "
        "command waits for a graph that is still loading its data.")
    graph_name: str = Field(default="policykg", min_length=1,
                            description="Graph (FalkorDB) or database (Neo4j) name.")
    neo4j_username: str = Field(
        default="neo4j",
        validation_alias=AliasChoices("POLICYKG_NEO4J_USERNAME", "NEO4J_USERNAME"),
        description="Neo4j user (POLICYKG_NEO4J_USERNAME or NEO4J_USERNAME).",
    )
    neo4j_password: str | None = Field(
        default=None,
        validation_alias=AliasChoices("POLICYKG_NEO4J_PASSWORD", "NEO4J_PASSWORD"),
        description="Neo4j password (POLICYKG_NEO4J_PASSWORD or NEO4J_PASSWORD).",
    )
    corpus_dir: Path = Field(default=BUNDLED_CORPUS,
                             description="The sample corpus that `policykg up` loads into an "
                             "empty graph (default: the one bundled with the package).")

    cypher_timeout_ms: int = Field(default=5000, ge=1, le=600_000,
                                   description="Time limit of an analyst's Cypher query (ms).")
    cypher_max_rows: int = Field(default=1000, ge=1, le=100_000,
                                 description="Rows an analyst's query returns at most; more "
                                 "are cut, with truncated: true.")
    cypher_max_reply_bytes: int = Field(
        default=32 * 1024 * 1024, ge=1024, le=1 << 34,
        description="Bytes of an analyst's query reply read at most; a larger reply is "
        "refused (400): on FalkorDB before any of it is decoded, on Neo4j once the rows "
        "read so far pass it (each record bounded by the transaction memory).")
    cypher_max_concurrent: int = Field(
        default=4, ge=1, le=256, description="Analyst Cypher queries run at once at most; "
        "more get 429 with Retry-After, so the pages and named queries stay fast.")
    graph_query_memory_mb: int = Field(
        default=512, ge=16, le=1_048_576,
        description="Memory one query may allocate in the embedded FalkorDB (MB; its "
        "QUERY_MEM_CAPACITY); a query past it is stopped with an error.")
    graph_timeout_max_ms: int = Field(
        default=300_000, ge=1, le=86_400_000,
        description="Time limit of any query on the embedded FalkorDB, policykg's own "
        "loads and checks included (ms; its TIMEOUT_MAX); queries that name no limit get "
        "POLICYKG_CYPHER_TIMEOUT_MS (its TIMEOUT_DEFAULT).")
    graph_resultset_size: int = Field(
        default=1_000_000, ge=1001, le=1_000_000_000,
        description="Rows any query on the embedded FalkorDB returns at most (its "
        "RESULTSET_SIZE): a backstop for clients that bypass policykg; policykg's own "
        "reads fail rather than return a cut result.")
    graph_max_queued_queries: int = Field(
        default=256, ge=1, le=1_000_000,
        description="Queries the embedded FalkorDB holds waiting for a worker at most (its "
        "MAX_QUEUED_QUERIES); more are refused at once (503).")
    graph_connect_timeout_s: float = Field(
        default=5.0, gt=0, le=600,
        description="Seconds to wait for a connection to the graph store (FalkorDB "
        "socket_connect_timeout, Neo4j connection_timeout).")
    graph_socket_timeout_s: float = Field(
        default=330.0, gt=0, le=86_400,
        description="Seconds to wait for a FalkorDB reply before the store counts as "
        "unreachable (socket_timeout).")
    graph_retry_time_s: float = Field(
        default=5.0, ge=0, le=600,
        description="Seconds the Neo4j driver retries a read that failed transiently "
        "(max_transaction_retry_time).")
    graph_max_nodes: int = Field(default=500, ge=1, le=100_000,
                                 description="Nodes GET /graph returns at most.")
    graph_max_bytes: int = Field(default=200_000, ge=1_000, le=100_000_000,
                                 description="Bytes of nodes and edges GET /graph returns at "
                                 "most (the nearest first; `truncated` when cut).")
    cors_origins: Annotated[list[str], NoDecode] = Field(
        default_factory=list,
        description="Origins allowed to call the API from a browser (comma-separated; "
        "none by default).")
    api_keys: Annotated[list[str], NoDecode] = Field(
        default_factory=list, repr=False,
        description="API keys that may write (comma-separated); none: writes are disabled.")
    read_keys_required: bool = Field(default=False,
                                     description="Reads need an API key too.")
    shacl_max_nodes: int = Field(
        default=20_000, ge=0,
        description="`validate --engine auto` uses pyshacl up to this many nodes, the "
        "in-graph rules above.",
    )
    progress_seconds: float = Field(
        default=5.0, ge=0, le=86_400,
        description="Seconds between the progress lines of load, import, export and "
        "validate when stderr is not a terminal (0: a line after every item).")
    max_upload_bytes: int = Field(default=5_000_000, ge=1,
                                  description="Largest request body accepted (bytes).")
    head_timeout_s: float = Field(
        default=20.0, gt=0, le=3600,
        description="Seconds a connection may take to send a whole request head (request "
        "line and headers), from its opening or the previous response; past them "
        "`policykg serve` closes it.")
    body_timeout_s: float = Field(
        default=60.0, gt=0, le=3600,
        description="Seconds a request body may take to arrive in full, from the end of "
        "its head; a client that stalls or trickles it gets 408 and is disconnected.")

    @model_validator(mode="after")
    def _limits_fit(self) -> Settings:
        if self.cypher_timeout_ms > self.graph_timeout_max_ms:
            raise ValueError(f"POLICYKG_CYPHER_TIMEOUT_MS ({self.cypher_timeout_ms}) is over "
                             f"POLICYKG_GRAPH_TIMEOUT_MAX_MS ({self.graph_timeout_max_ms})")
        if self.graph_socket_timeout_s * 1000 <= self.cypher_timeout_ms:
            raise ValueError(f"POLICYKG_GRAPH_SOCKET_TIMEOUT_S ({self.graph_socket_timeout_s}) "
                             "must be longer than POLICYKG_CYPHER_TIMEOUT_MS "
                             f"({self.cypher_timeout_ms} ms)")
        if self.cypher_max_rows >= self.graph_resultset_size:
            raise ValueError(f"POLICYKG_CYPHER_MAX_ROWS ({self.cypher_max_rows}) must be under "
                             f"POLICYKG_GRAPH_RESULTSET_SIZE ({self.graph_resultset_size})")
        return self

    @field_validator("cors_origins", "api_keys", mode="before")
    @classmethod
    def _split(cls, v: object) -> object:
        if isinstance(v, str):
            return [item.strip() for item in v.split(",") if item.strip()]
        return v

    @field_validator("graph_url")
    @classmethod
    def _check_url(cls, v: str | None) -> str | None:
        if v in (None, ""):
            return None
        schemes = ("bolt://", "bolt+s://", "bolt+ssc://", "neo4j://", "neo4j+s://",
                   "neo4j+ssc://", "falkordb://", "redis://")
        if not v.startswith(schemes):
            raise ValueError(f"unsupported graph URL {v!r}: expected one of {', '.join(schemes)}")
        return v


@lru_cache(maxsize=1)
def get_settings() -> Settings:
    """The settings; a bad value raises :class:`InputError` naming the variable."""
    try:
        return Settings()
    except ValidationError as exc:
        first = exc.errors()[0]
        if not first["loc"]:  # a rule across settings: its message names them
            raise InputError(f"invalid settings: {first['msg'].removeprefix('Value error, ')}") \
                from exc
        name = "POLICYKG_" + str(first["loc"][0]).upper()
        raise InputError(f"invalid setting {name}: {first['msg']}") from exc
