"""The command line: one module per command, thin, printing only."""
