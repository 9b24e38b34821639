// A real SMTP server on 127.0.0.1 (smtp-server) that receives what notify sends through
// nodemailer, and reads each message back into its headers and its text and HTML parts
// (multipart/alternative, quoted-printable or base64, RFC 2047 encoded words), so a test can
// check the e-mail a person would read.
import type { AddressInfo } from 'node:net'
import { SMTPServer } from 'smtp-server'

export interface ReceivedMail {
  from: string
  to: string[]
  raw: string
  /** Header names lower-cased; values unfolded and decoded. */
  headers: Record<string, string>
  subject: string
  text?: string
  html?: string
}

/** An SMTP error whose code the client sees (smtp-server reads `responseCode`). */
function smtpError(message: string, responseCode: number): Error {
  return Object.assign(new Error(message), { responseCode })
}

function decodeWords(value: string): string {
  return value.replace(
    /=\?([^?]+)\?([BbQq])\?([^?]*)\?=\s*(?==\?)?/g,
    (_, charset: string, kind: string, data: string) => {
      const bytes =
        kind.toUpperCase() === 'B'
          ? Buffer.from(data, 'base64')
          : Buffer.from(
              data
                .replace(/_/g, ' ')
                .replace(/=([0-9A-Fa-f]{2})/g, (_m, hex: string) =>
                  String.fromCharCode(Number.parseInt(hex, 16)),
                ),
              'latin1',
            )
      return bytes.toString(charset.toLowerCase() === 'utf-8' ? 'utf8' : 'latin1')
    },
  )
}

function parseHeaders(block: string): Record<string, string> {
  const headers: Record<string, string> = {}
  for (const line of block.replace(/\r?\n[ \t]+/g, ' ').split(/\r?\n/)) {
    const at = line.indexOf(':')
    if (at > 0)
      headers[line.slice(0, at).trim().toLowerCase()] = decodeWords(line.slice(at + 1).trim())
  }
  return headers
}

function splitMessage(raw: string): { headers: Record<string, string>; body: string } {
  const at = raw.search(/\r?\n\r?\n/)
  if (at < 0) return { headers: parseHeaders(raw), body: '' }
  const gap = /\r?\n\r?\n/.exec(raw.slice(at))?.[0].length ?? 2
  return { headers: parseHeaders(raw.slice(0, at)), body: raw.slice(at + gap) }
}

function decodeBody(body: string, encoding: string | undefined): string {
  switch ((encoding ?? '').toLowerCase()) {
    case 'base64':
      return Buffer.from(body.replace(/\s+/g, ''), 'base64').toString('utf8')
    case 'quoted-printable':
      return Buffer.from(
        body
          .replace(/=\r?\n/g, '')
          .replace(/=([0-9A-Fa-f]{2})/g, (_m, hex: string) =>
            String.fromCharCode(Number.parseInt(hex, 16)),
          ),
        'latin1',
      ).toString('utf8')
    default:
      return body
  }
}

function parseParts(
  headers: Record<string, string>,
  body: string,
  into: { text?: string; html?: string },
): void {
  const type = headers['content-type'] ?? 'text/plain'
  const boundary = /boundary="?([^";]+)"?/i.exec(type)?.[1]
  if (/^multipart\//i.test(type) && boundary) {
    const parts = body.split(`--${boundary}`).slice(1)
    for (const part of parts) {
      if (part.startsWith('--')) break
      const { headers: partHeaders, body: partBody } = splitMessage(part.replace(/^\r?\n/, ''))
      parseParts(partHeaders, partBody, into)
    }
    return
  }
  const decoded = decodeBody(body, headers['content-transfer-encoding']).replace(/\r?\n$/, '')
  if (/^text\/html/i.test(type)) into.html = decoded
  else if (/^text\/plain/i.test(type)) into.text = decoded
}

export function parseMail(raw: string, from = '', to: string[] = []): ReceivedMail {
  const { headers, body } = splitMessage(raw)
  const parts: { text?: string; html?: string } = {}
  parseParts(headers, body, parts)
  return { from, to, raw, headers, subject: headers.subject ?? '', ...parts }
}

export class SmtpReceiver {
  readonly mails: ReceivedMail[] = []
  /** Connections made (each attempt of the client opens one). */
  connections = 0
  /** Reject every recipient with this SMTP reply code (e.g. 550 or 451). */
  rejectWith?: number
  host = '127.0.0.1'
  port = 0
  private server?: SMTPServer

  async start(): Promise<this> {
    this.server = new SMTPServer({
      authOptional: true,
      disabledCommands: ['STARTTLS'],
      logger: false,
      onConnect: (_session, callback) => {
        this.connections++
        callback()
      },
      onRcptTo: (_address, _session, callback) => {
        if (this.rejectWith !== undefined) {
          callback(smtpError(`mailbox refused (${this.rejectWith})`, this.rejectWith))
          return
        }
        callback()
      },
      onData: (stream, session, callback) => {
        const chunks: Buffer[] = []
        stream.on('data', (chunk: Buffer) => chunks.push(chunk))
        stream.on('end', () => {
          this.mails.push(
            parseMail(
              Buffer.concat(chunks).toString('utf8'),
              session.envelope.mailFrom ? session.envelope.mailFrom.address : '',
              session.envelope.rcptTo.map((rcpt) => rcpt.address),
            ),
          )
          callback()
        })
      },
    })
    await new Promise<void>((resolve) => this.server?.listen(0, '127.0.0.1', () => resolve()))
    this.port = (this.server.server.address() as AddressInfo).port
    return this
  }

  async stop(): Promise<void> {
    await new Promise<void>((resolve) =>
      this.server ? this.server.close(() => resolve()) : resolve(),
    )
  }
}
