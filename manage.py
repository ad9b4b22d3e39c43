#!/usr/bin/env python
from metelkaar.__main__ import main

if __name__ == "__main__":
    main()
