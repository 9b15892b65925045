"""`python -m multipolar` is the `multipolar` command."""

from multipolar.cli.app import main

main()
