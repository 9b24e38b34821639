// Input parsers that channels share in their declarations: a webhook URL (a credential in all
// its parts), a Slack-style channel, e-mail addresses.
import { optional, parser, quote, splitList, type InputSchema } from '../inputs.js'
import { maskWebhookUrl } from '../secrets.js'

/** A webhook URL, masked (whole and in its parts) before it is read; errors never quote it. */
export const webhookUrl = (example: string): InputSchema<string | undefined> =>
  optional(
    parser((value) => {
      maskWebhookUrl(value)
      let url: URL
      try {
        url = new URL(value)
      } catch {
        throw new Error(`is not a URL (the value is masked; example: ${example})`)
      }
      if (url.protocol !== 'http:' && url.protocol !== 'https:') {
        throw new Error(`is not an http(s) URL (the value is masked; example: ${example})`)
      }
      return value
    }),
  )

const ADDRESS = /^(?:[^<>\r\n]*<)?[^\s@<>,;]+@[^\s@<>,;]+>?$/

export const address = (example: string): InputSchema<string> =>
  parser((value) => {
    if (!ADDRESS.test(value)) {
      throw new Error(`${quote(value)} is not an e-mail address (example: ${example})`)
    }
    return value
  })

export const addresses = (): InputSchema<string[]> =>
  parser((value) =>
    splitList(value).map((item) => {
      if (!ADDRESS.test(item)) {
        throw new Error(
          `${quote(item)} is not an e-mail address (example: oncall@example.com, team@example.com)`,
        )
      }
      return item
    }),
  )
