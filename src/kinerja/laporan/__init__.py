"""Report building blocks shared by the demo, the CLI and (later) the LKIP builder."""
