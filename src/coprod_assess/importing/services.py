"""What the form services add to an export: columns of their own, group paths and times.

ODK Central names a question inside a group `group-question` (`arnstein-ladder-money-1`)
and KoboToolbox `group/question`, groups inside groups likewise. Both add metadata
columns, as Microsoft Forms and Google Forms add ids, email addresses and times: these
are left out without a word, and the times may give the assessment's date.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

# ODK Central's and KoboToolbox's own columns, compared as written: a person's own
# "Notes" or "Status" column is never taken for Kobo's `_notes` or ODK's `Status`.
SERVICE_COLUMNS = frozenset(
    {
        # ODK Central
        "SubmissionDate",
        "KEY",
        "SubmitterID",
        "SubmitterName",
        "AttachmentsPresent",
        "AttachmentsExpected",
        "Status",
        "ReviewState",
        "DeviceID",
        "Edits",
        "FormVersion",
        "instanceID",
        # XLSForm metadata questions
        "start",
        "end",
        "today",
        "deviceid",
        "username",
        "phonenumber",
        "simserial",
        "subscriberid",
        "audit",
        # KoboToolbox
        "_id",
        "_uuid",
        "_submission_time",
        "_validation_status",
        "_notes",
        "_status",
        "_submitted_by",
        "__version__",
        "_version_",
        "_tags",
        "_index",
        "_parent_index",
        "_parent_table_name",
        "_xform_id_string",
        "_attachments",
        "_geolocation",
        "_duration",
        "formhub/uuid",
        "formhub-uuid",
    }
)
# The columns ODK Central and KoboToolbox give each submission's own id in; an id like
# `uuid:0f3c...` is the same in every download, so a submission is imported only once.
SUBMISSION_IDS = frozenset(
    {"KEY", "instanceID", "meta-instanceID", "meta/instanceID", "_uuid", "meta-instanceId"}
)
# Columns that are ODK Central's only in an export ODK Central wrote (one with these):
# elsewhere a column headed "Status" or "Edits" is somebody's question.
ODK_MARKS = frozenset({"SubmissionDate", "meta-instanceID", "SubmitterID", "ReviewState"})
ODK_ONLY = frozenset(
    {
        "KEY",
        "Status",
        "Edits",
        "DeviceID",
        "FormVersion",
        "AttachmentsPresent",
        "AttachmentsExpected",
        "SubmitterName",
        "SubmitterID",
        "ReviewState",
    }
)
# Microsoft Forms' own columns beside its ID and times: the account's name and email,
# "anonymous" on an anonymous form; never the name a person chose to give.
MICROSOFT_MARKS = frozenset({"start time", "completion time"})
MICROSOFT_ACCOUNT = frozenset({"name", "email"})

# XLSForm's reserved `meta` group (instanceID, instanceName, deprecatedID, audit...).
_META_GROUP = re.compile(r"meta[-/][A-Za-z_][A-Za-z0-9_.:-]{0,60}\Z")
# Microsoft Forms' and Google Forms' own columns, compared after normal().
FORM_COLUMNS = frozenset(
    {
        "id",
        "last modified time",
        "email",
        "email address",
        "score",
        "total points",
        "quiz feedback",
    }
)
# Columns of times, best first (compared after normal()): when a person finished, then
# when they began, then when the form reached the server, which a phone kept offline may
# reach days later. Each with what the summary calls them.
TIMESTAMPS: dict[str, str] = {
    "completion time": "the form's completion times",
    "end": "the form's end times",
    "timestamp": "the form's timestamps",
    "start time": "the form's start times",
    "start": "the form's start times",
    "submissiondate": "the form's submission dates",
    "submission time": "the form's submission times",
}
# Where a group's name ends and the next name begins in a column's name.
GROUP_SEPARATORS = "-/"


def is_service_column(header: str, odk: bool = True) -> bool:
    """Whether ODK Central or KoboToolbox wrote this column for itself; `odk`: whether
    the export is ODK Central's (else its columns with everyday names are not taken)."""
    header = header.strip()
    if header in ODK_ONLY and not odk:
        return False
    return header in SERVICE_COLUMNS or bool(_META_GROUP.match(header))


def group_suffixes(header: str, longest: int) -> Iterator[str]:
    """The header, then each end of it that follows a group separator, longest first;
    only ends of at most `longest` characters, as no question's path is longer."""
    if len(header) <= longest:
        yield header
    for place in range(max(1, len(header) - longest - 1), len(header)):
        if header[place - 1] in GROUP_SEPARATORS:
            yield header[place:]
