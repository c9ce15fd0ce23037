"""REST API with an OpenAPI schema; the same permissions as the pages."""
