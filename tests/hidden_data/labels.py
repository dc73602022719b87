"""What each file in the accuracy set must produce: its label, and why it is in the set."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

# Every file records its author as the disclosure team, which a site lists as allowed; files
# about authors name someone else.
TEAM = "Information Rights Team"
PEOPLE_COLUMN = "people-column"
# The personal-data finding for a person a file records as author, editor or commenter.
DOCUMENT_AUTHOR = "document-author"


@dataclass(frozen=True)
class PeopleColumn:
    """A column that is a list of people: its number (1 for A) and, where a file has more than
    one table, the sheet or table named in the finding's place."""

    column: int
    table: str = ""


@dataclass(frozen=True)
class Sample:
    """One file of the set and the findings it must produce."""

    name: str
    make: Callable[[Path], None]
    codes: frozenset[str]
    about: str
    allowed: tuple[str, ...] = (TEAM,)
    # Findings a careful reader may also give without being wrong (see the README for each).
    tolerated: frozenset[str] = frozenset()
    people: tuple[PeopleColumn, ...] = ()
    # "hidden" for hidden content and look-alikes, "people" for the set of people-like columns.
    group: str = "hidden"
    extra: dict = field(default_factory=dict, compare=False)

    @property
    def clean(self) -> bool:
        return not self.codes


def sample(
    name: str,
    codes: str,
    about: str,
    make: Callable[[Path], None],
    *,
    allowed: tuple[str, ...] = (TEAM,),
    tolerated: str = "",
    people: tuple[PeopleColumn | int, ...] = (),
    group: str = "hidden",
) -> Sample:
    """A sample labelled with space-separated codes; people columns add `people-column`."""
    columns = tuple(c if isinstance(c, PeopleColumn) else PeopleColumn(c) for c in people)
    labelled = set(codes.split())
    if columns:
        labelled.add(PEOPLE_COLUMN)
    return Sample(
        name=name,
        make=make,
        codes=frozenset(labelled),
        about=about,
        allowed=allowed,
        tolerated=frozenset(tolerated.split()),
        people=columns,
        group=group,
    )
