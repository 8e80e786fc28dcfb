"""Email to residents through the council's SMTP relay (``SMTP_*`` settings), sent by the outbox
worker like SMS. The subject and first line are neutral, so a preview reveals nothing; the
Message-ID is fixed per outbox row, so a resend after a crash is recognisably the same email."""

from __future__ import annotations

import smtplib
import ssl
from email.message import EmailMessage
from email.utils import formatdate

from bot.messaging.outbound import SendResult, neutral_body
from bot.settings import Settings

TRANSIENT = (smtplib.SMTPServerDisconnected, smtplib.SMTPConnectError, smtplib.SMTPHeloError,
             OSError)


def compose(settings: Settings, to: str, body: str, row_id: int) -> EmailMessage:
    message = EmailMessage()
    message["From"] = settings.smtp_from or f"noreply@{settings.smtp_host or 'localhost'}"
    message["To"] = to
    message["Subject"] = settings.outbound_first_line.format(
        council_name=settings.council_name).rstrip(".")
    message["Date"] = formatdate(localtime=False)
    domain = (settings.smtp_from or "tellonce.local").rsplit("@", 1)[-1]
    message["Message-ID"] = f"<outbox-{row_id}@{domain}>"
    message.set_content(neutral_body(body, settings))
    return message


def send_email(settings: Settings, *, to: str, body: str, row_id: int) -> SendResult:
    """One attempt: accepted by the relay ("sent"), refused for good ("failed"), or "retry"."""
    if not settings.smtp_host:
        return SendResult("retry", error="email is not configured (SMTP_HOST)")
    message = compose(settings, to, body, row_id)
    try:
        if settings.smtp_ssl:
            server: smtplib.SMTP = smtplib.SMTP_SSL(settings.smtp_host, settings.smtp_port,
                                                    timeout=settings.smtp_timeout_seconds,
                                                    context=ssl.create_default_context())
        else:
            server = smtplib.SMTP(settings.smtp_host, settings.smtp_port,
                                  timeout=settings.smtp_timeout_seconds)
        with server:
            if settings.smtp_starttls and not settings.smtp_ssl:
                server.starttls(context=ssl.create_default_context())
            if settings.smtp_username:
                server.login(settings.smtp_username, settings.smtp_password)
            refused = server.send_message(message)
    except smtplib.SMTPRecipientsRefused:
        return SendResult("failed", error="the email address was refused by the relay")
    except smtplib.SMTPResponseException as exc:
        outcome = "retry" if 400 <= exc.smtp_code < 500 else "failed"
        return SendResult(outcome, error=f"the relay answered {exc.smtp_code}")
    except TRANSIENT as exc:
        return SendResult("retry", error=f"email relay unreachable ({type(exc).__name__})")
    if refused:
        return SendResult("failed", error="the email address was refused by the relay")
    return SendResult("sent", provider_sid=None, provider_status="sent", sent_as="email")
