// The statuses a notification can carry and how every channel shows them: one label, one emoji
// and one colour per status, so Slack, Teams, Discord, e-mail and GitHub all agree.

export const STATUSES = [
  'success',
  'failure',
  'cancelled',
  'skipped',
  'started',
  'rolled-back',
] as const
export type NotifyStatus = (typeof STATUSES)[number]

/** Statuses that call for people: mentions go out, PagerDuty triggers. */
export const ALARMING: ReadonlySet<NotifyStatus> = new Set(['failure', 'rolled-back'])

export interface StatusStyle {
  /** `Succeeded`, `Failed`, ... */
  label: string
  /** What follows the subject in a headline: `succeeded`, `failed`, `was cancelled`. */
  verb: string
  emoji: string
  /** `#RRGGBB`. */
  color: string
  /** Adaptive Card colour name. */
  adaptiveColor: 'Good' | 'Attention' | 'Warning' | 'Accent' | 'Default'
}

export const STATUS_STYLES: Record<NotifyStatus, StatusStyle> = {
  success: {
    label: 'Succeeded',
    verb: 'succeeded',
    emoji: '✅',
    color: '#2EB67D',
    adaptiveColor: 'Good',
  },
  failure: {
    label: 'Failed',
    verb: 'failed',
    emoji: '❌',
    color: '#E01E5A',
    adaptiveColor: 'Attention',
  },
  cancelled: {
    label: 'Cancelled',
    verb: 'was cancelled',
    emoji: '🚫',
    color: '#868E96',
    adaptiveColor: 'Default',
  },
  skipped: {
    label: 'Skipped',
    verb: 'was skipped',
    emoji: '⏭️',
    color: '#ADB5BD',
    adaptiveColor: 'Default',
  },
  started: {
    label: 'Started',
    verb: 'started',
    emoji: '🚀',
    color: '#1D9BD1',
    adaptiveColor: 'Accent',
  },
  'rolled-back': {
    label: 'Rolled back',
    verb: 'was rolled back',
    emoji: '↩️',
    color: '#ECB22E',
    adaptiveColor: 'Warning',
  },
}

/** `#RRGGBB` as the integer Discord wants. */
export function colorNumber(hex: string): number {
  return Number.parseInt(hex.replace(/^#/, ''), 16)
}
