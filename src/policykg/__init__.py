"""policykg: a knowledge graph of Vietnamese Party policy documents on science and technology.

The layers, each a subpackage that imports only from those below it (a contract in
pyproject.toml checks it): ``core`` ← ``ontology`` ← ``queries`` ← ``loaders`` ←
``api``, ``cli``.
"""

from importlib.metadata import PackageNotFoundError, version

try:
    __version__ = version("policykg")
except PackageNotFoundError:  # pragma: no cover - running from a tree that is not installed
    __version__ = "0+unknown"
