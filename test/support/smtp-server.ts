import { createServer, Server, Socket } from 'node:net';
import { freePort } from './free-port';
import { SMTPServer } from 'smtp-server';

export interface MailPart {
  contentType: string;
  filename?: string;
  content: Buffer;
}

/** A message as the SMTP server received it, decoded enough for assertions. */
export interface ReceivedMail {
  from: string;
  to: string[];
  raw: string;
  headers: Map<string, string>;
  subject: string;
  messageId: string;
  text: string;
  html: string;
  attachments: MailPart[];
}

/**
 * A real SMTP server (the `smtp-server` package) on a loopback port, collecting what it
 * receives. `stop()` and `start()` again on the same port simulate an outage. Recipients in
 * `rejectRecipients` are refused with a permanent 550.
 */
export class TestSmtpServer {
  readonly received: ReceivedMail[] = [];
  readonly rejectRecipients = new Set<string>();
  private server: SMTPServer | null = null;

  private constructor(readonly port: number) {}

  static async start(port?: number): Promise<TestSmtpServer> {
    const smtp = new TestSmtpServer(port ?? (await freePort()));
    await smtp.start();
    return smtp;
  }

  /** A server object for a port that is not listening yet (start it later). */
  static async down(): Promise<TestSmtpServer> {
    return new TestSmtpServer(await freePort());
  }

  get url(): string {
    return `smtp://127.0.0.1:${this.port}`;
  }

  start(): Promise<void> {
    const server = new SMTPServer({
      authOptional: true,
      disabledCommands: ['STARTTLS', 'AUTH'],
      logger: false,
      onRcptTo: (address, _session, callback) => {
        if (this.rejectRecipients.has(address.address)) {
          callback(Object.assign(new Error('Mailbox unavailable'), { responseCode: 550 }));
          return;
        }
        callback();
      },
      onData: (stream, session, callback) => {
        const chunks: Buffer[] = [];
        stream.on('data', (chunk: Buffer) => chunks.push(chunk));
        stream.on('end', () => {
          const raw = Buffer.concat(chunks).toString('utf8');
          const from = session.envelope.mailFrom ? session.envelope.mailFrom.address : '';
          this.received.push(
            parseMail(
              raw,
              from,
              session.envelope.rcptTo.map((r) => r.address),
            ),
          );
          callback();
        });
      },
    });
    server.on('error', () => undefined);
    this.server = server;
    return new Promise((resolve, reject) => {
      server.server.once('error', reject);
      server.listen(this.port, '127.0.0.1', () => resolve());
    });
  }

  stop(): Promise<void> {
    const server = this.server;
    this.server = null;
    return new Promise((resolve) => (server ? server.close(() => resolve()) : resolve()));
  }

  byMessageId(messageId: string): ReceivedMail[] {
    return this.received.filter((m) => m.messageId === messageId);
  }
}

/** A TCP server that accepts connections and never says a word: an SMTP server that hangs. */
export async function silentServer(): Promise<{ url: string; close(): Promise<void> }> {
  const sockets = new Set<Socket>();
  const server: Server = createServer((socket) => {
    sockets.add(socket);
    socket.on('close', () => sockets.delete(socket));
    socket.on('error', () => undefined);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as { port: number };
  return {
    url: `smtp://127.0.0.1:${port}`,
    close: () =>
      new Promise<void>((resolve) => {
        for (const socket of sockets) socket.destroy();
        server.close(() => resolve());
      }),
  };
}

// --- a small MIME reader, enough for what nodemailer writes ---

function splitHead(raw: string): [string, string] {
  const at = raw.indexOf('\r\n\r\n');
  return at < 0 ? [raw, ''] : [raw.slice(0, at), raw.slice(at + 4)];
}

function parseHeaders(head: string): Map<string, string> {
  const headers = new Map<string, string>();
  for (const line of head.replace(/\r\n[ \t]+/g, ' ').split('\r\n')) {
    const colon = line.indexOf(':');
    if (colon > 0) headers.set(line.slice(0, colon).trim().toLowerCase(), line.slice(colon + 1).trim());
  }
  return headers;
}

function decodeQuotedPrintable(body: string): Buffer {
  const text = body.replace(/=\r\n/g, '');
  const bytes: number[] = [];
  for (let i = 0; i < text.length; i++) {
    if (text[i] === '=' && /^[0-9A-F]{2}$/i.test(text.slice(i + 1, i + 3))) {
      bytes.push(parseInt(text.slice(i + 1, i + 3), 16));
      i += 2;
    } else {
      bytes.push(...Buffer.from(text[i], 'utf8'));
    }
  }
  return Buffer.from(bytes);
}

/** `=?UTF-8?B?...?=` and `=?UTF-8?Q?...?=` words (RFC 2047). */
export function decodeWords(value: string): string {
  return value
    .replace(/\?=\s+=\?/g, '?==?')
    .replace(/=\?([^?]+)\?([BbQq])\?([^?]*)\?=/g, (_m, _charset: string, encoding: string, text: string) =>
      encoding.toUpperCase() === 'B'
        ? Buffer.from(text, 'base64').toString('utf8')
        : decodeQuotedPrintable(text.replace(/_/g, ' ')).toString('utf8'),
    );
}

function param(header: string | undefined, name: string): string | undefined {
  const match = new RegExp(`${name}\\*?=("([^"]*)"|[^;\\s]+)`, 'i').exec(header ?? '');
  return match ? decodeWords(match[2] ?? match[1]) : undefined;
}

function leafParts(headers: Map<string, string>, body: string): MailPart[] {
  const contentType = headers.get('content-type') ?? 'text/plain';
  if (/^multipart\//i.test(contentType)) {
    const boundary = param(contentType, 'boundary')!;
    return body
      .split(`--${boundary}`)
      .slice(1)
      .filter((part) => !part.startsWith('--'))
      .flatMap((part) => {
        const [head, inner] = splitHead(part.replace(/^\r\n/, ''));
        return leafParts(parseHeaders(head), inner.replace(/\r\n$/, ''));
      });
  }
  const encoding = (headers.get('content-transfer-encoding') ?? '7bit').toLowerCase();
  const content =
    encoding === 'base64'
      ? Buffer.from(body.replace(/\s+/g, ''), 'base64')
      : encoding === 'quoted-printable'
        ? decodeQuotedPrintable(body)
        : Buffer.from(body, 'utf8');
  const filename = param(headers.get('content-disposition'), 'filename') ?? param(contentType, 'name');
  return [{ contentType: contentType.split(';')[0].trim().toLowerCase(), ...(filename ? { filename } : {}), content }];
}

function parseMail(raw: string, from: string, to: string[]): ReceivedMail {
  const [head, body] = splitHead(raw);
  const headers = parseHeaders(head);
  const parts = leafParts(headers, body);
  const inline = (type: string) =>
    parts.find((p) => p.contentType === type && !p.filename)?.content.toString('utf8') ?? '';
  return {
    from,
    to,
    raw,
    headers,
    subject: decodeWords(headers.get('subject') ?? ''),
    messageId: headers.get('message-id') ?? '',
    text: inline('text/plain'),
    html: inline('text/html'),
    attachments: parts.filter((p) => p.filename),
  };
}
