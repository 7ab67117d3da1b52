"""The command line: ``govplanner`` subcommands, and the door to the desktop app."""
