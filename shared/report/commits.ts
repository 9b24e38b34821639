// Which commits a deployment shipped: those reachable from its commit and not from the commit
// of the previous successful deployment, walked over the commit graph read from GitHub.

export interface CommitRecord {
  oid: string
  /** epoch ms */
  committedAt: number
  parents: string[]
}

export type CommitGraph = ReadonlyMap<string, CommitRecord>

/** Every commit reachable from `oid` within the graph read (itself included). */
export function ancestors(graph: CommitGraph, oid: string): Set<string> {
  const seen = new Set<string>()
  const pending = [oid]
  while (pending.length > 0) {
    const next = pending.pop() as string
    if (seen.has(next)) continue
    const commit = graph.get(next)
    if (!commit) continue
    seen.add(next)
    pending.push(...commit.parents)
  }
  return seen
}

/**
 * The commits a deployment of `head` shipped after a deployment of `base`: reachable from
 * head and not from base. With no base, only head itself. Commits outside the graph read are
 * not counted (a history that GitHub no longer has, e.g. after a force push).
 */
export function shippedCommits(
  graph: CommitGraph,
  head: string,
  base: string | undefined,
): CommitRecord[] {
  const own = graph.get(head)
  if (base === undefined) return own ? [own] : []
  const before = ancestors(graph, base)
  return [...ancestors(graph, head)]
    .filter((oid) => !before.has(oid))
    .map((oid) => graph.get(oid) as CommitRecord)
}
