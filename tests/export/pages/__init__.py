"""Exports read as pages: what a board member would see on paper, checked by machine."""
