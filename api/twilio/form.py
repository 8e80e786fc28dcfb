"""Reading a Twilio webhook body: only ``application/x-www-form-urlencoded`` (what Twilio
sends), at most ``MAX_FORM_BYTES`` counted on the stream (a chunked body has no
Content-Length to check), and parsed only after that, so a flood costs nothing to refuse.
The caller checks the signature on the parsed fields before doing anything else."""

from __future__ import annotations

from urllib.parse import parse_qsl

from fastapi import Request
from starlette.datastructures import FormData

MAX_FORM_BYTES = 64 * 1024  # Twilio's webhook forms are a few KB
MAX_FIELDS = 200  # an inbound message has about 20 fields, a status callback fewer


class BadForm(Exception):
    """The body is refused before parsing; ``status`` says why (413, 415, 400)."""

    def __init__(self, status: int) -> None:
        super().__init__(status)
        self.status = status


async def read_form(request: Request) -> FormData:
    media_type = request.headers.get("content-type", "").split(";")[0].strip().lower()
    if media_type != "application/x-www-form-urlencoded":
        raise BadForm(415)
    declared = request.headers.get("content-length")
    if declared is not None and (not declared.isdigit() or int(declared) > MAX_FORM_BYTES):
        raise BadForm(413 if declared.isdigit() else 400)
    body = bytearray()
    async for chunk in request.stream():
        body += chunk
        if len(body) > MAX_FORM_BYTES:
            raise BadForm(413)
    try:
        fields = parse_qsl(body.decode("utf-8"), keep_blank_values=True, strict_parsing=False,
                           max_num_fields=MAX_FIELDS)
    except ValueError as exc:  # not UTF-8, or too many fields
        raise BadForm(400) from exc
    return FormData(fields)
