import type { Release } from './types.js'

export interface RollbackPlan {
  from: Release
  to: Release
  /** True when the target already serves traffic: nothing to change. */
  alreadyCurrent: boolean
}

function label(release: Release): string {
  return release.version ? `${release.version} (${release.id})` : release.id
}

/** The release serving now: the one the platform marks, else the newest that succeeded. */
export function currentRelease(releases: Release[]): Release | undefined {
  return (
    releases.find((release) => release.current) ?? releases.find((r) => r.status === 'succeeded')
  )
}

function matches(release: Release, wanted: string): boolean {
  const bare = wanted.replace(/^v/i, '')
  return (
    release.id === wanted ||
    release.version === wanted ||
    release.version?.replace(/^v/i, '') === bare ||
    (release.image !== undefined && release.image === wanted)
  )
}

/**
 * Chooses what to roll back to. `previous` is the newest successful release older than the
 * current one that runs something else (a release that only changed secrets runs the same
 * image, and going back to it changes nothing). Anything else names a release by id, version
 * or image. Never a failed or unfinished release.
 */
export function planRollback(releases: Release[], to: string, app: string): RollbackPlan {
  if (releases.length === 0) {
    throw new Error(`no releases found for \`${app}\`: there is nothing to roll back to`)
  }
  const from = currentRelease(releases)
  if (!from) {
    throw new Error(
      `no release of \`${app}\` is live (none succeeded), so there is no good release to return to`,
    )
  }
  const currentIndex = releases.indexOf(from)

  if (to === 'previous') {
    const target = releases
      .slice(currentIndex + 1)
      .find(
        (release) =>
          release.status === 'succeeded' &&
          !(
            release.image !== undefined &&
            from.image !== undefined &&
            release.image === from.image
          ),
      )
    if (!target) {
      throw new Error(
        `\`${app}\` has no successful release older than the current ${label(from)} that runs a different build; set \`to\` to a release id to choose one`,
      )
    }
    return { from, to: target, alreadyCurrent: false }
  }

  const target = releases.find((release) => matches(release, to))
  if (!target) {
    const known = releases
      .slice(0, 5)
      .map((release) => `${label(release)} ${release.status}`)
      .join(', ')
    throw new Error(`no release of \`${app}\` matches \`to: ${to}\`; the newest are: ${known}`)
  }
  if (target.status === 'failed' || target.status === 'in-progress') {
    throw new Error(
      `release ${label(target)} of \`${app}\` is ${target.status === 'failed' ? 'a failed release' : 'still in progress'} (${target.rawStatus}); flightdeck only rolls back to a release that succeeded`,
    )
  }
  if (target.status !== 'succeeded') {
    throw new Error(
      `release ${label(target)} of \`${app}\` has status "${target.rawStatus}", which is not known to have succeeded; choose a release that did`,
    )
  }
  return { from, to: target, alreadyCurrent: target === from }
}

export { label as releaseLabel }
