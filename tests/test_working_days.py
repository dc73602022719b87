from datetime import date, timedelta

import pytest
from hypothesis import given
from hypothesis import strategies as st

from disclosure_log.working_days import (
    STATUTORY_LIMIT,
    Calendar,
    bank_holidays,
    is_working_day,
    working_days_between,
)

SCOTLAND = Calendar(nations=("SCT",))


def test_statutory_limit_is_twenty_working_days():
    assert STATUTORY_LIMIT == 20


def test_same_day_reply_took_no_working_days():
    assert working_days_between(date(2024, 3, 5), date(2024, 3, 5)) == 0


def test_next_working_day_is_day_one():
    assert working_days_between(date(2024, 3, 5), date(2024, 3, 6)) == 1


def test_weekend_is_skipped():
    # Friday to Monday.
    assert working_days_between(date(2024, 3, 1), date(2024, 3, 4)) == 1


def test_request_received_on_saturday_counts_from_monday():
    assert working_days_between(date(2024, 3, 2), date(2024, 3, 4)) == 1


def test_two_plain_weeks_are_ten_working_days():
    assert working_days_between(date(2024, 2, 5), date(2024, 2, 19)) == 10


@pytest.mark.parametrize(
    ("day", "name"),
    [
        (date(2023, 12, 25), "Christmas Day"),
        (date(2023, 12, 26), "Boxing Day"),
        (date(2024, 3, 29), "Good Friday 2024"),
        (date(2024, 4, 1), "Easter Monday 2024"),
        (date(2022, 6, 3), "Platinum Jubilee"),
        (date(2022, 9, 19), "State funeral of Queen Elizabeth II"),
        (date(2023, 5, 8), "Coronation of Charles III"),
        (date(2022, 12, 27), "Christmas Day substitute"),
    ],
)
def test_bank_holidays_are_not_working_days(day, name):
    assert day in bank_holidays(day.year), name
    assert not is_working_day(day), name


@pytest.mark.parametrize(
    ("day", "name"),
    [
        (date(2024, 1, 2), "2 January, Scotland"),
        (date(2024, 8, 5), "Summer bank holiday, Scotland"),
        (date(2024, 12, 2), "St Andrew's Day substitute, Scotland"),
        (date(2024, 3, 18), "St Patrick's Day substitute, Northern Ireland"),
        (date(2024, 7, 12), "Battle of the Boyne, Northern Ireland"),
    ],
)
def test_a_bank_holiday_in_any_part_of_the_uk_is_not_a_foia_working_day(day, name):
    # FOIA section 10(6); EIR regulation 2(1) gives "working day" the same meaning.
    assert not is_working_day(day), name


def test_under_foisa_only_scotland_s_bank_holidays_count():
    # FOISA section 73: a bank holiday in Scotland. Easter Monday and the late August
    # bank holiday are English ones; 2 January and St Andrew's Day are Scottish.
    assert is_working_day(date(2024, 4, 1), SCOTLAND)
    assert is_working_day(date(2024, 8, 26), SCOTLAND)
    assert not is_working_day(date(2024, 1, 2), SCOTLAND)
    assert not is_working_day(date(2024, 12, 2), SCOTLAND)
    assert not is_working_day(date(2024, 3, 29), SCOTLAND)  # Good Friday


def test_christmas_2023_across_the_year_end():
    # Fri 22 Dec 2023 to Tue 2 Jan 2024: 27, 28 and 29 Dec are working days; 25, 26 Dec and
    # 1 Jan are bank holidays everywhere and 2 Jan is one in Scotland.
    assert working_days_between(date(2023, 12, 22), date(2024, 1, 2)) == 3
    assert working_days_between(date(2023, 12, 22), date(2024, 1, 2), SCOTLAND) == 3


def test_easter_2024_in_scotland():
    # Thu 28 Mar to Tue 2 Apr 2024: Good Friday skipped; Easter Monday is a working day.
    assert working_days_between(date(2024, 3, 28), date(2024, 4, 2), SCOTLAND) == 2


def test_easter_2024():
    # Thu 28 Mar to Tue 2 Apr 2024: Good Friday and Easter Monday skipped.
    assert working_days_between(date(2024, 3, 28), date(2024, 4, 2)) == 1


def test_platinum_jubilee_2022_two_day_weekend():
    # Wed 1 Jun to Mon 6 Jun 2022: 2 Jun (Spring bank holiday moved) and 3 Jun skipped.
    assert working_days_between(date(2022, 6, 1), date(2022, 6, 6)) == 1


def test_state_funeral_2022():
    # Fri 16 Sep to Tue 20 Sep 2022: Monday 19 Sep skipped.
    assert working_days_between(date(2022, 9, 16), date(2022, 9, 20)) == 1


def test_coronation_2023():
    # Fri 5 May to Tue 9 May 2023: Monday 8 May skipped.
    assert working_days_between(date(2023, 5, 5), date(2023, 5, 9)) == 1


def test_twenty_working_day_deadline_over_christmas_2023():
    # Received Fri 8 Dec 2023: day 20 is Thu 11 Jan 2024, skipping 25, 26 Dec, 1 and 2 Jan.
    assert working_days_between(date(2023, 12, 8), date(2024, 1, 11)) == STATUTORY_LIMIT
    assert working_days_between(date(2023, 12, 8), date(2024, 1, 12)) == STATUTORY_LIMIT + 1


def test_sent_before_received_is_an_error():
    with pytest.raises(ValueError, match="before received"):
        working_days_between(date(2024, 3, 5), date(2024, 3, 4))


@given(
    received=st.dates(min_value=date(2015, 1, 1), max_value=date(2027, 12, 31)),
    days=st.integers(min_value=0, max_value=800),
)
def test_counting_agrees_with_checking_every_day(received: date, days: int) -> None:
    sent = received + timedelta(days=days)
    every_day = (received + timedelta(days=n) for n in range(1, days + 1))
    assert working_days_between(received, sent) == sum(map(is_working_day, every_day))


@given(
    received=st.dates(min_value=date(2015, 1, 1), max_value=date(2027, 12, 31)),
    days=st.integers(min_value=0, max_value=800),
)
def test_counting_agrees_with_checking_every_day_in_scotland(received: date, days: int) -> None:
    sent = received + timedelta(days=days)
    every_day = [received + timedelta(days=n) for n in range(1, days + 1)]
    counted = sum(is_working_day(day, SCOTLAND) for day in every_day)
    assert working_days_between(received, sent, SCOTLAND) == counted
