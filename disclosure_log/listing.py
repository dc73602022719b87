"""Shared helpers for the output modules: which responses to list, in what order, at what URL."""

from __future__ import annotations

from collections.abc import Iterable
from urllib.parse import quote

from disclosure_log.model import Attachment, Response
from disclosure_log.publication import is_public


def newest_first(responses: Iterable[Response]) -> list[Response]:
    """Responses by date, newest first; the reference breaks ties so the order is stable."""
    by_reference = sorted(responses, key=lambda r: r.reference)
    return sorted(by_reference, key=lambda r: r.date, reverse=True)


def public_newest_first(responses: Iterable[Response]) -> list[Response]:
    """The published responses only, newest first."""
    return newest_first(r for r in responses if is_public(r))


def absolute_url(site_url: str, path: str) -> str:
    """`path` (relative to the site root) as an absolute URL under `site_url`."""
    return f"{site_url.rstrip('/')}/{path.lstrip('/')}"


def page_url(site_url: str, response: Response) -> str:
    """The absolute URL of a response's public page."""
    return absolute_url(site_url, response.url)


def attachment_url(site_url: str, response: Response, attachment: Attachment) -> str:
    """The absolute URL at which an attachment is published, percent-encoded."""
    return absolute_url(site_url, f"{response.url}attachments/{quote(attachment.name)}")
