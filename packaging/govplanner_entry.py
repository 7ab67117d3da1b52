"""Entry script of the frozen bundle: runs the same code as the `govplanner` console script."""

import sys

from govplanner.cli.main import main

if __name__ == "__main__":
    sys.exit(main())
