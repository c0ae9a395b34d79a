"""The benchmarks' generator writes distinct documents: a benchmark load is never a
re-ingest of the same ids."""

from __future__ import annotations

from pathlib import Path

from bench.corpus import write_batch
from policykg.loaders.batch import discover, extract_batch
from policykg.loaders.rows import own_document_id
from policykg.ontology.records import Extraction


def test_every_generated_file_is_a_document_of_its_own(tmp_path: Path) -> None:
    paths = write_batch(tmp_path, 40)
    assert len(paths) == 40
    items = list(extract_batch(discover([tmp_path])))
    assert all(isinstance(item, Extraction) for item in items)
    ids = [own_document_id(item) for item in items if isinstance(item, Extraction)]
    assert len(set(ids)) == 40
