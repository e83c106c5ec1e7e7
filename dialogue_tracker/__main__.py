import sys

from dialogue_tracker.cli import main

sys.exit(main())
