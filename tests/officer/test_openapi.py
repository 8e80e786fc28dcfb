"""The OpenAPI document describes the officer API completely: auth, schemas, error responses."""

from __future__ import annotations

import pytest

from api.main import create_app

TOKEN = ("/api/v1/auth/token", "post")


@pytest.fixture(scope="module")
def spec() -> dict:
    return create_app().openapi()


def operations(spec: dict):
    for path, item in spec["paths"].items():
        if path.startswith("/api/v1/"):
            for method, op in item.items():
                yield path, method, op


def test_bearer_scheme_from_the_token_route(spec):
    (name, scheme), = spec["components"]["securitySchemes"].items()
    assert scheme["type"] == "oauth2"
    assert scheme["flows"]["password"]["tokenUrl"] == "/api/v1/auth/token"
    assert "Bearer" in scheme["description"]
    token_op = spec["paths"]["/api/v1/auth/token"]["post"]
    assert "security" not in token_op
    assert token_op["responses"]["200"]["content"]["application/json"]["schema"]["$ref"].endswith(
        "/Token")


def test_every_protected_operation_declares_auth_and_its_errors(spec):
    problems = []
    for path, method, op in operations(spec):
        if (path, method) == TOKEN:
            continue
        codes = set(op["responses"])
        if not op.get("security"):
            problems.append(f"{method} {path}: no security requirement")
        wanted = {"401", "403"}
        if "{reference}" in path or "{username}" in path:
            wanted |= {"404"}
        if op.get("parameters") or op.get("requestBody"):
            wanted |= {"422"}
        if op.get("requestBody"):
            wanted |= {"400"}
        if method == "post" and path.startswith("/api/v1/cases/") and not path.endswith("/notes"):
            wanted |= {"409"}
        if not wanted <= codes:
            problems.append(f"{method} {path}: missing {sorted(wanted - codes)}")
        if not op.get("summary"):
            problems.append(f"{method} {path}: no summary")
    assert not problems, "\n".join(problems)


def test_every_success_response_has_a_schema(spec):
    missing = []
    for path, method, op in operations(spec):
        for code, response in op["responses"].items():
            if code.startswith("2"):
                content = response.get("content", {})
                if not content or not all(c.get("schema") for c in content.values()):
                    missing.append(f"{method} {path} {code}")
                elif content.get("application/json", {}).get("schema") == {}:
                    missing.append(f"{method} {path} {code} (empty schema)")
    assert not missing, missing


def test_error_responses_use_the_problem_schema(spec):
    for path, method, op in operations(spec):
        for code in ("401", "403", "404", "409"):
            if code in op["responses"]:
                schema = op["responses"][code]["content"]["application/json"]["schema"]
                assert schema["$ref"].endswith("/Problem"), (method, path, code)


def test_referral_documents_printable_html(spec):
    content = spec["paths"]["/api/v1/cases/{reference}/referral"]["get"]["responses"]["200"]["content"]
    assert set(content) == {"application/json", "text/html"}
