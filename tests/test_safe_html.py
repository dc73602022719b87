import pytest

from disclosure_log.safe_html import UnsafeMarkup, find_unsafe_in_value, find_unsafe_markup

# Each attack sits on line 3 of a small body, so the reported line is checked too.
ATTACKS = [
    ("<script>alert(1)</script>", "<script> element"),
    ("<SCRIPT SRC=https://evil.example/x.js></SCRIPT>", "<script> element"),
    ("<script/x>alert(1)</script>", "<script> element"),
    ("<img src=x onerror=alert(1)>", "onerror attribute"),
    ('<img src="x" ONERROR="alert(1)">', "onerror attribute"),
    ('<img/src="x"/onerror=alert(1)>', "onerror attribute"),
    ("<svg onload=alert(1)>", "onload attribute"),
    ("<svg/onload=alert(1)>", "onload attribute"),
    ("<svg><script>alert(1)</script></svg>", "<script> element"),
    ('<body onload="alert(1)">', "onload attribute"),
    ('<details open ontoggle="alert(1)">', "ontoggle attribute"),
    ('<a href="#" onclick="alert(1)">x</a>', "onclick attribute"),
    ('<a href="javascript:alert(1)">x</a>', "javascript: URL in href attribute"),
    ('<a href="JaVaScRiPt:alert(1)">x</a>', "javascript: URL in href attribute"),
    ('<a href="&#106;avascript:alert(1)">x</a>', "javascript: URL in href attribute"),
    ('<a href="&#x6A;&#x61;vascript:alert(1)">x</a>', "javascript: URL in href attribute"),
    ('<a href="jav&#x09;ascript:alert(1)">x</a>', "javascript: URL in href attribute"),
    ('<a href=" &#14; javascript:alert(1)">x</a>', "javascript: URL in href attribute"),
    ('<a href="javascript&colon;alert(1)">x</a>', "javascript: URL in href attribute"),
    ('<a href="vbscript:msgbox(1)">x</a>', "vbscript: URL in href attribute"),
    ('<img src="data:image/svg+xml;base64,PHN2Zz4=">', "data: URL in src attribute"),
    (
        '<svg><a xlink:href="javascript:alert(1)"><text>x</text></a></svg>',
        "javascript: URL in xlink:href attribute",
    ),
    (
        '<button formaction="javascript:alert(1)">x</button>',
        "javascript: URL in formaction attribute",
    ),
    ("[click](javascript:alert(1))", "javascript: URL"),
    ("[click](JAVASCRIPT:alert(1))", "javascript: URL"),
    ("[click](&#106;avascript:alert(1))", "javascript: URL"),
    ("[click](<java script:alert(1)>)", "javascript: URL"),
    ("[click]( vbscript:msgbox(1))", "vbscript: URL"),
    ("![x](data:image/png;base64,iVBORw0KGgo=)", "data: URL"),
    ("[x](data:text/html,<script>alert(1)</script>)", "data: URL"),
    ("<javascript:alert(1)>", "javascript: URL"),
    ("[ref]: javascript:alert(1)", "javascript: URL"),
    ('<iframe src="https://evil.example"></iframe>', "<iframe> element"),
    ('<object data="x.swf"></object>', "<object> element"),
    ('<embed src="x.swf">', "<embed> element"),
    ('<form action="https://evil.example"><input name=p></form>', "<form> element"),
    ("<style>body { display: none }</style>", "<style> element"),
    ('<base href="https://evil.example/">', "<base> element"),
    ('<meta http-equiv="refresh" content="0;url=https://evil.example">', "<meta> element"),
    ('<link rel="stylesheet" href="https://evil.example/x.css">', "<link> element"),
    ("<!--><script>alert(1)</script>-->", "<script> element"),
    ('[x](https://example.org){: onclick="alert(1)" }', "onclick attribute in attribute list"),
    ("## Heading {: onmouseover=alert(1) }", "onmouseover attribute in attribute list"),
    ("<img src=x onerror=alert(1)", "onerror attribute"),
    ("Note `<script>`\n\n<div>\n`<script>alert(1)</script>`\n</div>", "<script> element"),
]

