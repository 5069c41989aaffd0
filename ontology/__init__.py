"""The ckg ontology (OWL 2 in Turtle) and its SHACL shapes."""
