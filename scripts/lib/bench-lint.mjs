// Benchmark (d) of `npm run bench`: `flightdeck lint` over a few hundred workflow files, the
// size of a large monorepo's .github/workflows or of an organisation-wide sweep. The corpus is
// real workflows, copied round-robin: seed 000's (the defects lint finds), workflows-examples/
// (clean) and this repository's own reusable workflows (long: up to 500 lines).
// Run alone: `node scripts/lib/bench-lint.mjs` prints the Markdown section.
import { spawnSync } from 'node:child_process'
import { copyFileSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { lintFiles, workflowFiles } from '../../bin/lint/command.mjs'
import { repoRoot } from '../../__tests__/support/bundle-runner.mjs'
import { median } from './bench-stats.mjs'

const FILES = Number(process.env.BENCH_LINT_FILES ?? 300)
const RUNS = Number(process.env.BENCH_LINT_RUNS ?? 7)

/** @returns {Promise<{ markdown: string, summary: string }>} */
export async function benchLint() {
  const sources = [
    join(repoRoot, '__tests__/fixtures/seeds/workflows'),
    join(repoRoot, 'workflows-examples'),
    join(repoRoot, '.github/workflows'),
  ].flatMap((dir) =>
    readdirSync(dir)
      .filter((name) => /\.ya?ml$/.test(name))
      .map((name) => join(dir, name)),
  )
  const dir = mkdtempSync(join(tmpdir(), 'flightdeck-bench-lint-'))
  try {
    let lines = 0
    let bytes = 0
    for (let i = 0; i < FILES; i++) {
      const source = /** @type {string} */ (sources[i % sources.length])
      copyFileSync(source, join(dir, `w${String(i).padStart(4, '0')}.yml`))
      const text = readFileSync(source, 'utf8')
      lines += text.split('\n').length
      bytes += Buffer.byteLength(text)
    }
    // In process: reading, parsing with line ranges and the rules, the command's own work.
    const inProcess = []
    const inProcessCpu = []
    let findings = 0
    for (let run = 0; run < RUNS; run++) {
      const started = performance.now()
      const cpuStarted = process.cpuUsage()
      findings = lintFiles(workflowFiles([dir], dir), dir).length
      const cpu = process.cpuUsage(cpuStarted)
      inProcessCpu.push((cpu.user + cpu.system) / 1000)
      inProcess.push(performance.now() - started)
    }
    // The CLI as a user runs it: node's start, loading yaml, all files, JSON out.
    const cli = []
    for (let run = 0; run < RUNS; run++) {
      const started = performance.now()
      const result = spawnSync(
        process.execPath,
        [join(repoRoot, 'bin/flightdeck.mjs'), 'lint', dir, '--format', 'json'],
        { encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 },
      )
      cli.push(performance.now() - started)
      if (result.status !== 1) throw new Error(`lint exited ${result.status}: ${result.stderr}`)
    }
    const inMs = median(inProcess)
    const cpuMs = median(inProcessCpu)
    const cliMs = median(cli)
    const markdown = `## (d) \`flightdeck lint\` on a large repository

${FILES} workflow files (${lines.toLocaleString('en')} lines, ${(bytes / 1024).toFixed(0)} KiB), copied
round-robin from seed 000's workflows, \`workflows-examples/\` and this repository's reusable
workflows; ${findings} findings. Median of ${RUNS} runs.

| what | wall time | per file | CPU time |
| --- | --- | --- | --- |
| in process (read, parse with line ranges, rules) | ${inMs.toFixed(0)} ms | ${((inMs / FILES) * 1000).toFixed(0)} µs | ${cpuMs.toFixed(0)} ms |
| \`flightdeck lint <dir> --format json\` (node start included) | ${cliMs.toFixed(0)} ms | ${((cliMs / FILES) * 1000).toFixed(0)} µs | — |

CPU time next to wall time shows how much of the wall time was waiting for a shared CPU.

What dominates: parsing YAML into a document with source ranges (the \`yaml\` library), which
the line numbers need: measured apart, about 1.7 ms of CPU per file of this corpus for the parse
alone, and the same with the rules added; the rules are a few regular expressions per command. Files are read and
checked one after another, so memory stays at one document at a time.
`
    return {
      markdown,
      summary: `lint: ${FILES} files in ${inMs.toFixed(0)} ms in process, ${cliMs.toFixed(0)} ms from the CLI`,
    }
  } finally {
    rmSync(dir, { recursive: true, force: true })
  }
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const { markdown } = await benchLint()
  process.stdout.write(markdown)
}
