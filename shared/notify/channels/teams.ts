// Microsoft Teams: the message as an Adaptive Card posted to an incoming webhook or a Workflows
// ("Post to a channel when a webhook request is received") URL, both of which take
// `{type: "message", attachments: [{contentType: "application/vnd.microsoft.card.adaptive",
// content: <card>}]}`.
//
// TextBlock and Fact values read Markdown in Teams; RichTextBlock's TextRun does not ("Text to
// display. Markdown is not supported", Adaptive Cards schema): every text that is not ours is a
// TextRun, so a commit message cannot add links, emphasis or lists.
import { defineChannel, retryLog, type Delivery, type SendContext } from '../channel.js'
import { webhookUrl } from '../channel-inputs.js'
import { bodyExcerpt, expectSuccess, postJson } from '../http.js'
import { fitItems, moreFactsNote } from '../fit.js'
import { messageFacts, type Fact, type NotifyMessage } from '../message.js'
import { clip } from '../../text.js'
import { DeliveryError, sendWithRetries } from '../retry.js'

/** A value past this many characters is cut: one long value must not crowd out the others. */
const VALUE_MAX = 2000

/**
 * Teams refuses a message over 28 KB ("Message size limits", Teams incoming webhooks), counted on
 * the JSON as posted; 1 KB stays free for what the connector adds around it.
 */
export const TEAMS_MESSAGE_MAX_BYTES = 27 * 1024

const CONTAINER_STYLE: Record<string, string> = {
  Good: 'good',
  Attention: 'attention',
  Warning: 'warning',
  Accent: 'accent',
  Default: 'emphasis',
}

/** A TextRun's text: renderers expand `{{DATE(…)}}`/`{{TIME(…)}}`; a zero-width space stops it. */
function inert(text: string): string {
  return text.replace(/\{\{/g, '{\u200b{')
}

function run(text: string, style: Record<string, unknown> = {}): Record<string, unknown> {
  return { type: 'TextRun', text: inert(text), ...style }
}

function richText(inlines: Record<string, unknown>[], extra: Record<string, unknown> = {}) {
  return { type: 'RichTextBlock', inlines, ...extra }
}

function jsonBytes(value: unknown): number {
  return Buffer.byteLength(JSON.stringify(value), 'utf8')
}

/** One fact as a row: the label in bold on the left, the value (a link when it has one). */
function factRow(fact: Fact): Record<string, unknown> {
  return {
    type: 'ColumnSet',
    spacing: 'Small',
    columns: [
      {
        type: 'Column',
        width: '130px',
        items: [richText([run(clip(fact.label, 200), { weight: 'Bolder' })])],
      },
      {
        type: 'Column',
        width: 'stretch',
        items: [
          richText([
            run(clip(fact.value, VALUE_MAX), {
              ...(fact.code ? { fontType: 'Monospace' } : {}),
              ...(fact.url ? { selectAction: { type: 'Action.OpenUrl', url: fact.url } } : {}),
            }),
          ]),
        ],
      },
    ],
  }
}

function moreFactsRow(omitted: number): Record<string, unknown> {
  return richText([run(moreFactsNote(omitted), { italic: true, isSubtle: true })], {
    spacing: 'Small',
  })
}

/** The card around the given fact rows. */
function card(message: NotifyMessage, rows: unknown[]): Record<string, unknown> {
  const body: unknown[] = [
    {
      type: 'Container',
      style: CONTAINER_STYLE[message.style.adaptiveColor] ?? 'emphasis',
      bleed: true,
      items: [
        richText([
          run(`${message.style.emoji} ${message.title}`, {
            weight: 'Bolder',
            size: 'Large',
            color: message.style.adaptiveColor,
          }),
        ]),
      ],
    },
  ]
  if (message.text) {
    body.push(richText([run(clip(message.text, VALUE_MAX))], { spacing: 'Medium' }))
  }
  body.push(...rows)
  const actions: unknown[] = [
    { type: 'Action.OpenUrl', title: 'Workflow run', url: message.runUrl },
  ]
  if (message.url) actions.push({ type: 'Action.OpenUrl', title: 'Open', url: message.url })
  if (message.pullRequest) {
    actions.push({ type: 'Action.OpenUrl', title: 'Pull request', url: message.pullRequest.url })
  } else if (message.commitUrl) {
    actions.push({ type: 'Action.OpenUrl', title: 'Commit', url: message.commitUrl })
  }
  return {
    $schema: 'http://adaptivecards.io/schemas/adaptive-card.json',
    type: 'AdaptiveCard',
    version: '1.4',
    msteams: { width: 'Full' },
    fallbackText: inert(clip(`${message.style.emoji} ${message.title}`, 200)),
    body,
    actions,
  }
}

function wrap(content: Record<string, unknown>): Record<string, unknown> {
  return {
    type: 'message',
    attachments: [
      { contentType: 'application/vnd.microsoft.card.adaptive', contentUrl: null, content },
    ],
  }
}

/**
 * The message as Teams takes it: the Adaptive Card (schema 1.4, what Teams renders) in a
 * `message`. Facts are kept in order while the whole stays under Teams' size limit; the rest are
 * named in one line ("12 more facts not shown"), as in Discord.
 */
export function teamsPayload(message: NotifyMessage): Record<string, unknown> {
  const rows = messageFacts(message)
    .filter((fact) => fact.label !== 'Run')
    .map(factRow)
  // Each row costs its JSON and the comma before it.
  const budget = TEAMS_MESSAGE_MAX_BYTES - jsonBytes(wrap(card(message, [])))
  const { kept, omitted } = fitItems(rows, {
    budget,
    size: (row) => jsonBytes(row) + 1,
    noteSize: (count) => jsonBytes(moreFactsRow(count)) + 1,
  })
  return wrap(card(message, omitted > 0 ? [...kept, moreFactsRow(omitted)] : kept))
}

/**
 * Classic incoming webhooks answer 200 even when Teams refused the card, with the real status in
 * the text ("Microsoft Teams endpoint returned HTTP error 429 ..."): read it.
 */
function wrappedStatus(body: string): number | undefined {
  const match = /returned HTTP error (\d{3})/.exec(body)
  return match ? Number(match[1]) : undefined
}

export async function sendTeams(
  config: { webhookUrl: string },
  context: SendContext,
): Promise<Delivery> {
  const body = JSON.stringify(teamsPayload(context.message))
  const { attempts } = await sendWithRetries(
    context.policy,
    async (timeoutMs) => {
      const answer = expectSuccess(
        await postJson({ url: config.webhookUrl, body, service: 'Teams webhook', timeoutMs }),
        'Teams webhook',
      )
      const status = wrappedStatus(answer.body)
      if (status !== undefined) {
        throw new DeliveryError(
          `Teams webhook refused the card (HTTP ${status})${bodyExcerpt(answer.body)}`,
          status === 429 || status >= 500,
        )
      }
    },
    retryLog(context),
  )
  return { detail: 'card posted', attempts }
}

export const teamsChannel = defineChannel({
  name: 'teams',
  enabledBy: 'teams-webhook-url',
  credentials: {
    'teams-webhook-url': webhookUrl('https://example.webhook.office.com/webhookb2/...'),
  },
  options: {},
  configure: (inputs) =>
    inputs['teams-webhook-url'] ? { webhookUrl: inputs['teams-webhook-url'] } : undefined,
  send: sendTeams,
  limits: `${TEAMS_MESSAGE_MAX_BYTES / 1024} KB a message as posted (Teams takes 28 KB), ${VALUE_MAX} characters a value; facts past it are named in one line`,
})
