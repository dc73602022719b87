"""Working days between receiving a request and sending the response (FOIA s10, EIR reg 5)."""

from __future__ import annotations

from datetime import date, timedelta
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
    days = (received + timedelta(days=n) for n in range(1, (sent - received).days + 1))
    return sum(is_working_day(day) for day in days)
