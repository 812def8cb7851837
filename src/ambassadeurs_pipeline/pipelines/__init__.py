"""One sub-package per stage of the flow; the folder names read as the flow itself."""
