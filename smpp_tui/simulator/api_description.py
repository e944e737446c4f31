"""OVHcloud's legacy API description, made from an OpenAPI 3 document.

`GET /1.0/sms.json` answers, unless asked `?format=openapi3`, in the older format OVHcloud's
consoles and SDK generators read: `apis` (each path with its operations, parameters listed one by
one with `paramType` path, query or body) and `models` (every named type), types written as
strings such as `string[]`, `long`, `datetime`, `sms.Account` or `void`.

The shape follows copies of OVHcloud's own answers (2024): no `swaggerVersion` and no
`responseFullType`. What OpenAPI 3 does not carry is approximated: every property gets a
`fullType` (OVHcloud omits it on some models), `text` reads `string`, and a path's description
follows OVHcloud's generated wording where it has one.
"""

from __future__ import annotations

from typing import Any

API_VERSION = "1.0"

Schema = dict[str, Any]

_REF = "#/components/schemas/"
_STRING_FORMATS = {"date-time": "datetime", "date": "date", "uuid": "uuid", "password": "password"}
_SCALARS = {"integer": "long", "number": "double", "boolean": "boolean"}
_STATUSES = {
    "Stable production version": "PRODUCTION",
    "Beta version": "BETA",
    "Alpha version": "ALPHA",
    "Deprecated, will be removed": "DEPRECATED",
}
_STABLE = "Stable production version"
_METHODS = ("get", "post", "put", "delete", "patch")
_READ_OBJECT = "Get this object properties"
_ALTER_OBJECT = "Alter this object properties"
# OVHcloud names the IAM variant of a model after the model: `sms.AccountWithIAM` is `Account`.
_IAM_VARIANT = "WithIAM"


def legacy_description(document: Schema, base_path: str, section: str) -> Schema:
    """The legacy description of `document`, the OpenAPI 3 of `section` (such as `/sms`)."""
    paths, schemas = document["paths"], document["components"]["schemas"]
    return {
        "apiVersion": API_VERSION,
        "basePath": base_path,
        "resourcePath": section,
        "apis": [_api(template, paths, schemas) for template in paths],
        # Names without a namespace (`ip`, `phoneNumber`...) are OVHcloud's scalar types.
        "models": {
            _legacy_name(name): _model(name, schema)
            for name, schema in schemas.items()
            if "." in name
        },
    }


def type_name(schema: Schema) -> str:
    """An OpenAPI schema as an OVHcloud type: `sms.Account`, `string[]`, `long`, `datetime`..."""
    if "$ref" in schema:
        return _legacy_name(str(schema["$ref"]).removeprefix(_REF))
    if len(schema.get("allOf", ())) == 1:
        return type_name(schema["allOf"][0])
    kind = schema.get("type")
    if kind == "array":
        return type_name(schema["items"]) + "[]"
    if kind == "object" and isinstance(schema.get("additionalProperties"), dict):
        value = type_name(schema["additionalProperties"])
        # Go's spelling, as OVHcloud writes it: `map[string][]iam.resource.TagFilter`.
        return "map[string]" + ("[]" + value[:-2] if value.endswith("[]") else value)
    if kind == "string":
        return _STRING_FORMATS.get(schema.get("format", ""), "string")
    return _SCALARS.get(str(kind), "string")


def _legacy_name(name: str) -> str:
    """OVHcloud's name of a model: OpenAPI's `complexType.SafeKeyValue_string` is the generic
    `complexType.SafeKeyValue<string>`."""
    namespace, dot, local = name.rpartition(".")
    base, generic, argument = local.partition("_")
    return namespace + dot + (f"{base}<{argument}>" if generic else local)


def _api(template: str, paths: Schema, schemas: Schema) -> Schema:
    item = paths[template]
    return {
        "path": template,
        "description": _api_description(template, paths, schemas),
        "operations": [_operation(method, item[method]) for method in _METHODS if method in item],
    }


