"""``python -m realpolitik.cli`` runs the command line (as the ``realpolitik`` script does)."""

from realpolitik.cli.main import main

main()
