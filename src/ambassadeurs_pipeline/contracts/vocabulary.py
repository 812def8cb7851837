"""Status words that one stage writes and others read (filters, report sections).

The values are French because stakeholders read them in the outputs.
"""

from __future__ import annotations

#: Stage status records (``ambassadeurs_pipeline.status``): ran / ran in part / no result.
STAGE_OK, STAGE_PARTIAL, STAGE_SKIPPED = "ok", "partial", "skipped"
STAGE_STATUSES = (STAGE_OK, STAGE_PARTIAL, STAGE_SKIPPED)

#: ``information_gaps.status``: enough evidence to be ranked, or not.
GAP_RANKED = "classé"
GAP_TOO_LITTLE_DATA = "données insuffisantes"