SAFE = [
    "A paragraph with **bold**, _emphasis_ and a [link](https://www.example.gov.uk/foi).",
    "[Email us](mailto:foi@example.gov.uk), [relative](../2023/index.md), [anchor](#top)",
    "| Year | Requests |\n|---|---|\n| 2022 | 1,204 |\n| 2023 | 1,496 |",
    "*[FOI]: Freedom of Information\n\nThe FOI team replied.",
    '<abbr title="Freedom of Information">FOI</abbr> requests',
    "<details>\n<summary>Exemptions</summary>\n\nSection 40(2) applies.\n</details>",
    "Line one<br>line two<br/>10<sup>th</sup> and H<sub>2</sub>O",
    "Staff must not paste `<script>` tags or `onerror=` attributes.",
    "``<img src=x onerror=alert(1)>`` is what the attack looked like.",
    "```html\n<script>alert(1)</script>\n<iframe src=x></iframe>\n```",
    '~~~\n<a href="javascript:alert(1)">x</a>\n~~~',
    "````\n```\n<script>alert(1)</script>\n```\n````",
    "- one\n- two\n\n1. first\n2. second",
    "# Heading {: #custom-id .note }",
    "Costs rose from £1 < £2 and 5 > 3.",
    "The data: a summary of 2023. Note: see javascript: the language, in section 2.",
    '<a href="https://example.org/data:report">report</a>',
    "![Chart of requests](images/chart.png)",
    "> Quoted text from the request",
    "Term\n: Definition of the term",
]


@pytest.mark.parametrize(("attack", "what"), ATTACKS)
def test_flags_known_attacks_on_the_right_line(attack: str, what: str) -> None:
    body = f"Dear requester,\n\n{attack}\n\nYours sincerely"
    found = find_unsafe_markup(body)
    assert what in [f.what for f in found], found
    attack_lines = range(3, 3 + attack.count("\n") + 1)
    assert all(f.line in attack_lines for f in found), found


@pytest.mark.parametrize("markdown", SAFE)
def test_leaves_safe_markdown_alone(markdown: str) -> None:
    assert find_unsafe_markup(markdown) == []


def test_reports_the_column_of_the_construct() -> None:
    assert find_unsafe_markup("Text <img src=x onerror=alert(1)> end") == [
        UnsafeMarkup(1, 17, "onerror attribute")
    ]
    assert find_unsafe_markup("See [this](javascript:alert(1)).") == [
        UnsafeMarkup(1, 12, "javascript: URL")
    ]


def test_a_backtick_inside_a_tag_does_not_hide_it() -> None:
    assert find_unsafe_markup('<img title="`" src=x onerror=alert(1)>`')


def test_an_unclosed_fence_hides_nothing() -> None:
    assert find_unsafe_markup("```\n<script>alert(1)</script>")


def test_an_indented_fence_is_not_trusted() -> None:
    assert find_unsafe_markup("  ```\n<script>alert(1)</script>\n  ```")


def test_a_code_span_does_not_reach_over_a_line_of_raw_html() -> None:
    assert find_unsafe_markup("Text `\n<script>alert(1)</script>\n` more")


def test_describe_says_what_and_where() -> None:
    assert UnsafeMarkup(3, 5, "<script> element").describe() == (
        "unsafe markup at column 5: <script> element"
    )


@pytest.mark.parametrize(
    "value",
    [
        "Parking fines <script>alert(1)</script>",
        "`<script>alert(1)</script>`",
        'Report <img src=x onerror="alert(1)">',
        "javascript:alert(1)",
        " &#106;avascript:alert(1)",
        "data:text/html,hello",
        "[Report](javascript:alert(1))",
    ],
)
def test_flags_unsafe_front_matter_values(value: str) -> None:
    assert find_unsafe_in_value(value)


@pytest.mark.parametrize(
    "value",
    [
        "Parking fines 2023/24",
        "Use of data: a review",
        "Costs < £500 & > £100",
        "Spending on JavaScript developers",
    ],
)
def test_leaves_plain_front_matter_values_alone(value: str) -> None:
    assert find_unsafe_in_value(value) == []
