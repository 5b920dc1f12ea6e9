"""`python -m runcompare render --view scalars --scalars scalars.arrow -o fig.pdf`: the headless
renderer, with the arguments of the npm package's `npx runcompare render`."""

import sys

from ._render import main

if __name__ == "__main__":
    sys.exit(main())
