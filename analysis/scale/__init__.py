"""Scale by partitions (docs/design.md, principle 8): streaming, parallel and distributed runs, cache, SQL.

The unit of work is :func:`analysis.pipeline.analyze_partition`, a pure function of a partition of
whole documents. Around it:

* :mod:`analysis.engines` runs it in this process, in worker processes or on a Dask cluster
  (``analyze(..., engine="processes" | "dask")`` uses it);
* :mod:`analysis.scale.partitions` reads a corpus on disk in partitions with the loader's own rules;
* :mod:`analysis.scale.store` - :func:`analyze_corpus`: stream a corpus into partitioned Parquet with
  a manifest, atomically, resumable;
* :mod:`analysis.scale.cache` - :func:`cached_analysis`: compute once, then read back (checked: a
  damaged entry is rebuilt with a :class:`CacheWarning`);
* :mod:`analysis.scale.query` - :func:`query`, :func:`mentions_by`: DuckDB over the Parquet files.

Heavy dependencies (pyarrow, duckdb, dask) are imported when used, not when this package is.
"""

from __future__ import annotations

from analysis.scale.cache import CacheWarning, cached_analysis
from analysis.scale.partitions import CorpusPartitions, source_fingerprint
from analysis.scale.query import connect, mentions_by, query
from analysis.scale.store import analyze_corpus, read_manifest, verify_analysis

__all__ = [
    "CacheWarning",
    "CorpusPartitions",
    "analyze_corpus",
    "cached_analysis",
    "connect",
    "mentions_by",
    "query",
    "read_manifest",
    "source_fingerprint",
    "verify_analysis",
]
