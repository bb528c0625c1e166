"""`python -m actes` : même chose que la commande `actes`."""
import sys

from .cli import main

sys.exit(main())
