import type { ToolName } from '../tools.js'
import type { ReleasesApi } from './releases-api.js'

/** Time limits of the slow steps; tests shorten them. */
export interface Timeouts {
  api: number
  /** One archive, from the first byte asked to the last received. */
  download: number
  /** checksums.txt, a small text file. */
  checksums: number
  /** The most time a download (archive or checksums) may go without receiving a byte. */
  downloadStall: number
  npmView: number
  npmInstall: number
  tokenCheck: number
}

export const DEFAULT_TIMEOUTS: Timeouts = {
  api: 30_000,
  download: 300_000,
  checksums: 30_000,
  downloadStall: 30_000,
  npmView: 120_000,
  npmInstall: 600_000,
  tokenCheck: 120_000,
}

export interface InstallContext {
  /** Base of flyctl downloads: `<base>/v<version>/<asset>`. */
  downloadBaseUrl: string
  /** Where flyctl's latest release is looked up, and with which token (see releases-api.ts). */
  releasesApi: ReleasesApi
  timeouts: Timeouts
  log: (line: string) => void
}

/** Where a tool came from this run. */
export type ToolSource = 'cache' | 'download' | 'npm'

export interface InstalledTool {
  tool: ToolName
  version: string
  /** The directory that goes on PATH. */
  binDir: string
  /** The tool's executable inside binDir, for the token check. */
  executable: string
  source: ToolSource
}

/** Installs one CLI: one class per way of getting it, chosen by installerFor(). */
export interface Installer {
  readonly tool: ToolName
  /** Turns a spec (`latest`, a range, an exact version) into an exact version. */
  resolve(spec: string): Promise<string>
  /** The executable inside a directory from the tool cache or a fresh install. */
  locate(toolDir: string): { binDir: string; executable: string }
  /** Downloads and verifies `version`, puts it in the tool cache, returns the cached dir. */
  install(version: string): Promise<string>
  /** How a fresh install is labelled in the summary. */
  readonly freshSource: ToolSource
}
