"""`multipolar serve`: the FastAPI app over a store, its pages and JSON API (extra `multipolar[web]`)."""
