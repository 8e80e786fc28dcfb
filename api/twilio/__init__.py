"""Twilio SMS and WhatsApp webhooks under /twilio (built out by the Twilio issue)."""

from fastapi import APIRouter

router = APIRouter(prefix="/twilio")
