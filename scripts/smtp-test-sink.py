#!/usr/bin/python3
"""A real SMTP server on loopback for the outbox tests (Debian's python3-aiosmtpd).

    /usr/bin/python3 scripts/smtp-test-sink.py PORT DIR [--starttls|--tls CERT KEY] [--login USER PASSWORD]

Accepts every message and writes it twice into DIR: the raw bytes (`N.eml`) and, decoded with
Python's e-mail parser, `N.json` with from, to, subject and the text body, so tests can check that
Persian subjects and bodies arrive intact. Runs until killed.

With --starttls the server requires STARTTLS before anything else; with --tls it speaks TLS from
the first byte (port 465 style); either way with the certificate CERT and its key KEY. With --login
it requires AUTH (PLAIN or LOGIN) with that account, over TLS only. Each record then says whether
the message came over TLS and as which account.
"""
import asyncio
import json
import os
import sys
from email import message_from_bytes, policy

import ssl

from aiosmtpd.controller import Controller
from aiosmtpd.smtp import AuthResult, LoginPassword


class Sink:
    def __init__(self, folder):
        self.folder = folder
        self.count = 0

    async def handle_DATA(self, server, session, envelope):
        self.count += 1
        raw = envelope.original_content or envelope.content
        msg = message_from_bytes(raw, policy=policy.default)
        body = msg.get_body(preferencelist=("plain",))
        record = {
            "mail_from": envelope.mail_from,
            "rcpt_to": envelope.rcpt_tos,
            "from": str(msg["From"]),
            "to": str(msg["To"]),
            "subject": str(msg["Subject"]),
            "body": body.get_content() if body is not None else "",
            "tls": server.transport.get_extra_info("ssl_object") is not None,
            "login": session.auth_data if isinstance(session.auth_data, str) else None,
        }
        base = os.path.join(self.folder, str(self.count))
        with open(base + ".eml", "wb") as f:
            f.write(raw)
        # Written under a temporary name and renamed, so a reader never sees half a file.
        with open(base + ".json.tmp", "w", encoding="utf-8") as f:
            json.dump(record, f, ensure_ascii=False)
        os.rename(base + ".json.tmp", base + ".json")
        return "250 OK"


def option(name, count):
    if name not in sys.argv:
        return None
    at = sys.argv.index(name)
    return sys.argv[at + 1 : at + 1 + count]


def main():
    port = int(sys.argv[1])
    folder = sys.argv[2]
    os.makedirs(folder, exist_ok=True)
    settings = {}
    starttls, implicit = option("--starttls", 2), option("--tls", 2)
    if starttls or implicit:
        cert, key = starttls or implicit
        context = ssl.create_default_context(ssl.Purpose.CLIENT_AUTH)
        context.load_cert_chain(cert, key)
        if starttls:
            settings.update(tls_context=context, require_starttls=True)
        else:
            settings.update(ssl_context=context)
    login = option("--login", 2)
    if login:
        user, password = login

        def authenticator(server, session, envelope, mechanism, auth_data):
            ok = (
                isinstance(auth_data, LoginPassword)
                and auth_data.login.decode() == user
                and auth_data.password.decode() == password
            )
            return AuthResult(success=ok, handled=False, auth_data=user if ok else None)

        # Over implicit TLS aiosmtpd does not see the TLS layer itself: allow AUTH there.
        settings.update(authenticator=authenticator, auth_required=True, auth_require_tls=not implicit)
    controller = Controller(Sink(folder), hostname="127.0.0.1", port=port, **settings)
    controller.start()
    print(f"listening on 127.0.0.1:{port}", flush=True)
    try:
        asyncio.get_event_loop().run_forever()
    finally:
        controller.stop()


if __name__ == "__main__":
    main()
