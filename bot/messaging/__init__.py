"""Text-channel messaging (SMS and WhatsApp through Twilio): rendering, keywords, opt-outs and
the outbound sender. No web framework here: the gateway (api/twilio) and the CLI worker use it."""
