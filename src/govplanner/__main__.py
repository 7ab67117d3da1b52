"""Allow ``python -m govplanner``."""

from govplanner.cli.main import main

raise SystemExit(main())
