"""Work that runs on another core while the site engine renders pages."""

from __future__ import annotations

import multiprocessing
from collections.abc import Callable
from concurrent.futures import Future, ProcessPoolExecutor
from typing import Any


def in_background(function: Callable[..., Any], *args: Any) -> Future:
    """Run `function(*args)` in a forked process; the future holds its result or exception."""
    pool = ProcessPoolExecutor(max_workers=1, mp_context=multiprocessing.get_context("fork"))
    future = pool.submit(function, *args)
    future.add_done_callback(lambda _: pool.shutdown(wait=False))
    return future
