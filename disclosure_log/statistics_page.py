"""The statistics page body: for each chart a heading, the SVG and a table of the same figures."""

from __future__ import annotations

import xml.etree.ElementTree as ET
from dataclasses import dataclass
from datetime import date

from disclosure_log.charts import bar_chart
from disclosure_log.model import Outcome
from disclosure_log.statistics import ExemptionCount, ResponseTimes, Statistics
from disclosure_log.working_days import STATUTORY_LIMIT

Row = tuple[str | int, ...]


@dataclass(frozen=True)
class Chart:
    """One section of the page: a chart, a table that repeats its figures, perhaps a note."""

    id: str
    heading: str
    description: str
    bars: list[tuple[str, int]]
    headers: list[str]
    rows: list[Row]
    note: str = ""


def statistics_markdown(stats: Statistics) -> str:
    """The page body: a Markdown heading per chart, then its chart and table as a raw HTML block.

    Every piece of user text is inside the HTML blocks, escaped; Markdown leaves those alone.
    """
    if not stats.total:
        return "No responses have been published yet.\n"
    sections = [f"## {chart.heading}\n\n{chart_block(chart)}\n" for chart in charts(stats)]
    return "\n".join([f"{count_of_responses(stats.total)} published.\n", *sections])


def charts(stats: Statistics) -> list[Chart]:
    """The charts of the page, leaving out any with nothing to show."""
    candidates = [
        simple_chart("by-year", "Responses by year",
                     "Published responses in each calendar year.", "Year", list(stats.by_year)),
        simple_chart("by-month", "Responses by month", "Published responses in each month.",
                     "Month", [(month_name(m), n) for m, n in stats.by_month]),
        simple_chart("by-outcome", "Responses by outcome", "Published responses by outcome.",
                     "Outcome", [(o.label, n) for o, n in stats.by_outcome]),
        simple_chart("by-topic", "Responses by topic", "Published responses on each topic.",
                     "Topic", list(stats.by_topic)),
        exemptions_chart(stats.exemptions),
        response_times_chart(stats.response_times),
    ]  # fmt: skip
    return [chart for chart in candidates if chart.bars]


def simple_chart(
    chart_id: str, heading: str, description: str, label_header: str, bars: list[tuple[str, int]]
) -> Chart:
    """A chart whose table has one row per bar."""
    return Chart(chart_id, heading, description, bars, [label_header, "Responses"], list(bars))


def exemptions_chart(counts: tuple[ExemptionCount, ...]) -> Chart:
    """Responses citing each exemption; the table breaks them down by outcome."""
    return Chart(
        id="exemptions",
        heading="Exemptions cited",
        description="Published responses citing each exemption, exception or refusal ground.",
        bars=[(c.exemption.label, c.total) for c in counts],
        headers=["Exemption", "Responses", *(outcome.label for outcome in Outcome)],
        rows=[
            (
                f"{c.exemption.label} ({c.exemption.regime}): {c.exemption.description}",
                c.total,
                *(n for _, n in c.by_outcome),
            )
            for c in counts
        ],
    )


def response_times_chart(times: ResponseTimes) -> Chart:
    """Responses sent within and after the statutory limit, with the median time."""
    bars = [
        (f"Within {STATUTORY_LIMIT} working days", times.within_limit),
        (f"Over {STATUTORY_LIMIT} working days", times.measured - times.within_limit),
    ]
    return Chart(
        id="response-times",
        heading="Time to respond",
        description=f"Published responses sent within {STATUTORY_LIMIT} working days of receipt.",
        bars=bars if times.measured else [],
        headers=["Time taken", "Responses"],
        rows=list(bars),
        note=response_times_note(times),
    )


def response_times_note(times: ResponseTimes) -> str:
    """The median, the share within the limit and how many responses could not be measured."""
    if times.median_working_days is None:
        return ""
    note = (
        f"The median time to respond was {times.median_working_days:g} working days; "
        f"{times.share_within_limit:.0%} were sent within {STATUTORY_LIMIT} working days."
    )
    if times.without_received:
        note += f" Not counted: {count_of_responses(times.without_received)} with no received date."
    return note


def chart_block(chart: Chart) -> str:
    """One <div> holding the SVG chart, its data table and its note."""
    block = ET.Element("div", {"class": "disclosure-log-chart", "id": f"chart-{chart.id}"})
    block.append(
        bar_chart(
            chart.heading,
            f"{chart.description} The figures are in the table that follows.",
            chart.bars,
            id_prefix=f"chart-{chart.id}",
        )
    )
    add_table(block, chart.heading, chart.headers, chart.rows)
    if chart.note:
        ET.SubElement(block, "p").text = chart.note
    return ET.tostring(block, encoding="unicode", method="html")


def add_table(parent: ET.Element, caption: str, headers: list[str], rows: list[Row]) -> None:
    """A data table: column headers, then a row header and figures in each row."""
    table = ET.SubElement(parent, "table")
    ET.SubElement(table, "caption").text = caption
    header_row = ET.SubElement(ET.SubElement(table, "thead"), "tr")
    for header in headers:
        ET.SubElement(header_row, "th", scope="col").text = header
    body = ET.SubElement(table, "tbody")
    for label, *figures in rows:
        row = ET.SubElement(body, "tr")
        ET.SubElement(row, "th", scope="row").text = str(label)
        for figure in figures:
            ET.SubElement(row, "td").text = str(figure)


def month_name(month: str) -> str:
    """'2024-03' as 'March 2024'."""
    year, number = month.split("-")
    return date(int(year), int(number), 1).strftime("%B %Y")


def count_of_responses(count: int) -> str:
    """'1 response', '2 responses'."""
    return f"{count} response" if count == 1 else f"{count} responses"
