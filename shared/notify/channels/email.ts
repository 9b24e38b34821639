// E-mail over SMTP through nodemailer: an HTML part and a plain-text part with the same facts.
// Every text that is not ours is HTML-escaped in the HTML part; the subject is one line, so
// nothing in a commit message can add a header. Connecting, the greeting and an idle socket all
// have a time limit within the step's; 4xx replies and dropped connections are retried, 5xx
// replies (a refused recipient, bad credentials) are not.
import type { NodemailerError } from 'nodemailer'
import {
  boolean,
  integer,
  optional,
  parser,
  quote,
  secret,
  text,
  withDefault,
} from '../../inputs.js'
import { defineChannel, retryLog, type Delivery, type SendContext } from '../channel.js'
import { address, addresses } from '../channel-inputs.js'
import { headline, messageFacts, plainText, type NotifyMessage } from '../message.js'
import { clip, oneLine } from '../../text.js'
import { DeliveryError, sendWithRetries, withinTime } from '../retry.js'
import { escapeHtml } from '../../summary.js'

export interface EmailConfig {
  host: string
  port: number
  secure: boolean
  username?: string
  password?: string
  from: string
  to: string[]
}

/** Errors of the setup or the message itself: the same e-mail would fail again. */
const PERMANENT_CODES = new Set([
  'EAUTH',
  'ENOAUTH',
  'EENVELOPE',
  'EMESSAGE',
  'ECONFIG',
  'ETLS',
  'EREQUIRETLS',
  'EMAXRECIPIENTS',
])

export function emailSubject(message: NotifyMessage): string {
  return clip(oneLine(`${headline(message)} · ${message.repository}`), 200)
}

function htmlLink(text: string, url: string): string {
  return `<a href="${escapeHtml(url)}">${escapeHtml(text)}</a>`
}

/** The message as an HTML e-mail: a coloured headline, the text, a table of facts. */
export function emailHtml(message: NotifyMessage): string {
  const rows = messageFacts(message)
    .map((fact) => {
      const value = fact.url ? htmlLink(fact.value, fact.url) : escapeHtml(fact.value)
      const style =
        fact.long || fact.code ? ' style="white-space:pre-wrap;font-family:monospace"' : ''
      return `<tr><th align="left" valign="top" style="padding:4px 12px 4px 0">${escapeHtml(fact.label)}</th><td${style}>${value}</td></tr>`
    })
    .join('\n')
  const text = message.text
    ? `<p style="white-space:pre-wrap">${escapeHtml(message.text)}</p>\n`
    : ''
  return [
    '<!DOCTYPE html>',
    '<html><head><meta charset="utf-8"></head>',
    '<body style="font-family:sans-serif">',
    `<div style="border-left:6px solid ${message.style.color};padding-left:12px">`,
    `<h2 style="margin:0 0 8px">${escapeHtml(headline(message))}</h2>`,
    text,
    `<table style="border-collapse:collapse">\n${rows}\n</table>`,
    '</div>',
    '</body></html>',
  ].join('\n')
}

function deliveryError(err: unknown, where: string): DeliveryError {
  const error = err as NodemailerError
  const message = `SMTP ${where}: ${oneLine(error?.message ?? String(err))}`
  if (error?.permanent === true) return new DeliveryError(message, false)
  if (typeof error?.responseCode === 'number') {
    return new DeliveryError(message, error.responseCode < 500 || error.responseCode === 503)
  }
  return new DeliveryError(message, !PERMANENT_CODES.has(error?.code ?? ''))
}

export async function sendEmail(config: EmailConfig, context: SendContext): Promise<Delivery> {
  const { createTransport } = await import('nodemailer')
  const { message } = context
  const where = `${config.host}:${config.port}`
  const mail = {
    from: config.from,
    to: config.to,
    subject: emailSubject(message),
    text: plainText(message),
    html: emailHtml(message),
    headers: { 'X-Flightdeck-Status': message.status },
  }
  const { attempts } = await sendWithRetries(
    context.policy,
    async (timeoutMs) => {
      const transport = createTransport({
        host: config.host,
        port: config.port,
        secure: config.secure,
        // Credentials never cross the network in the clear: with a user, STARTTLS is required.
        requireTLS: !config.secure && config.username !== undefined,
        auth:
          config.username !== undefined
            ? { user: config.username, pass: config.password ?? '' }
            : undefined,
        connectionTimeout: timeoutMs,
        greetingTimeout: timeoutMs,
        socketTimeout: timeoutMs,
        dnsTimeout: timeoutMs,
        disableFileAccess: true,
        disableUrlAccess: true,
      })
      try {
        await withinTime(
          transport.sendMail(mail).catch((err: unknown) => {
            throw deliveryError(err, where)
          }),
          timeoutMs,
          `SMTP ${where}`,
        )
      } finally {
        transport.close()
      }
    },
    retryLog(context),
  )
  return { detail: `sent to ${config.to.join(', ')}`, attempts }
}

export const emailChannel = defineChannel({
  name: 'email',
  enabledBy: 'smtp-host with email-from and email-to',
  credentials: { 'smtp-password': secret() },
  options: {
    'smtp-host': optional(
      parser((value) => {
        if (/[\s/]/.test(value)) {
          throw new Error(`${quote(value)} is not a host name (example: smtp.example.com)`)
        }
        return value
      }),
    ),
    'smtp-port': optional(integer({ min: 1, max: 65535, example: '587' })),
    'smtp-username': optional(text()),
    'smtp-secure': withDefault(boolean(), 'false'),
    'email-from': optional(address('flightdeck <deploys@example.com>')),
    'email-to': withDefault(addresses(), ''),
  },
  configure: (inputs, problems): EmailConfig | undefined => {
    const host = inputs['smtp-host']
    const from = inputs['email-from']
    const to = inputs['email-to']
    if (host) {
      if (!from) {
        problems.push('`email-from` is required with `smtp-host` (example: deploys@example.com)')
      }
      if (to.length === 0) {
        problems.push('`email-to` is required with `smtp-host` (example: oncall@example.com)')
      }
    } else if (from || to.length > 0 || inputs['smtp-username'] || inputs['smtp-password']) {
      problems.push('e-mail needs `smtp-host` (example: smtp.example.com)')
    }
    if (inputs['smtp-password'] && !inputs['smtp-username']) {
      problems.push('`smtp-password` needs `smtp-username`')
    }
    if (!host || !from || to.length === 0) return undefined
    const secure = inputs['smtp-secure']
    return {
      host,
      port: inputs['smtp-port'] ?? (secure ? 465 : 587),
      secure,
      username: inputs['smtp-username'],
      password: inputs['smtp-password'],
      from,
      to,
    }
  },
  send: sendEmail,
  limits: 'a one-line subject of 200 characters; the body has no limit of its own',
})
