"""Bundle files: kits for inspectors and return files for the coordinator.

A bundle is one zip file (docs/bundle-format.md): ``manifest.json``, one JSON file per
table under ``data/``, and the exact text of every questionnaire the rows use under
``questionnaires/``. This module writes them (:func:`export_bundle`) and reads them back
with every file-level check (:func:`read_bundle`); :mod:`tenant_inspect.merge` merges a
verified bundle into the database.

Writing: rows come with their merge bookkeeping and open conflicts, so the receiving
laptop merges exactly as this one would. The file is written to a temporary file in the
same folder, flushed to disk and renamed over the target, so a full disk or a pulled USB
stick never leaves half a bundle under the real name.

Reading never extracts anything: the zip's table of contents is checked first (entry
count, names, sizes, compression ratios), then each member is read through
``ZipFile.open`` with a running byte limit while it is hashed, because declared sizes can
lie. Only then are the rows parsed, one at a time and table by table, and validated with
the models in :mod:`tenant_inspect.bundle_format`, so a file at the size limits is never in
memory all at once. Any problem raises :class:`BundleRefused` with one line naming the
file and the reason.

The package is split by job: :mod:`.write` (export and kit selection), :mod:`.zipcheck`
(the zip and its members), :mod:`.stream` (one row at a time), :mod:`.read` (the manifest,
the limits, the rows in chunks), :mod:`.verify` (rows into merge states, the checks across
rows) and :mod:`.refused` (the error). The reading side's public names are re-exported here;
writing is imported from :mod:`.write` itself, because it reads the database through the
ORM session and importing a merge (``bundle import``) must not load the ORM.
"""

from __future__ import annotations

from .read import Bundle, BundleFile, Chunk, local_inspection, open_bundle, read_bundle
from .refused import BundleRefused
from .verify import Refuse, StampBound

__all__ = [
    "Bundle",
    "BundleFile",
    "BundleRefused",
    "Chunk",
    "Refuse",
    "StampBound",
    "local_inspection",
    "open_bundle",
    "read_bundle",
]
