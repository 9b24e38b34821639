// The event file is read in one place for every action: preview-app's pull request and
// notify's facts come from the same reader.
import { mkdtempSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import {
  readEventFacts,
  readEventPayload,
  readPullRequestEvent,
} from '../../shared/github/event.js'

const dir = mkdtempSync(join(tmpdir(), 'event-file-'))
function eventFile(name: string, text: string): string {
  const path = join(dir, name)
  writeFileSync(path, text)
  return path
}

const pullRequest = {
  action: 'synchronize',
  pull_request: {
    number: 7,
    title: 'Add `checkout`',
    state: 'open',
    merged: false,
    html_url: 'https://github.com/acme/shop/pull/7',
    head: { ref: 'feat/x', sha: 'a'.repeat(40), repo: { full_name: 'fork/shop' } },
    base: { sha: 'b'.repeat(40), repo: { full_name: 'acme/shop' } },
  },
}

describe('the event file', () => {
  it('gives preview-app and notify the same pull request', () => {
    const path = eventFile('pr.json', JSON.stringify(pullRequest))
    const pr = readPullRequestEvent({ GITHUB_EVENT_PATH: path })
    expect(pr).toEqual({
      number: 7,
      branch: 'feat/x',
      headSha: 'a'.repeat(40),
      baseSha: 'b'.repeat(40),
      title: 'Add `checkout`',
      closed: false,
      merged: false,
      fork: true,
    })
    expect(readEventFacts(path).pullRequest).toEqual({
      number: 7,
      title: 'Add `checkout`',
      url: 'https://github.com/acme/shop/pull/7',
      headSha: pr?.headSha,
      branch: pr?.branch,
    })
  })

  it('falls back to the run for what a payload leaves out', () => {
    const path = eventFile(
      'bare.json',
      JSON.stringify({ pull_request: { number: 3, head: { repo: null }, base: {} } }),
    )
    expect(
      readPullRequestEvent({
        GITHUB_EVENT_PATH: path,
        GITHUB_SHA: 'c'.repeat(40),
        GITHUB_REPOSITORY: 'acme/shop',
      }),
    ).toMatchObject({ number: 3, headSha: 'c'.repeat(40), fork: true })
  })

  it.each([
    ['missing', join(dir, 'nope.json')],
    ['not JSON', 'bad.json'],
    ['null', 'null.json'],
    ['an array', 'array.json'],
  ])('gives nothing for a file that is %s', (_, name) => {
    const path = name.startsWith('/')
      ? name
      : eventFile(
          name,
          name === 'bad.json' ? '{' : name === 'null.json' ? 'null' : '[{"pull_request":{}}]',
        )
    expect(readEventPayload(path)).toBeUndefined()
    expect(readPullRequestEvent({ GITHUB_EVENT_PATH: path })).toBeUndefined()
    expect(readEventFacts(path)).toEqual({})
  })
})
