"""Reading and writing files: plan files, register workbooks, atomic saves."""
