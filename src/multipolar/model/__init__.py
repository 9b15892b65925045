"""Records -> the system model: relations, blocs, the timeline, figure checks, the causal graph."""
