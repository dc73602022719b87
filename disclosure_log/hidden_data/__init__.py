"""What an attachment would publish that a reader cannot see, and personal data anywhere in it.

`inspect_attachment` reads a file by what its bytes show it to be, whatever its name, and returns
an `Inspection`: hidden-content findings (hidden sheets, tracked changes, redactions that hide
nothing...), personal data in any of its text, and the people its metadata names.
"""

from disclosure_log.hidden_data.inspect import inspect_attachment
from disclosure_log.hidden_data.kinds import KINDS, Kind
from disclosure_log.hidden_data.report import HiddenFinding, Inspection

__all__ = ["KINDS", "HiddenFinding", "Inspection", "Kind", "inspect_attachment"]
