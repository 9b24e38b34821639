import { createHash } from 'node:crypto'
import { createReadStream } from 'node:fs'

/**
 * The sha256 of `asset` in a goreleaser `checksums.txt` (`<hex>  <file>` per line), or
 * undefined when the file does not list it.
 */
export function checksumFor(checksums: string, asset: string): string | undefined {
  for (const line of checksums.split(/\r?\n/)) {
    const match = /^([0-9a-fA-F]{64})\s+\*?(\S+)\s*$/.exec(line.trim())
    if (match && match[2] === asset) return match[1]?.toLowerCase()
  }
  return undefined
}

export async function sha256File(path: string): Promise<string> {
  const hash = createHash('sha256')
  for await (const chunk of createReadStream(path)) hash.update(chunk as Buffer)
  return hash.digest('hex')
}
