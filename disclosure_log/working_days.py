"""Working days between receiving a request and sending the response (FOIA s10, EIR reg 5)."""

from __future__ import annotations

from datetime import date
from functools import cache

import holidays

STATUTORY_LIMIT = 20
"""Working days allowed to respond under FOIA section 10(1) and EIR regulation 5(2)."""

_SATURDAY = 5


@cache
def bank_holidays(year: int) -> frozenset[date]:
    """England and Wales bank holidays in `year`, including one-off and substitute days."""
    return frozenset(holidays.country_holidays("GB", subdiv="ENG", years=year))


def is_working_day(day: date) -> bool:
    """True for Monday to Friday, except England and Wales bank holidays."""
    return day.weekday() < _SATURDAY and day not in bank_holidays(day.year)


def working_days_between(received: date, sent: date) -> int:
    """Working days from the day after `received` to `sent` inclusive.

    The day of receipt is day zero, so a reply sent on the next working day took one day.
    """
    if sent < received:
        raise ValueError(f"sent {sent} is before received {received}")
    holidays_on_weekdays = sum(
        1
        for year in range(received.year, sent.year + 1)
        for day in bank_holidays(year)
        if received < day <= sent and day.weekday() < _SATURDAY
    )
    return weekdays_after(received, (sent - received).days) - holidays_on_weekdays


def weekdays_after(start: date, days: int) -> int:
    """Mondays to Fridays among the `days` days that follow `start`."""
    weeks, rest = divmod(days, 7)
    first = start.weekday()
    return weeks * 5 + sum((first + n) % 7 < _SATURDAY for n in range(1, rest + 1))
