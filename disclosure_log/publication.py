"""Which responses may appear in any output of the build."""

from __future__ import annotations

from disclosure_log.model import Response, Status


def is_public(response: Response) -> bool:
    """The one place that decides whether a response's content is published."""
    return response.status is Status.PUBLISHED
