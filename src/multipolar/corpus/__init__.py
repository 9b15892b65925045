"""Many documents: the DuckDB store, its schema and migrations, parallel ingest, queries, exports."""
