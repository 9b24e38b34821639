// What each platform and notification channel needs from the repository: the secret its own
// tools read, the repository variables for what its config does not say (a Railway service id,
// a URL), and the origin of the app's URLs.
import { slug, vars } from './yaml-text.mjs'

/** Each platform's secret, as its own CLI reads it, and how to get one. */
export const TOKENS = {
  fly: { name: 'FLY_API_TOKEN', how: (t) => `fly tokens create deploy -a ${t.app}` },
  cloudflare: {
    name: 'CLOUDFLARE_API_TOKEN',
    how: () => 'dash.cloudflare.com/profile/api-tokens, "Edit Cloudflare Workers"',
  },
  vercel: { name: 'VERCEL_TOKEN', how: () => 'vercel.com/account/tokens' },
  railway: { name: 'RAILWAY_TOKEN', how: () => 'a project token: project settings → Tokens' },
  render: {
    name: 'RENDER_API_KEY',
    how: () => 'dashboard.render.com → Account settings → API keys',
  },
}

/** Fly previews create an app per pull request, which a deploy token cannot do. */
export const FLY_PREVIEW_TOKEN = {
  name: 'FLY_ORG_TOKEN',
  how: (org) => `fly tokens create org ${org}`,
}

/** Platforms preview-app serves (railway and render have no previews there). */
export const PREVIEW_PLATFORMS = new Set(['fly', 'cloudflare', 'vercel'])

/** Notification channels: deploy.yml's and monitor.yml's secrets and inputs for each. */
export const CHANNELS = {
  none: { secrets: {}, inputs: {} },
  slack: { secrets: { 'slack-webhook-url': 'SLACK_WEBHOOK_URL' }, inputs: {} },
  teams: { secrets: { 'teams-webhook-url': 'TEAMS_WEBHOOK_URL' }, inputs: {} },
  discord: { secrets: { 'discord-webhook-url': 'DISCORD_WEBHOOK_URL' }, inputs: {} },
  email: {
    secrets: { 'smtp-username': 'SMTP_USERNAME', 'smtp-password': 'SMTP_PASSWORD' },
    inputs: { 'smtp-host': 'SMTP_HOST', 'email-from': 'EMAIL_FROM', 'email-to': 'EMAIL_TO' },
  },
}

/** What each secret and variable holds, for the set-up lines. */
export const DESCRIPTIONS = {
  SLACK_WEBHOOK_URL: 'a Slack incoming webhook URL',
  TEAMS_WEBHOOK_URL: 'a Teams incoming webhook or Workflows URL',
  DISCORD_WEBHOOK_URL: 'a Discord webhook URL',
  SMTP_USERNAME: 'the SMTP user',
  SMTP_PASSWORD: 'the SMTP password',
  SMTP_HOST: 'smtp.example.com',
  EMAIL_FROM: 'deploys@example.com',
  EMAIL_TO: 'team@example.com',
  CLOUDFLARE_ACCOUNT_ID: 'your Cloudflare account id',
}

/**
 * The names of the repository variables a target reads; a suffix tells apart several targets of
 * one platform (RAILWAY_SERVICE_ID_API, RAILWAY_SERVICE_ID_WORKER).
 * @param {import('./detect.mjs').Target} target @param {import('./detect.mjs').Target[]} all
 */
export function variablesOf(target, all) {
  const several = all.filter((other) => other.platform === target.platform).length > 1
  const suffix = several ? `_${slug(target.label).toUpperCase().replace(/-/g, '_')}` : ''
  const upper = target.platform.toUpperCase()
  return {
    app: target.app ? undefined : `${upper}_SERVICE_ID${suffix}`,
    environment: target.platform === 'railway' ? `RAILWAY_ENVIRONMENT_ID${suffix}` : undefined,
    account:
      target.platform === 'cloudflare' && !target.accountId ? 'CLOUDFLARE_ACCOUNT_ID' : undefined,
    url: target.origin ? undefined : `${upper}_PRODUCTION_URL${suffix}`,
  }
}

/**
 * The origin a target's URLs start with: the one its config names, else a variable.
 * @param {import('./detect.mjs').Target} target @param {import('./detect.mjs').Target[]} all
 */
export function originOf(target, all) {
  return target.origin ?? vars(/** @type {string} */ (variablesOf(target, all).url))
}
