import { code, markdownTable } from '../../../shared/summary.js'
import { plural } from '../../../shared/text.js'
import type { InstalledTool } from './installers/types.js'

export interface SetupOutputs {
  versions: string
  paths: string
  'cache-hit': boolean
}

export function setupOutputs(installed: InstalledTool[], cache: boolean): SetupOutputs {
  return {
    versions: JSON.stringify(Object.fromEntries(installed.map((t) => [t.tool, t.version]))),
    paths: JSON.stringify(Object.fromEntries(installed.map((t) => [t.tool, t.binDir]))),
    'cache-hit': cache && installed.length > 0 && installed.every((t) => t.source === 'cache'),
  }
}

export function summaryMarkdown(installed: InstalledTool[], tokenLine?: string): string {
  const fromCache = installed.filter((t) => t.source === 'cache').length
  const lines = [
    `### 🧰 Setup: ${plural(installed.length, 'CLI')} ready (${fromCache} from the tool cache)`,
    '',
    markdownTable(
      ['tool', 'version', 'source', 'path'],
      installed.map((t) => [t.tool, code(t.version), t.source, code(t.binDir)]),
    ),
  ]
  if (tokenLine) lines.push('', tokenLine)
  return lines.join('\n')
}
