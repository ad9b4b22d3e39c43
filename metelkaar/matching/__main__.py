"""``python -m metelkaar.matching``: see :mod:`metelkaar.matching.cli`."""

import sys

from metelkaar.matching.cli import main

if __name__ == "__main__":
    sys.exit(main())
