// Commits for the fake GitHub GraphQL API: `repository.object(oid:)` as a Commit with its
// `parents` and its `history`, which GitHub documents as "the linear commit history starting
// from (and including) this commit, in the same order as `git log`": every ancestor, newest
// committed date first, filtered by `since`/`until`.

/** A commit as the fake keeps it. */
export interface FakeCommit {
  oid: string
  /** ISO 8601 */
  committedDate: string
  /** Parent oids, first parent first. */
  parents: string[]
  message?: string
}

type PageArgs = { first?: number | null; last?: number | null; after?: string | null }
type Connection = <T>(items: T[], args: PageArgs) => unknown

/** `git log <oid>`: every ancestor reachable in the fake, newest committed date first. */
export function gitLog(commits: ReadonlyMap<string, FakeCommit>, oid: string): FakeCommit[] {
  const seen = new Set<string>()
  const found: FakeCommit[] = []
  const pending = [oid]
  while (pending.length > 0) {
    const next = pending.pop() as string
    const commit = commits.get(next)
    if (!commit || seen.has(next)) continue
    seen.add(next)
    found.push(commit)
    pending.push(...commit.parents)
  }
  // git log's default order: by committer date, newest first (ties: oid, to stay stable).
  return found.sort(
    (a, b) =>
      Date.parse(b.committedDate) - Date.parse(a.committedDate) || a.oid.localeCompare(b.oid),
  )
}

/** The GraphQL Commit object of `oid`, or null as GitHub answers for an unknown one. */
export function commitObject(
  commits: ReadonlyMap<string, FakeCommit>,
  oid: string,
  connection: Connection,
): unknown {
  const commit = commits.get(oid)
  if (!commit) return null
  const node = (entry: FakeCommit): Record<string, unknown> => ({
    __typename: 'Commit',
    id: `C_${entry.oid}`,
    oid: entry.oid,
    abbreviatedOid: entry.oid.slice(0, 7),
    committedDate: entry.committedDate,
    message: entry.message ?? `commit ${entry.oid.slice(0, 7)}`,
    messageHeadline: (entry.message ?? `commit ${entry.oid.slice(0, 7)}`).split('\n')[0],
    parents: (args: PageArgs) =>
      connection(
        entry.parents.flatMap((parent) => {
          const found = commits.get(parent)
          return found ? [node(found)] : []
        }),
        args,
      ),
    history: (args: PageArgs & { since?: string | null; until?: string | null }) => {
      const since = args.since ? Date.parse(args.since) : -Infinity
      const until = args.until ? Date.parse(args.until) : Infinity
      const log = gitLog(commits, entry.oid).filter((c) => {
        const at = Date.parse(c.committedDate)
        return at >= since && at <= until
      })
      return connection(log.map(node), args)
    },
  })
  return node(commit)
}
