"""`python -m coprod_assess` is the same as `coprod`."""

from coprod_assess.cli.app import main

main()
