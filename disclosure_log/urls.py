"""Absolute addresses of pages and attachments, for feeds and data files."""

from __future__ import annotations

from urllib.parse import quote

from disclosure_log.model import Attachment, Response


def absolute_url(site_url: str, path: str) -> str:
    """`path` (relative to the site root) as an absolute URL under `site_url`."""
    return f"{site_url.rstrip('/')}/{path.lstrip('/')}"


def page_url(site_url: str, response: Response) -> str:
    """The absolute URL of a response's public page."""
    return absolute_url(site_url, response.url)


def attachment_url(site_url: str, response: Response, attachment: Attachment) -> str:
    """The absolute URL at which an attachment is published, percent-encoded."""
    return absolute_url(site_url, f"{response.url}attachments/{quote(attachment.name)}")
