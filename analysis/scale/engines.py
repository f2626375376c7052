"""The old home of :mod:`analysis.engines` (execution engines: this process, worker processes, Dask).

They moved out of :mod:`analysis.scale` because :func:`analysis.analyze` uses them and
``analysis.scale`` is built on ``analyze``: importing them from here made an import cycle. This
module re-exports the public names for one release; import them from :mod:`analysis.engines`.
"""

from __future__ import annotations

from analysis.engines import dask_client, map_partitions, progress_bar, worker_count

__all__ = ["dask_client", "map_partitions", "progress_bar", "worker_count"]
