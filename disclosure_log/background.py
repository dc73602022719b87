"""Work that runs on another core while the site engine renders pages."""

from __future__ import annotations

import multiprocessing
import threading
from collections.abc import Callable
from concurrent.futures import Future, ProcessPoolExecutor
from typing import Any


def in_background(function: Callable[..., Any], *args: Any) -> Future:
    """Run `function(*args)` in a forked process; the future holds its result or exception."""
    pool = ProcessPoolExecutor(max_workers=1, mp_context=multiprocessing.get_context("fork"))
    future = pool.submit(function, *args)
    future.add_done_callback(lambda _: pool.shutdown(wait=False))
    return future


def in_fork(function: Callable[..., Any], *args: Any) -> Future:
    """Run `function(*args)` in a forked process that inherits its arguments rather than
    receiving them pickled (for large ones); the future holds its result or exception."""
    context = multiprocessing.get_context("fork")
    receiver, sender = context.Pipe(duplex=False)
    process = context.Process(target=send_result, args=(sender, function, *args), daemon=True)
    process.start()
    sender.close()
    future: Future = Future()

    def wait() -> None:
        try:
            failed, value = receiver.recv()
        except EOFError:
            failed, value = True, RuntimeError(f"{function.__name__} ended without a result")
        process.join()
        if failed:
            future.set_exception(value)
        else:
            future.set_result(value)

    threading.Thread(target=wait, daemon=True).start()
    return future


def send_result(sender: Any, function: Callable[..., Any], *args: Any) -> None:
    """In the forked process: run `function` and send back (failed, result or exception)."""
    try:
        sender.send((False, function(*args)))
    except Exception as error:  # sent to the parent, which raises it
        sender.send((True, error))
    finally:
        sender.close()
