"""aiosmtpd handler for NokoBot's email tests.

Run: /usr/bin/python3 -m aiosmtpd -n -l 127.0.0.1:PORT -c nokobot_smtp.Handler MAILDIR [reject=a@x,b@y] [defer=N]
     [tempfail=c@x,d@y]
Writes every accepted message to MAILDIR (a Maildir) with an X-Rcpt-To header listing the envelope recipients,
refuses the listed recipients with 550, answers 451 to the DATA of the first N messages, and 451 to the first
RCPT of each tempfail recipient.
"""
import mailbox


class Handler:
    def __init__(self, maildir, reject=(), defer=0, tempfail=()):
        self.mailbox = mailbox.Maildir(maildir, create=True)
        self.reject = {a.lower() for a in reject}
        self.defer = defer
        self.tempfail = {a.lower() for a in tempfail}

    @classmethod
    def from_cli(cls, parser, *args):
        if not args:
            parser.error("nokobot_smtp.Handler needs a Maildir path")
        reject, defer, tempfail = (), 0, ()
        for arg in args[1:]:
            key, _, value = arg.partition("=")
            if key == "reject":
                reject = [a for a in value.split(",") if a]
            elif key == "defer":
                defer = int(value)
            elif key == "tempfail":
                tempfail = [a for a in value.split(",") if a]
            else:
                parser.error("unknown handler argument: " + arg)
        return cls(args[0], reject, defer, tempfail)

    async def handle_RCPT(self, server, session, envelope, address, rcpt_options):
        if address.lower() in self.reject:
            return "550 5.1.1 <%s>: Recipient address rejected: User unknown" % address
        if address.lower() in self.tempfail:
            self.tempfail.discard(address.lower())
            return "451 4.7.1 <%s>: Greylisted, try again later" % address
        envelope.rcpt_tos.append(address)
        return "250 2.1.5 OK"

    async def handle_DATA(self, server, session, envelope):
        if self.defer > 0:
            self.defer -= 1
            return "451 4.3.0 Temporary failure, try again later"
        content = envelope.original_content or envelope.content
        if isinstance(content, str):
            content = content.encode("utf-8")
        header = ("X-Rcpt-To: " + ", ".join(envelope.rcpt_tos) + "\r\n").encode("ascii")
        self.mailbox.add(header + content)
        return "250 2.0.0 OK queued"
