"""Share the rows of a bulk recompute out to worker processes (the PostgreSQL COPY path).

Scoring a province-year is pure Python work on sums already loaded, one core busy while the
others idle. The people are dealt out in shares: forked workers inherit the loaded sums (only
the shares' person ids are sent to them), produce their share's COPY text lines and send back
the bytes, while this process produces and streams its own share. Workers never touch the
database: this process alone writes, in its one transaction.
"""

import os
from collections.abc import Callable, Iterable, Iterator
from concurrent.futures import ProcessPoolExecutor
from itertools import islice
from multiprocessing import get_context

Produce = Callable[[list[int]], Iterable[str]]  # COPY text lines of the given people
CHUNK = 2000
_inherited: dict[str, Produce] = {}


def encoded_blocks(produce: Produce, people: list[int], workers: int) -> Iterator[bytes]:
    """COPY text of produce(people), computed by `workers` processes in all (this one too)."""
    if workers < 2 or not hasattr(os, "fork"):
        yield from _encoded(produce(people))
        return
    shares = [people[i::workers] for i in range(workers)]
    # fork: the initializer's arguments are inherited, not pickled.
    with ProcessPoolExecutor(
        workers - 1, mp_context=get_context("fork"), initializer=_inherit, initargs=(produce,)
    ) as pool:
        futures = [pool.submit(_encode_share, share) for share in shares[1:]]
        yield from _encoded(produce(shares[0]))
        for future in futures:
            yield future.result()  # re-raises a worker's exception here


def chunks(rows: Iterable, size: int = CHUNK) -> Iterator[list]:
    rows = iter(rows)
    while chunk := list(islice(rows, size)):
        yield chunk


def _encoded(lines: Iterable[str]) -> Iterator[bytes]:
    return ("".join(chunk).encode() for chunk in chunks(lines))


def _inherit(produce: Produce) -> None:
    _inherited["produce"] = produce


def _encode_share(people: list[int]) -> bytes:
    return "".join(_inherited["produce"](people)).encode()
