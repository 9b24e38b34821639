// The sticky comment against the fake GitHub, which (like GitHub) lets the job token edit any
// comment in the repository: only a comment the token's own account wrote is ever updated.
import { githubClient } from '../../shared/github/client.js'
import type { RunContext } from '../../shared/github/context.js'
import { stickyMarker, upsertStickyComment, writtenBy } from '../../shared/github/sticky-comment.js'
import { sendGitHub } from '../../shared/notify/channels/github.js'
import { buildMessage } from '../../shared/notify/message.js'
import { retryPolicy } from '../../shared/notify/retry.js'
import { setSecret } from '../../shared/runner-protocol.js'
import { FakeGitHubApi } from '../fakes/github-api.js'

let api: FakeGitHubApi

beforeEach(async () => {
  api = await new FakeGitHubApi().start()
})
afterEach(async () => {
  await api.stop()
  expect(api.violations).toEqual([])
})

const context = { owner: 'acme', repo: 'shop' } as RunContext
const marker = stickyMarker('preview:shop-pr-12')
const target = { kind: 'issue', number: 12 } as const
const upsert = (body: string, options: Parameters<typeof upsertStickyComment>[5] = {}) =>
  upsertStickyComment(
    githubClient('ghs_jobtoken', { apiUrl: api.url, retries: 0 }),
    context,
    target,
    marker,
    body,
    options,
  )

describe('upsertStickyComment', () => {
  it("never takes over a person's comment that carries the marker, found or known by id", async () => {
    const [planted] = api.addComments(12, [`${marker}\nplanted: click here`], 'mallory')
    const first = await upsert('preview is live')
    expect(first.created).toBe(true)
    expect(first.author).toBe('github-actions[bot]')
    // An id from a Deployment payload that points at the person's comment is not taken either.
    const again = await upsert('preview is live again', { knownId: planted?.id })
    expect(again.id).toBe(first.id)
    const comments = api.comments.get(12) ?? []
    expect(comments).toHaveLength(2)
    expect(comments[0]).toEqual(planted)
    expect(comments[1]?.body).toBe(`${marker}\npreview is live again`)
    expect(api.calls('PATCH /repos/{owner}/{repo}/issues/comments/{comment_id}')).toHaveLength(1)
  })

  it('publishes no registered secret and no URL credential: a comment is read by everyone', async () => {
    setSecret('pl4nted-flyctl-t0ken')
    await upsert(
      'Error: flyctl said pl4nted-flyctl-t0ken at https://ci:pw@db.example/x?api_key=k3y&a=1',
    )
    const body = api.comments.get(12)?.[0]?.body ?? ''
    expect(body).toContain('Error: flyctl said *** at https://db.example/x?api_key=***&a=1')
    for (const request of api.requests) {
      expect(JSON.stringify(request.body ?? null)).not.toMatch(/pl4nted-flyctl-t0ken|k3y|ci:pw/)
    }
  })

  it("leaves another app's marked comment alone: only the token's own account counts", async () => {
    const [other] = api.addComments(12, [`${marker}\nanother app`], 'some-other-app[bot]')
    const written = await upsert('ours')
    expect(written.created).toBe(true)
    expect(api.comments.get(12)?.[0]).toEqual(other)
  })

  it('updates its own comment by a known id with the author it already knows', async () => {
    const first = await upsert('deploying')
    const viewerQueries = api.calls('POST /graphql').length
    const second = await upsert('live', { knownId: first.id, author: first.author })
    expect(second).toMatchObject({ id: first.id, created: false })
    // No second "who am I" and no reading of the conversation: read the comment, update it.
    expect(api.calls('POST /graphql')).toHaveLength(viewerQueries)
    expect(api.calls('GET /repos/{owner}/{repo}/issues/{issue_number}/comments')).toHaveLength(1)
    expect(api.comments.get(12)?.[0]?.body).toBe(`${marker}\nlive`)
  })

  it('writes as the account a personal token belongs to, and finds that one again', async () => {
    api.viewer = 'shop-ci'
    api.addComments(12, [`${marker}\nsomeone else`], 'octocat')
    const first = await upsert('one')
    const second = await upsert('two')
    expect(second.id).toBe(first.id)
    expect(api.comments.get(12)?.map((comment) => comment.user.login)).toEqual([
      'octocat',
      'shop-ci',
    ])
  })
})

describe("notify's GitHub channel", () => {
  const saved = { ...process.env }
  afterEach(() => {
    process.env = { ...saved }
  })

  it("writes its own comment next to a person's that carries its marker, then updates its own", async () => {
    Object.assign(process.env, { GITHUB_API_URL: api.url, GITHUB_REPOSITORY: 'acme/shop' })
    const notifyMarker = stickyMarker('notify:production')
    const [planted] = api.addComments(7, [`${notifyMarker}\nplanted by a person`], 'mallory')
    const send = () =>
      sendGitHub(
        { token: 'ghs_jobtoken' },
        {
          message: buildMessage({
            status: 'success',
            environment: 'production',
            fields: [],
            mentions: [],
            context: { ...context, sha: 'a'.repeat(40), runUrl: 'https://github.com/x' },
            event: { pullRequest: { number: 7, title: 'Checkout' } },
            workflow: 'deploy',
          }),
          policy: retryPolicy(20_000),
          log: () => undefined,
        },
      )
    expect((await send()).detail).toBe('commented on pull request #7')
    expect((await send()).detail).toBe('updated the comment on pull request #7')
    const comments = api.comments.get(7) ?? []
    expect(comments).toHaveLength(2)
    expect(comments[0]).toEqual(planted)
    expect(comments[1]?.user.login).toBe('github-actions[bot]')
    expect(comments[1]?.body).toMatch(/^<!-- flightdeck:notify:production -->\n### /)
  })
})

describe('writtenBy', () => {
  it.each([
    [{ login: 'github-actions[bot]', type: 'Bot' }, 'github-actions[bot]', true],
    [{ login: 'GitHub-Actions[bot]', type: 'Bot' }, 'github-actions[bot]', true],
    [{ login: 'github-actions[bot]', type: 'User' }, 'github-actions[bot]', false],
    [{ login: 'mallory', type: 'User' }, 'github-actions[bot]', false],
    [{ login: 'other[bot]', type: 'Bot' }, 'github-actions[bot]', false],
    [{ login: 'shop-ci', type: 'User' }, 'shop-ci', true],
    [null, 'github-actions[bot]', false],
  ])('%j written by %s: %s', (user, author, expected) => {
    expect(writtenBy(user, author)).toBe(expected)
  })
})
