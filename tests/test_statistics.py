import re
from datetime import date

import markdown
import pytest
from lxml import etree, html

from disclosure_log.charts import bar_chart_svg
from disclosure_log.model import Outcome
from disclosure_log.statistics import ResponseTimes, compute_statistics
from disclosure_log.statistics_page import statistics_markdown
from tests.factories import R12_5_E, S21, S40, S43, make_response, sample_responses

SVG = "{http://www.w3.org/2000/svg}"
WHITE = "#ffffff"


@pytest.fixture(scope="module")
def stats():
    return compute_statistics(sample_responses())


# Statistics


def test_counts_only_published_responses(stats):
    assert stats.total == 5
    assert sum(n for _, n in stats.by_outcome) == 5
    assert all("Secret" not in topic for topic, _ in stats.by_topic)


def test_counts_by_year_and_month_with_empty_months(stats):
    assert stats.by_year == (("2023", 3), ("2024", 2))
    assert stats.by_month == (
        ("2023-09", 2),
        ("2023-10", 0),  # only the withdrawn response is dated October 2023
        ("2023-11", 1),
        ("2023-12", 0),
        ("2024-01", 1),
        ("2024-02", 0),
        ("2024-03", 0),
        ("2024-04", 1),
    )


def test_empty_years_are_listed():
    responses = [
        make_response("A", date=date(2021, 5, 1)),
        make_response("B", date=date(2023, 1, 1)),
    ]
    assert compute_statistics(responses).by_year == (("2021", 1), ("2022", 0), ("2023", 1))


def test_counts_by_outcome_list_every_outcome(stats):
    assert stats.by_outcome == (
        (Outcome.DISCLOSED, 1),
        (Outcome.PARTIALLY_DISCLOSED, 2),
        (Outcome.REFUSED, 1),
        (Outcome.NOT_HELD, 1),
    )


def test_counts_by_topic_most_common_first(stats):
    assert stats.by_topic == (
        ("Finance", 2),
        ("Environment", 1),
        ("Libraries", 1),
        ("Roads & <Transport>", 1),
    )


def test_exemption_citations_with_outcomes(stats):
    summary = [(c.exemption.id, c.total, dict(c.by_outcome)) for c in stats.exemptions]
    none = dict.fromkeys(Outcome, 0)
    assert summary == [
        ("FOIA 43(2)", 2, none | {Outcome.PARTIALLY_DISCLOSED: 1, Outcome.REFUSED: 1}),
        ("EIR 12(5)(e)", 1, none | {Outcome.NOT_HELD: 1}),
        # The withdrawn response also cites s21 and the draft s40: neither is counted.
        ("FOIA 21(1)", 1, none | {Outcome.REFUSED: 1}),
        ("FOIA 40(2)", 1, none | {Outcome.PARTIALLY_DISCLOSED: 1}),
    ]
    assert [c.exemption for c in stats.exemptions] == [S43, R12_5_E, S21, S40]


def test_an_exemption_cited_twice_in_one_response_counts_once():
    stats = compute_statistics([make_response(exemptions=(S43, S43))])
    assert [(c.exemption.id, c.total) for c in stats.exemptions] == [("FOIA 43(2)", 1)]


def test_response_times(stats):
    # Working days: 1 (over Easter 2024), 3, 20 and 20 (8 Dec 2023 to 11 Jan 2024: FOIA s10(6)
    # skips bank holidays in any part of the UK, and 2 January 2024 is one in Scotland).
    assert stats.response_times == ResponseTimes(
        measured=4, within_limit=4, median_working_days=11.5, without_received=1
    )
    assert stats.response_times.share_within_limit == 1


def test_median_of_an_odd_number_of_responses():
    responses = [
        make_response(str(n), received=date(2024, 2, 5), date=date(2024, 2, 5 + n))
        for n in (1, 2, 9)
    ]
    assert compute_statistics(responses).response_times.median_working_days == 2


def test_no_public_responses():
    stats = compute_statistics([r for r in sample_responses() if r.reference.endswith("99")])
    assert stats.total == 0
    assert stats.by_year == stats.by_month == stats.by_topic == stats.exemptions == ()
    assert stats.response_times == ResponseTimes(0, 0, None, 0)
    assert stats.response_times.share_within_limit is None


# Charts


def parse_svg(svg: str) -> etree._Element:
    return etree.fromstring(svg.encode())


def contrast_with_white(colour: str) -> float:
    def luminance(hex_colour: str) -> float:
        channels = [int(hex_colour[i : i + 2], 16) / 255 for i in (1, 3, 5)]
        linear = [c / 12.92 if c <= 0.04045 else ((c + 0.055) / 1.055) ** 2.4 for c in channels]
        return 0.2126 * linear[0] + 0.7152 * linear[1] + 0.0722 * linear[2]

    return (luminance(WHITE) + 0.05) / (luminance(colour) + 0.05)


BARS = [("Roads & <Transport>", 3), ("Finance", 12), ("Libraries", 0)]


@pytest.fixture
def chart():
    return parse_svg(
        bar_chart_svg('Topics & "more"', "Responses <per> topic.", BARS, id_prefix="t")
    )


def test_chart_is_labelled_by_its_title_and_description(chart):
    assert chart.tag == f"{SVG}svg"
    assert chart.get("role") == "img"
    title_id, desc_id = chart.get("aria-labelledby").split()
    assert chart.find(f"{SVG}title[@id='{title_id}']").text == 'Topics & "more"'
    assert chart.find(f"{SVG}desc[@id='{desc_id}']").text == "Responses <per> topic."


