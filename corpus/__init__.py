"""The bundled default corpus (the five seed documents and their manifest)."""
