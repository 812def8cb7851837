"""The forest plot draws any number of segments (it once failed for all counts but 3 or 4:
matplotlib read the list of error-bar colours as one RGBA value)."""

from __future__ import annotations

import pandas as pd
import pytest

from ambassadeurs_pipeline.pipelines.uplift.figures import plot_segment_forest


@pytest.mark.parametrize("n_segments", [1, 2, 3, 4, 5, 8])
def test_forest_plot_any_number_of_segments(n_segments):
    seg = pd.DataFrame(
        {
            "segment": [f"s{i}" for i in range(n_segments)],
            "treatment": "persona",
            "estimable": True,
            "difference": [0.01 * i for i in range(n_segments)],
            "difference_low": [0.01 * i - 0.02 for i in range(n_segments)],
            "difference_high": [0.01 * i + 0.02 for i in range(n_segments)],
            # the first segment is a demonstrated harm, drawn in red
            "harm": ["demontre"] + ["non"] * (n_segments - 1),
        }
    )
    fig = plot_segment_forest(seg, binary=True, note="")
    ax = fig.axes[0]
    assert sorted(t.get_text() for t in ax.get_yticklabels()) == [
        f"s{i} — persona" for i in range(n_segments)
    ]
    # one error-bar container per colour group actually present
    assert len(ax.containers) == (1 if n_segments == 1 else 2)
