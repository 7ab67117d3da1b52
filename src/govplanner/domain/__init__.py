"""The Qt-free heart of govplanner: the plan, its vocabulary and its integrity rules."""
