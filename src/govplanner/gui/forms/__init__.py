"""Detail forms beside the tables: one per kind of item, every change an undo command."""
