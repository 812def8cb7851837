"""ambassadeurs_pipeline: listen to French health communities, find their information gaps,
and recruit health ambassadors with evidence."""

__version__ = "0.1.0"
