// Any receiver of your own: the message as JSON (schema `flightdeck.notify/v1`, snake_case).
// With webhook-secret, the exact bytes sent are signed with HMAC-SHA256 and the signature goes
// in `X-Flightdeck-Signature: sha256=<hex>`, as GitHub signs its own webhooks: compute the HMAC
// of the raw body with the shared secret and compare in constant time.
import { createHmac, randomUUID } from 'node:crypto'
import { formatDuration } from '../../durations.js'
import { secret } from '../../inputs.js'
import { defineChannel, retryLog, type Delivery, type SendContext } from '../channel.js'
import { webhookUrl } from '../channel-inputs.js'
import { expectSuccess, postJson } from '../http.js'
import type { NotifyMessage } from '../message.js'
import { mentionText } from '../mentions.js'
import { sendWithRetries } from '../retry.js'

export const SIGNATURE_HEADER = 'X-Flightdeck-Signature'

export function webhookPayload(message: NotifyMessage): Record<string, unknown> {
  return {
    schema: 'flightdeck.notify/v1',
    status: message.status,
    status_label: message.style.label,
    emoji: message.style.emoji,
    color: message.style.color,
    title: message.title,
    text: message.text ?? null,
    repository: message.repository,
    repository_url: message.repositoryUrl,
    environment: message.environment ?? null,
    version: message.version ?? null,
    url: message.url ?? null,
    run_url: message.runUrl,
    actor: message.actor ?? null,
    sha: message.sha ?? null,
    commit_url: message.commitUrl ?? null,
    commit_title: message.commitTitle ?? null,
    pull_request: message.pullRequest ?? null,
    branch: message.branch ?? null,
    duration_ms: message.durationMs ?? null,
    duration: message.durationMs !== undefined ? formatDuration(message.durationMs) : null,
    fields: message.fields,
    deployment: message.record
      ? { status: message.record.status, facts: message.record.facts }
      : null,
    mentions: message.mentions.map(mentionText),
    timestamp: message.timestamp,
  }
}

/** `sha256=<hex>` of the body under the secret. */
export function signature(body: string, secret: string): string {
  return `sha256=${createHmac('sha256', secret).update(body, 'utf8').digest('hex')}`
}

export async function sendWebhook(
  config: { url: string; secret?: string },
  context: SendContext,
): Promise<Delivery> {
  const body = JSON.stringify(webhookPayload(context.message))
  const headers: Record<string, string> = {
    'X-Flightdeck-Event': 'notify',
    // The same id on every attempt: a receiver can drop a retried duplicate.
    'X-Flightdeck-Delivery': randomUUID(),
  }
  if (config.secret) headers[SIGNATURE_HEADER] = signature(body, config.secret)
  const { attempts } = await sendWithRetries(
    context.policy,
    async (timeoutMs) => {
      expectSuccess(
        await postJson({ url: config.url, body, headers, service: 'Webhook', timeoutMs }),
        'Webhook',
      )
    },
    retryLog(context),
  )
  return { detail: config.secret ? 'delivered, signed' : 'delivered (unsigned)', attempts }
}

export const webhookChannel = defineChannel({
  name: 'webhook',
  enabledBy: 'webhook-url',
  credentials: {
    'webhook-url': webhookUrl('https://hooks.example.com/deploys'),
    'webhook-secret': secret(),
  },
  options: {},
  configure: (inputs, problems) => {
    if (inputs['webhook-secret'] && !inputs['webhook-url']) {
      problems.push(
        '`webhook-secret` needs `webhook-url` (example: https://hooks.example.com/deploys)',
      )
    }
    return inputs['webhook-url']
      ? { url: inputs['webhook-url'], secret: inputs['webhook-secret'] }
      : undefined
  },
  send: sendWebhook,
  limits: 'none of its own: the whole message as JSON (flightdeck.notify/v1)',
})
