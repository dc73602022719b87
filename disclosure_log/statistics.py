"""Statistics of the published responses: volumes, outcomes, topics, exemptions, timeliness."""

from __future__ import annotations

import statistics
from collections import Counter
from collections.abc import Iterable, Mapping
from dataclasses import dataclass

from disclosure_log.model import Exemption, Outcome, Response
from disclosure_log.publication import is_public
from disclosure_log.working_days import UK_CALENDAR, Calendar, working_days_between


@dataclass(frozen=True)
class ExemptionCount:
    """How many published responses cite an exemption, overall and by outcome."""

    exemption: Exemption
    total: int
    by_outcome: tuple[tuple[Outcome, int], ...]


@dataclass(frozen=True)
class ResponseTimes:
    """Working days taken to respond, for the responses whose received date is recorded."""

    measured: int
    within_limit: int
    median_working_days: float | None
    without_received: int

    @property
    def share_within_limit(self) -> float | None:
        """The fraction sent within the statutory limit, or None when nothing was measured."""
        return self.within_limit / self.measured if self.measured else None


@dataclass(frozen=True)
class Statistics:
    """Counts of published responses; each tuple pairs a label with a count."""

    total: int
    by_year: tuple[tuple[str, int], ...]
    by_month: tuple[tuple[str, int], ...]
    by_outcome: tuple[tuple[Outcome, int], ...]
    by_topic: tuple[tuple[str, int], ...]
    exemptions: tuple[ExemptionCount, ...]
    response_times: ResponseTimes


def compute_statistics(
    responses: Iterable[Response], calendars: Mapping[str, Calendar] | None = None
) -> Statistics:
    """Statistics of the published responses; drafts and withdrawn ones are not counted.

    `calendars` gives each regime's time limit and bank holidays (FOISA counts Scotland's).
    """
    public = [r for r in responses if is_public(r)]
    return Statistics(
        total=len(public),
        by_year=counts_by_year(public),
        by_month=counts_by_month(public),
        by_outcome=counts_by_outcome(public),
        by_topic=most_common_first(Counter(r.topic for r in public)),
        exemptions=exemption_counts(public),
        response_times=response_times(public, calendars or {}),
    )


def counts_by_year(responses: list[Response]) -> tuple[tuple[str, int], ...]:
    """Responses per calendar year, from the first year to the last, empty years included."""
    counts = Counter(r.date.year for r in responses)
    if not counts:
        return ()
    return tuple((str(y), counts[y]) for y in range(min(counts), max(counts) + 1))


def counts_by_month(responses: list[Response]) -> tuple[tuple[str, int], ...]:
    """Responses per month as YYYY-MM, from the first month to the last, empty months included."""
    counts = Counter((r.date.year, r.date.month) for r in responses)
    if not counts:
        return ()
    (first_year, first_month), (last_year, last_month) = min(counts), max(counts)
    months = range(first_year * 12 + first_month - 1, last_year * 12 + last_month)
    return tuple((f"{m // 12:04}-{m % 12 + 1:02}", counts[(m // 12, m % 12 + 1)]) for m in months)


def counts_by_outcome(responses: list[Response]) -> tuple[tuple[Outcome, int], ...]:
    """Responses per outcome, every outcome listed in its usual order."""
    counts = Counter(r.outcome for r in responses)
    return tuple((outcome, counts[outcome]) for outcome in Outcome)


def exemption_counts(responses: list[Response]) -> tuple[ExemptionCount, ...]:
    """Responses citing each exemption (once per response), most cited first."""
    exemptions: dict[str, Exemption] = {}
    outcomes: dict[str, Counter[Outcome]] = {}
    for response in responses:
        for exemption in {e.id: e for e in response.exemptions}.values():
            exemptions.setdefault(exemption.id, exemption)
            outcomes.setdefault(exemption.id, Counter())[response.outcome] += 1
    return tuple(
        ExemptionCount(
            exemption=exemptions[exemption_id],
            total=count,
            by_outcome=tuple((o, outcomes[exemption_id][o]) for o in Outcome),
        )
        for exemption_id, count in most_common_first(
            Counter({i: c.total() for i, c in outcomes.items()})
        )
    )


def response_times(responses: list[Response], calendars: Mapping[str, Calendar]) -> ResponseTimes:
    """Median working days and how many were sent within their regime's statutory limit."""
    timed = [(r, calendars.get(r.regime, UK_CALENDAR)) for r in responses if r.received]
    days = [(working_days_between(r.received, r.date, c), c.limit) for r, c in timed]
    return ResponseTimes(
        measured=len(days),
        within_limit=sum(taken <= limit for taken, limit in days),
        median_working_days=statistics.median(taken for taken, _ in days) if days else None,
        without_received=len(responses) - len(days),
    )


def most_common_first(counts: Counter[str]) -> tuple[tuple[str, int], ...]:
    """Counts from the largest down, ties in alphabetical order."""
    return tuple(sorted(counts.items(), key=lambda item: (-item[1], item[0])))
