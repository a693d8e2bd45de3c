"""``python -m realpolitik`` runs the command line."""

from realpolitik.cli.main import main

main()
