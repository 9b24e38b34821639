// PagerDuty Events API v2 (https://developer.pagerduty.com/docs/events-api-v2/trigger-events/):
// `failure` and `rolled-back` trigger an alert, `success` resolves it, under one dedup_key per
// repository and environment, so a good deploy closes the incident a bad one opened. Other
// statuses (started, cancelled, skipped) are nothing to page about: nothing is sent.
// POST /v2/enqueue answers 202; 400 is a bad event (not retried), 429 and 5xx are retried.
import { httpUrl, secret, withDefault } from '../../inputs.js'
import { defineChannel, retryLog, type Delivery, type SendContext } from '../channel.js'
import { bodyExcerpt, expectSuccess, postJson } from '../http.js'
import { headline, messageFacts, type NotifyMessage } from '../message.js'
import { clip, oneLine } from '../../text.js'
import { DeliveryError, sendWithRetries } from '../retry.js'

export interface PagerDutyConfig {
  routingKey: string
  apiUrl: string
}

/** One alert per repository and environment: the trigger of a failure, resolved by a success. */
export function dedupKey(message: NotifyMessage): string {
  return clip(`flightdeck/${message.repository}/${message.environment ?? 'default'}`, 255)
}

export function pagerDutyEvent(
  message: NotifyMessage,
  routingKey: string,
): Record<string, unknown> | undefined {
  const dedup_key = dedupKey(message)
  if (message.status === 'success') {
    return { routing_key: routingKey, event_action: 'resolve', dedup_key }
  }
  if (message.status !== 'failure' && message.status !== 'rolled-back') return undefined
  const details: Record<string, string> = {}
  for (const fact of messageFacts(message)) {
    details[fact.label] =
      fact.url && fact.url !== fact.value ? `${fact.value} (${fact.url})` : fact.value
  }
  if (message.text) details.Message = message.text
  const links = [{ href: message.runUrl, text: 'Workflow run' }]
  if (message.url) links.push({ href: message.url, text: 'Environment' })
  if (message.commitUrl) links.push({ href: message.commitUrl, text: 'Commit' })
  return {
    routing_key: routingKey,
    event_action: 'trigger',
    dedup_key,
    payload: {
      summary: clip(oneLine(headline(message)), 1024),
      source: clip(
        `${message.repository}${message.environment ? `/${message.environment}` : ''}`,
        255,
      ),
      // A failed deploy is critical; one already rolled back to a healthy release is an error.
      severity: message.status === 'failure' ? 'critical' : 'error',
      timestamp: message.timestamp,
      ...(message.environment ? { component: message.environment } : {}),
      group: message.repository,
      class: 'deploy',
      custom_details: details,
    },
    links,
    client: 'flightdeck',
    client_url: message.runUrl,
  }
}

export async function sendPagerDuty(
  config: PagerDutyConfig,
  context: SendContext,
): Promise<Delivery> {
  const event = pagerDutyEvent(context.message, config.routingKey)
  if (!event) {
    return {
      detail: `nothing to page for ${context.message.status} (failure and rolled-back trigger, success resolves)`,
      skipped: true,
    }
  }
  const body = JSON.stringify(event)
  const url = `${config.apiUrl.replace(/\/+$/, '')}/v2/enqueue`
  const { attempts } = await sendWithRetries(
    context.policy,
    async (timeoutMs) => {
      const answer = expectSuccess(
        await postJson({ url, body, service: 'PagerDuty', timeoutMs }),
        'PagerDuty',
      )
      let status: unknown
      try {
        status = (JSON.parse(answer.body) as { status?: unknown }).status
      } catch {
        status = undefined
      }
      if (status !== undefined && status !== 'success') {
        throw new DeliveryError(
          `PagerDuty did not accept the event${bodyExcerpt(answer.body)}`,
          false,
        )
      }
    },
    retryLog(context),
  )
  const action = event.event_action === 'resolve' ? 'alert resolved' : 'alert triggered'
  return { detail: `${action} (dedup_key ${String(event.dedup_key)})`, attempts }
}

export const pagerDutyChannel = defineChannel({
  name: 'pagerduty',
  enabledBy: 'pagerduty-routing-key',
  credentials: { 'pagerduty-routing-key': secret() },
  options: {
    'pagerduty-api-url': withDefault(
      httpUrl('https://events.pagerduty.com'),
      'https://events.pagerduty.com',
    ),
  },
  configure: (inputs): PagerDutyConfig | undefined =>
    inputs['pagerduty-routing-key']
      ? { routingKey: inputs['pagerduty-routing-key'], apiUrl: inputs['pagerduty-api-url'] }
      : undefined,
  send: sendPagerDuty,
  limits: 'summary 1024 characters, source, dedup_key and component 255',
})