def test_chart_scales_with_its_viewbox(chart):
    assert re.fullmatch(r"0 0 \d+ \d+", chart.get("viewBox"))
    assert "max-width: 100%" in chart.get("style")


def test_chart_has_no_scripts_or_event_handlers(chart):
    for element in chart.iter():
        assert etree.QName(element).localname not in {"script", "foreignObject", "a"}
        assert not [name for name in element.attrib if name.lower().startswith("on")]


def test_chart_labels_are_text(chart):
    texts = [t.text for t in chart.iter(f"{SVG}text")]
    assert texts == ["Roads & <Transport>", "3", "Finance", "12", "Libraries", "0"]


def test_bars_are_proportional(chart):
    bars = [r for r in chart.iter(f"{SVG}rect") if r.get("x") is not None]
    widths = [float(r.get("width")) for r in bars]
    assert widths[2] == 0
    assert widths[0] == pytest.approx(widths[1] * 3 / 12, abs=0.1)


def test_chart_colours_contrast_with_white(chart):
    background = chart.find(f"{SVG}rect")
    assert background.get("fill") == WHITE
    for rect in chart.iter(f"{SVG}rect"):
        if rect is not background:
            assert contrast_with_white(rect.get("fill")) >= 3
    for text in chart.iter(f"{SVG}text"):
        assert contrast_with_white(text.get("fill")) >= 4.5


def test_long_labels_are_shortened():
    chart = parse_svg(bar_chart_svg("T", "D", [("x" * 200, 1)], id_prefix="t"))
    label = chart.find(f"{SVG}text").text
    assert label.endswith("\N{HORIZONTAL ELLIPSIS}")
    assert len(label) < 40


def test_chart_without_bars_says_so():
    chart = parse_svg(bar_chart_svg("T", "D", [], id_prefix="t"))
    assert [t.text for t in chart.iter(f"{SVG}text")] == ["No data"]


def test_chart_rejects_an_id_prefix_that_is_not_an_id():
    with pytest.raises(ValueError, match="not a valid id"):
        bar_chart_svg("T", "D", BARS, id_prefix='x" onload="alert(1)')


# The statistics page


@pytest.fixture(scope="module")
def page(stats):
    return html.fromstring(markdown.markdown(statistics_markdown(stats), extensions=["toc"]))


def test_page_has_a_heading_chart_and_table_per_section(page):
    headings = [h.text_content() for h in page.iter("h2")]
    assert headings == [
        "Responses by year",
        "Responses by month",
        "Responses by outcome",
        "Responses by topic",
        "Exemptions cited",
        "Time to respond",
    ]
    for heading in page.iter("h2"):
        block = heading.getnext()
        assert block.tag == "div"
        assert [child.tag for child in block][:2] == ["svg", "table"]
        assert block.find("table/caption").text_content() == heading.text_content()


def test_tables_use_header_scopes(page):
    for table in page.iter("table"):
        assert {th.get("scope") for th in table.find("thead").iter("th")} == {"col"}
        for row in table.find("tbody").iter("tr"):
            assert row[0].tag == "th"
            assert row[0].get("scope") == "row"


def test_tables_repeat_the_chart_figures(page):
    blocks = page.find_class("disclosure-log-chart")
    assert len(blocks) == 6
    for block in blocks:
        chart = block.find("svg")
        texts = [t.text_content() for t in chart.iter("text")]
        bar_figures = list(zip(texts[::2], texts[1::2], strict=True))
        table_figures = [
            (row[0].text_content(), row[1].text_content())
            for row in block.find("table/tbody").iter("tr")
        ]
        assert [figure for _, figure in bar_figures] == [figure for _, figure in table_figures]


def test_page_escapes_user_text(stats, page):
    topics = page.get_element_by_id("chart-by-topic")
    assert "Roads & <Transport>" in [th.text_content() for th in topics.iter("th")]
    assert "Roads & <Transport>" in [t.text_content() for t in topics.iter("text")]
    assert not list(page.iter("transport"))
    assert "&amp; &lt;Transport&gt;" in statistics_markdown(stats)


def test_page_shows_exemptions_by_outcome(page):
    table = page.get_element_by_id("chart-exemptions").find("table")
    headers = [th.text_content() for th in table.find("thead").iter("th")]
    assert headers == ["Exemption", "Responses", *(o.label for o in Outcome)]
    first = [cell.text_content() for cell in table.find("tbody/tr")]
    assert first == [
        "Section 43(2) (FOIA): Commercial interests: prejudice to the commercial interests of "
        "any person, the authority included",
        "2",
        "0",
        "1",
        "1",
        "0",
    ]


def test_page_reports_median_and_missing_received_dates(page):
    note = page.get_element_by_id("chart-response-times").find("p").text_content()
    assert "median time to respond was 11.5 working days" in note
    assert "100% were sent within 20 working days" in note
    assert "1 response with no received date" in note


def test_page_leaves_out_withdrawn_and_draft_responses(stats):
    text = statistics_markdown(stats)
    assert "Secret" not in text
    assert "5 responses published." in text


def test_page_without_responses():
    assert statistics_markdown(compute_statistics([])) == "No responses have been published yet.\n"


def test_every_svg_on_the_page_is_well_formed_xml(stats):
    blocks = re.findall(r"<svg .*?</svg>", statistics_markdown(stats))
    assert len(blocks) == 6
    ids = []
    for block in blocks:
        svg = parse_svg(block)
        ids += [e.get("id") for e in svg.iter() if e.get("id")]
    assert len(ids) == len(set(ids)) == 12
