"""Exports: role descriptions (Word, PDF, HTML, Markdown) and the board gap report (Excel).

Import the submodules directly (``govplanner.export.roles``, ``govplanner.export.gap_report``);
this package imports nothing heavy so that importing it costs nothing.
"""
