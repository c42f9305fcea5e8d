"""Reading users' YAML files: one loader, with positions for every error."""
