"""The one place that decides what of a response the public sees."""

from __future__ import annotations

from disclosure_log.model import Response, Status


def is_public(response: Response) -> bool:
    """The one place that decides whether a response's content is published."""
    return response.status is Status.PUBLISHED


def is_built(response: Response) -> bool:
    """Whether the response has a page at all: published, or a withdrawal notice."""
    return response.status is not Status.DRAFT
