"""govplanner: plan ICS governance and check clinical leadership coverage."""

__version__ = "0.1.0"
