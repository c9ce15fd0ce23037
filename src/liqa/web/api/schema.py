"""The error answers of the API, documented once for every operation of the OpenAPI schema.

drf-spectacular documents what a view's ``extend_schema`` names; the errors that DRF and
the shared helpers answer for any view are added here, so that a new endpoint cannot
leave them out:

- 401 on every operation (no token or a wrong one; a wrong token fails public ones too),
- 403 where a role is required (operations without anonymous access),
- 404 where the path names an event or a request,
- 400 where a body is sent (what is wrong, by field) and 415 when it is not JSON or a form.

Registered in ``SPECTACULAR_SETTINGS["POSTPROCESSING_HOOKS"]``; tests/web/test_schemathesis.py
checks every answer against the result.
"""

from __future__ import annotations

from typing import Any

DETAIL = "#/components/schemas/Detail"
INVALID = "#/components/schemas/Invalid"

_SCHEMAS: dict[str, dict[str, Any]] = {
    "Detail": {
        "type": "object",
        "description": "Why a request was refused, in words.",
        "properties": {"detail": {"type": "string"}},
        "required": ["detail"],
    },
    "Invalid": {
        "type": "object",
        "description": "What is wrong with the data sent: for each field, its messages; "
        "or 'detail' with one message about the request as a whole.",
        "additionalProperties": {},
    },
}

_ERRORS = {
    "400": ("the data sent is not valid", INVALID),
    "401": ("no token, or a token that is not valid", DETAIL),
    "403": ("the token's user has no role that allows this", DETAIL),
    "404": ("no such public event, request or record", DETAIL),
    "415": ("the body is neither JSON nor a form", DETAIL),
}


def _errors_of(path: str, operation: dict[str, Any]) -> list[str]:
    codes = ["401"]
    if {} not in operation.get("security", []):
        codes.append("403")
    if "{" in path:
        codes.append("404")
    if "requestBody" in operation:
        codes += ["400", "415"]
    return codes


def document_errors(result: dict[str, Any], **_kwargs: Any) -> dict[str, Any]:
    """drf-spectacular post-processing hook: add the error responses each operation can give
    (responses a view documents itself are kept)."""
    schemas = result.setdefault("components", {}).setdefault("schemas", {})
    for name, schema in _SCHEMAS.items():
        schemas.setdefault(name, schema)
    for path, operations in result.get("paths", {}).items():
        for operation in operations.values():
            responses = operation.setdefault("responses", {})
            for code in _errors_of(path, operation):
                description, ref = _ERRORS[code]
                responses.setdefault(
                    code,
                    {
                        "description": description,
                        "content": {"application/json": {"schema": {"$ref": ref}}},
                    },
                )
    return result
