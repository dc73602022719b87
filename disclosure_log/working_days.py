"""Working days between receiving a request and sending the response, by each law's own rule.

FOIA section 10(6) (and EIR regulation 2(1), which borrows it): any day but a Saturday, a Sunday,
Christmas Day, Good Friday or a bank holiday in any part of the United Kingdom. FOISA section 73
(and the Scottish EIRs): any day but a Saturday, a Sunday, Christmas Day or a bank holiday in
Scotland. Each regime's data file names the nations whose bank holidays count.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from functools import cache

import holidays

STATUTORY_LIMIT = 20
"""Working days allowed to respond: FOIA s10(1), EIR reg 5(2), FOISA s10(1), EIRS reg 5(2)(a)."""

UK_NATIONS = ("ENG", "NIR", "SCT", "WLS")
_SATURDAY = 5


@dataclass(frozen=True)
class Calendar:
    """A regime's time limit and the nations whose bank holidays are not working days."""

    limit: int = STATUTORY_LIMIT
    nations: tuple[str, ...] = UK_NATIONS


UK_CALENDAR = Calendar()


@cache
def bank_holidays(year: int, nations: tuple[str, ...] = UK_NATIONS) -> frozenset[date]:
    """Bank holidays in `year` in any of the nations, with one-off and substitute days.

    Christmas Day and Good Friday are included: both Acts exclude them by name.
    """
    days: set[date] = set()
    for nation in nations:
        days |= set(holidays.country_holidays("GB", subdiv=nation, years=year))
    return frozenset(days)


def is_working_day(day: date, calendar: Calendar = UK_CALENDAR) -> bool:
    """True for Monday to Friday, except the calendar's bank holidays."""
    return day.weekday() < _SATURDAY and day not in bank_holidays(day.year, calendar.nations)


def working_days_between(received: date, sent: date, calendar: Calendar = UK_CALENDAR) -> int:
    """Working days from the day after `received` to `sent` inclusive.

    The day of receipt is day zero, so a reply sent on the next working day took one day.
    """
    if sent < received:
        raise ValueError(f"sent {sent} is before received {received}")
    holidays_on_weekdays = sum(
        1
        for year in range(received.year, sent.year + 1)
        for day in bank_holidays(year, calendar.nations)
        if received < day <= sent and day.weekday() < _SATURDAY
    )
    return weekdays_after(received, (sent - received).days) - holidays_on_weekdays


def weekdays_after(start: date, days: int) -> int:
    """Mondays to Fridays among the `days` days that follow `start`."""
    weeks, rest = divmod(days, 7)
    first = start.weekday()
    return weeks * 5 + sum((first + n) % 7 < _SATURDAY for n in range(1, rest + 1))
