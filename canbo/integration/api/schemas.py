from datetime import date

from ninja import Schema


class OrganizationOut(Schema):
    code: str | None
    name: str
    kind: str
    parent_code: str | None = None


class PersonOut(Schema):
    code: str
    full_name: str
    gender: str
    birth_year: int | None
    organization_code: str | None
    organization_name: str | None
    job_position: str | None
    title: str | None
    service_start: date | None


class ErrorOut(Schema):
    code: str
    message: str
    field: str | None = None
