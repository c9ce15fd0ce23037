"""``python -m liqa`` runs the command line."""

from liqa.cli import main

main()
