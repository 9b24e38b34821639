// An extracted archive is checked before anything in it is made executable or run: a release
// mirror serves both the archive and its checksums.txt, so a checksum match does not make an
// archive harmless. A link out of the extract folder (`flyctl -> /usr/bin/...` or `-> ../..`)
// would have setup chmod and run a file of the machine's instead of one from the archive.
import { lstat, readdir, readlink } from 'node:fs/promises'
import { dirname, isAbsolute, join, relative, resolve } from 'node:path'

/** More entries than any CLI release archive has; a bigger tree is refused, not walked. */
const MAX_ENTRIES = 10_000

function inside(root: string, target: string): boolean {
  const rel = relative(root, target)
  return rel === '' || (!rel.startsWith('..') && !isAbsolute(rel))
}

/**
 * Refuses an extracted tree with an entry that leads out of `root` (a symbolic link whose
 * target, read relative to its folder, lies outside it) or that is not a file, folder or link
 * (a device, FIFO or socket). `archive` names the download in the error.
 */
export async function assertContained(root: string, archive: string): Promise<void> {
  const pending = [root]
  let seen = 0
  for (let dir = pending.pop(); dir !== undefined; dir = pending.pop()) {
    for (const entry of await readdir(dir, { withFileTypes: true })) {
      if (++seen > MAX_ENTRIES) {
        throw new Error(`${archive} has more than ${MAX_ENTRIES} entries; nothing was installed`)
      }
      const path = join(dir, entry.name)
      const name = relative(root, path)
      if (entry.isSymbolicLink()) {
        const target = await readlink(path)
        if (!inside(root, resolve(dirname(path), target))) {
          throw new Error(
            `${archive} has ${name} linking to ${JSON.stringify(target)}, outside the archive; nothing was installed`,
          )
        }
      } else if (entry.isDirectory()) {
        pending.push(path)
      } else if (!entry.isFile()) {
        throw new Error(
          `${archive} has ${name}, which is neither a file, a folder nor a link; nothing was installed`,
        )
      }
    }
  }
}

/** Refuses an executable that is not a regular file of the archive (a link, even inside it). */
export async function assertRegularFile(
  path: string,
  name: string,
  archive: string,
): Promise<void> {
  let stats
  try {
    stats = await lstat(path)
  } catch {
    throw new Error(`${archive} has no ${name} at its top level`)
  }
  if (!stats.isFile()) {
    throw new Error(
      `${archive} has ${name} as ${stats.isSymbolicLink() ? 'a symbolic link' : 'something other than a file'}, not the program itself; nothing was installed`,
    )
  }
}
