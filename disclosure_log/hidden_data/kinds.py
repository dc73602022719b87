"""Every kind of hidden content the attachment check reports, with the advice staff get.

Each kind has a short code, shown in the message and used in a response's
`allow_attachment_findings` to accept a finding with a reason. The staff guide has a section
for each, under a heading with the code as its anchor.
"""

from __future__ import annotations

from dataclasses import dataclass

from disclosure_log.problems import Severity

CLEAN = "{clean}"


@dataclass(frozen=True)
class Kind:
    code: str
    title: str
    advice: str
    # False where no reason could justify publishing it, such as a redaction that hides nothing.
    allowable: bool = True
    severity: Severity = Severity.ERROR


def _kinds(*kinds: Kind) -> dict[str, Kind]:
    return {kind.code: kind for kind in kinds}


KINDS = _kinds(
    Kind(
        "hidden-sheet",
        "Hidden sheets",
        f"anyone can unhide it: delete the sheet, or publish the visible data as CSV ({CLEAN})",
    ),
    Kind(
        "very-hidden-sheet",
        "Very hidden sheets",
        "Excel's menus do not show it, but any program that reads the file does: delete the "
        f"sheet, or publish the visible data as CSV ({CLEAN})",
    ),
    Kind(
        "hidden-rows",
        "Hidden rows",
        f"anyone can unhide them: delete the rows, or publish the visible data as CSV ({CLEAN})",
    ),
    Kind(
        "hidden-columns",
        "Hidden columns",
        f"anyone can unhide them: delete the columns, or publish the visible data as CSV ({CLEAN})",
    ),
    Kind(
        "active-filter",
        "Filtered rows",
        "a filter hides rows that are still in the file: clear the filter and delete the rows "
        f"you did not mean to release, or publish the visible data as CSV ({CLEAN})",
    ),
    Kind(
        "pivot-cache",
        "Pivot table caches",
        "a pivot table keeps a full copy of the data it summarises: paste the pivot table as "
        f"values into a new workbook, or publish it as CSV ({CLEAN})",
    ),
    Kind(
        "data-model",
        "Data models",
        "the workbook carries a Power Pivot data model with its own copy of the source data: "
        f"publish the figures as CSV ({CLEAN})",
    ),
    Kind(
        "data-connection",
        "Data connections and queries",
        "the workbook holds connections or Power Query queries that name, and may have cached, "
        f"other data: publish the figures as CSV ({CLEAN})",
    ),
    Kind(
        "external-link",
        "Links to other files",
        "the file links to other files and keeps a copy of what it read from them, with their "
        f"paths: break the links (paste as values), or publish the data as CSV ({CLEAN})",
    ),
    Kind(
        "hidden-name",
        "Hidden or revealing defined names",
        "a defined name is hidden, holds data itself, or points at hidden cells: delete it in "
        f"Name Manager, or publish the visible data as CSV ({CLEAN})",
    ),
    Kind(
        "comments",
        "Comments and notes",
        "comments and notes are published with the file, with their authors' names: delete "
        f"them all before publishing ({CLEAN})",
    ),
    Kind(
        "invisible-cells",
        "Invisible cells",
        "the values are in the file but formatted so that they do not show: delete them, or "
        f"publish the data as CSV ({CLEAN})",
    ),
    Kind(
        "covered-cells",
        "Covered cells",
        "values sit under a merged cell or a shape, where a reader cannot see them but any "
        f"program can read them: delete them, or publish the data as CSV ({CLEAN})",
    ),
    Kind(
        "chart-cache",
        "Chart data caches",
        "a chart keeps its own copy of the values it plots, including values that are hidden or "
        "no longer in the file: rebuild the chart from the visible data only, or leave it out",
    ),
    Kind(
        "embedded-object",
        "Embedded files and objects",
        "another file is packed inside this one and is published with it: remove it, and "
        "publish it separately if it was meant to be released (after checking it too)",
    ),
    Kind(
        "macros",
        "Macros and scripts",
        "the file carries code that can run when it is opened: save it without macros "
        "(as .xlsx or .docx), or publish the data as CSV or PDF",
    ),
    Kind(
        "outside-print-area",
        "Values outside the print area",
        "the sheet has values beyond the area set to print, which a reader of a printout or "
        f"PDF never sees: delete them, or publish the data as CSV ({CLEAN})",
    ),
    Kind(
        "hidden-object",
        "Hidden shapes, pictures and text boxes",
        "an object is set not to show but is still in the file: delete it",
    ),
    Kind(
        "cropped-picture",
        "Cropped pictures",
        "cropping only hides part of a picture: the whole picture is still in the file. Crop it "
        "in an image editor, or use Compress Pictures with 'Delete cropped areas of pictures'",
    ),
    Kind(
        "tracked-changes",
        "Tracked changes",
        "earlier wording (deleted text included) and the names of those who changed it are in "
        f"the file: accept or reject every change and turn tracking off ({CLEAN})",
    ),
    Kind(
        "hidden-text",
        "Hidden text",
        f"text formatted as hidden is in the file: delete it ({CLEAN})",
    ),
    Kind(
        "invisible-text",
        "Invisible text",
        "text is in the file but cannot be seen (coloured like its background, set invisible or "
        "placed off the page): delete it, and make the file again",
    ),
    Kind(
        "failed-redaction",
        "Redactions that hide nothing",
        "the text is only covered or blacked out and can still be selected, copied or read by "
        "any program: remove the words themselves in the original, then make the file again "
        "(a PDF page must be re-made; drawing boxes over it is not redaction)",
        allowable=False,
    ),
    Kind(
        "field-codes",
        "Field codes that pull in other content",
        "a field shows content taken from elsewhere (another file, the document's properties, "
        "the author's name or folder): select all and unlink the fields (Ctrl+Shift+F9), or "
        "delete them",
    ),
    Kind(
        "document-variables",
        "Document variables",
        f"the document stores hidden variables that no page shows: remove them ({CLEAN})",
    ),
    Kind(
        "form-fields",
        "Form fields",
        "the PDF has form fields, whose values can differ from what is shown or be hidden: "
        "flatten the form (print to PDF) before publishing",
    ),
    Kind(
        "earlier-versions",
        "Earlier versions kept in the file",
        "the PDF was edited by appending changes, so an earlier version of its pages is still "
        "in the file: save it as a new file (not 'Save'), or print it to a new PDF",
    ),
    Kind(
        "metadata",
        "Revealing metadata",
        "the file's properties name a user account, folder or original file: remove them "
        f"(File, Info, Inspect Document, or {CLEAN})",
    ),
    Kind(
        "location-data",
        "Location in images",
        f"the picture records where it was taken: remove its metadata before publishing ({CLEAN})",
    ),
    Kind(
        "preview-image",
        "Embedded preview images",
        "the file carries a small preview that differs from the picture itself, and may show "
        f"what was cropped or blurred out: remove its metadata before publishing ({CLEAN})",
    ),
    Kind(
        "wrong-extension",
        "Files named as another type",
        "the file's content is not what its name says, so readers' programs may open it "
        "differently from how it was checked: save it in the format its name says",
    ),
    Kind(
        "not-checked",
        "Files the check cannot open",
        "the check cannot look inside this type of file, so it would be published unchecked",
    ),
    Kind(
        "unreadable",
        "Files that cannot be read",
        "the file is damaged, encrypted or not the type it claims to be: attach a copy that "
        "opens normally, without a password",
    ),
    Kind(
        "people-column",
        "Columns that look like lists of people",
        "check that the column is meant to be released; if it is, say so in "
        "allow_attachment_findings with a reason",
        severity=Severity.WARNING,
    ),
)
