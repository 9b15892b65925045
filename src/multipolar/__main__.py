"""`python -m multipolar` is the `multipolar` command."""

from multipolar.cli import main

main()