def _api_description(template: str, paths: Schema, schemas: Schema) -> str:
    """OVHcloud's generated wording: an object's path says what the object is, a list of objects
    says "List the sms.Sender objects", a function of a service says "password operations"."""
    read = _object_read(paths[template])
    if read is not None:
        return str(schemas.get(read, {}).get("description", ""))
    if _response_type(paths[template].get("get", {})).endswith("[]"):
        for child, item in paths.items():
            is_item = child.rpartition("/")[0] == template and child.endswith("}")
            if is_item and (model := _object_read(item)) is not None:
                return f"List the {model} objects"
    last = template.rpartition("/")[2]
    if "{" in template and not last.startswith("{"):
        return last + " operations"
    return str(next(iter(paths[template].values())).get("summary", ""))


def _object_read(item: Schema) -> str | None:
    """The model a path's "Get this object properties" answers, if it has one."""
    read = item.get("get", {})
    return _response_type(read) if read.get("summary") == _READ_OBJECT else None


def _operation(method: str, operation: Schema) -> Schema:
    described: Schema = {
        "httpMethod": method.upper(),
        "apiStatus": _status(operation),
        "noAuthentication": "security" not in operation,
        "description": operation.get("summary", ""),
    }
    if "description" in operation:
        described["longDescription"] = operation["description"]
    if "x-iam-actions" in operation:
        described["iamActions"] = operation["x-iam-actions"]
    described["parameters"] = _body(operation) + [
        _parameter(parameter) for parameter in operation.get("parameters", ())
    ]
    described["responseType"] = _response_type(operation)
    return described


def _status(operation: Schema) -> dict[str, str]:
    badges = operation.get("x-badges") or [{"label": _STABLE}]
    label = badges[0]["label"]
    return {"value": _STATUSES.get(label, "PRODUCTION"), "description": label}


def _parameter(parameter: Schema) -> Schema:
    return _described_parameter(
        parameter["name"],
        parameter["in"],
        parameter.get("schema", {}),
        parameter.get("description", ""),
        bool(parameter.get("required", False)),
    )


def _described_parameter(
    name: str | None, where: str, schema: Schema, description: str, required: bool
) -> Schema:
    kind = type_name(schema)
    described: Schema = {"name": name} if name is not None else {}
    described.update(dataType=kind, paramType=where)
    # OVHcloud gives no fullType for its map-typed parameters (the IAM tag filters).
    if not kind.startswith("map["):
        described["fullType"] = kind
    described.update(required=required, description=description)
    return described


def _body(operation: Schema) -> list[Schema]:
    """The request body as OVHcloud lists it: one parameter per field, or one unnamed parameter
    when the body is a whole model."""
    body = operation.get("requestBody")
    if body is None:
        return []
    schema = body["content"]["application/json"]["schema"]
    if "$ref" in schema:
        own = operation.get("summary") == _ALTER_OBJECT
        wording = "New object properties" if own else "Request Body"
        return [_described_parameter(None, "body", schema, wording, bool(body.get("required")))]
    required = set(schema.get("required", ()))
    return [
        _described_parameter(name, "body", field, field.get("description", ""), name in required)
        for name, field in schema.get("properties", {}).items()
    ]


def _response_type(operation: Schema) -> str:
    content = operation.get("responses", {}).get("200", {}).get("content")
    if not content:
        return "void"
    return type_name(content["application/json"]["schema"])


def _model(name: str, schema: Schema) -> Schema:
    namespace, _, local = name.rpartition(".")
    model_id = local.partition("_")[0].removesuffix(_IAM_VARIANT)
    model: Schema = {"id": model_id, "namespace": namespace}
    if "description" in schema:
        model["description"] = schema["description"]
    if "enum" in schema:
        # Numbers too are listed as strings, the enumType saying what they are.
        model["enum"] = [str(value) for value in schema["enum"]]
        model["enumType"] = type_name({"type": schema.get("type", "string")})
        return model
    required = set(schema.get("required", ()))
    model["properties"] = {
        field: _property(property_, field in required)
        for field, property_ in schema.get("properties", {}).items()
    }
    return model


def _property(schema: Schema, required: bool) -> Schema:
    kind = type_name(schema)
    described: Schema = {
        "type": kind,
        "fullType": kind,
        "canBeNull": bool(schema.get("nullable", False)),
        "readOnly": bool(schema.get("readOnly", False)),
        "required": required,
    }
    if "description" in schema:
        described["description"] = schema["description"]
    return described
