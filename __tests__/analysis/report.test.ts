// The `analysis` output and the job summary, the summary rendered by cmark-gfm (GitHub's
// Markdown engine) and its chart parsed by Mermaid's own xychart grammar.
import { readdirSync } from 'node:fs'
import { createRequire } from 'node:module'
import { dirname, join } from 'node:path'
import { pathToFileURL } from 'node:url'
import cmark from 'cmark-gfm'
import { parseStatusSet } from '../../shared/http/status.js'
import { parseCondition } from '../../shared/analysis/inputs.js'
import {
  analysisMarkdown,
  analysisOff,
  analysisResult,
  p95Chart,
  type RunWindow,
} from '../../shared/analysis/report.js'
import type { AnalysisSettings, Measurement, WindowReport } from '../../shared/analysis/types.js'

const settings: AnalysisSettings = {
  urls: ['https://app.example.com/health'],
  headers: {},
  statuses: parseStatusSet('200-299'),
  durationMs: 60_000,
  intervalMs: 10_000,
  limits: {
    maxErrorRate: 5,
    maxLatencyP95Ms: 800,
    maxLatencyRegression: 2,
    prometheus: {
      url: 'https://prom.example.com',
      query: 'x',
      condition: parseCondition('< 0.05'),
      headers: {},
    },
  },
  failureLimit: 3,
  inconclusiveLimit: 3,
  onInconclusive: 'rollback',
}

const baseline = { p50: 120.4, p95: 310.2, samples: 30 }

function measurements(p95s: number[]): Measurement[] {
  return p95s.map((p95, index) => ({
    atMs: index * 10_000,
    samples: index + 1,
    p95,
    outcome: 'ok',
  }))
}

function windowReport(overrides: Partial<WindowReport> = {}): WindowReport {
  return {
    verdict: 'pass',
    reason: 'all limits held',
    samples: 60,
    errorRate: 0,
    p50: 40,
    p95: 90,
    metrics: [0.01, 0.02],
    measurements: measurements([80, 85, 90, 90, 88, 90]),
    failures: 0,
    inconclusives: 0,
    durationMs: 60_000,
    endedEarly: false,
    ...overrides,
  }
}

describe('analysisResult', () => {
  it('is off when analysis-duration is 0', () => {
    expect(analysisOff()).toEqual({
      verdict: 'off',
      reason: 'analysis-duration is 0',
      samples: 0,
      metrics: [],
    })
  })

  it('takes one window as it is', () => {
    expect(
      analysisResult(
        [{ report: windowReport({ errorRate: 1 / 3, p50: 40.4, p95: 90.6 }) }],
        baseline,
      ),
    ).toEqual({
      verdict: 'pass',
      reason: 'all limits held',
      samples: 60,
      errorRate: 0.33,
      p50: 40,
      p95: 91,
      baseline: { p50: 120, p95: 310 },
      metrics: [0.01, 0.02],
    })
  })

  it('adds steps up, the last step decides, and names it in the reason', () => {
    const windows: RunWindow[] = [
      { percent: 10, report: windowReport({ samples: 100, errorRate: 0, metrics: [0.01] }) },
      {
        percent: 50,
        rolledBack: true,
        report: windowReport({
          verdict: 'fail',
          reason: 'error rate 33% over 5%',
          samples: 50,
          errorRate: 30,
          p95: 120,
          metrics: [0.2],
          endedEarly: true,
        }),
      },
    ]
    expect(analysisResult(windows)).toEqual({
      verdict: 'fail',
      reason: 'at 50%: error rate 33% over 5%',
      samples: 150,
      errorRate: 10,
      p50: 40,
      p95: 120,
      metrics: [0.01, 0.2],
      steps: [
        { percent: 10, verdict: 'pass', samples: 100, errorRate: 0, p95: 90 },
        { percent: 50, verdict: 'fail', samples: 50, errorRate: 30, p95: 120, rolledBack: true },
      ],
    })
  })

  it('keeps the reason within a Deployment description with `Rolled back to v41: ` in front', () => {
    const report = windowReport({
      verdict: 'inconclusive',
      reason: `4 measurements could not be made: Prometheus at https://prom.example.com did not answer within 10s`,
    })
    const { reason } = analysisResult([{ percent: 10, report }])
    expect(`Rolled back to v41: ${reason}`.length).toBeLessThanOrEqual(140)
  })
})

/** What cmark-gfm makes of the Markdown: the table rows' cells as a reader sees them. */
function renderedCells(markdown: string): string[][] {
  const html = cmark.renderHtmlSync(markdown, { extensions: { table: true } })
  const body = /<tbody>([\s\S]*)<\/tbody>/.exec(html)?.[1] ?? ''
  return [...body.matchAll(/<tr>([\s\S]*?)<\/tr>/g)].map((row) =>
    [...(row[1] ?? '').matchAll(/<td>([\s\S]*?)<\/td>/g)].map((cell) =>
      (cell[1] ?? '')
        .replace(/<[^>]*>/g, '')
        .replace(/&amp;/g, '&')
        .replace(/&quot;/g, '"'),
    ),
  )
}

type XyChartParser = { parser: { yy: unknown; parse(text: string): unknown }; db: object }

/** Mermaid's own xychart parser (from the mermaid package), recording what it reads. */
async function parseXyChart(text: string): Promise<Array<[string, ...unknown[]]>> {
  const require = createRequire(import.meta.url)
  const chunks = join(dirname(require.resolve('mermaid/package.json')), 'dist/chunks/mermaid.core')
  const file = readdirSync(chunks).find((name) => /^xychartDiagram-.*\.mjs$/.test(name))
  if (!file) throw new Error('mermaid has no xychart chunk')
  const { diagram } = (await import(pathToFileURL(join(chunks, file)).href)) as {
    diagram: XyChartParser
  }
  // The real database sanitises through DOMPurify, which needs a browser: a recorder stands in.
  const calls: Array<[string, ...unknown[]]> = []
  diagram.parser.yy = Object.fromEntries(
    Object.keys(diagram.db).map((name) => [
      name,
      (...args: unknown[]) => void calls.push([name, ...args]),
    ]),
  )
  diagram.parser.parse(text)
  return calls
}

describe('analysisMarkdown', () => {
  const windows: RunWindow[] = [
    { percent: 10, report: windowReport() },
    {
      percent: 50,
      rolledBack: true,
      report: windowReport({
        verdict: 'fail',
        reason: 'metric 0.12 is not < 0.05 | x',
        errorRate: 33.333,
        p95: 1200,
        metrics: [0.12],
        measurements: measurements([100, 900, 1200]),
        endedEarly: true,
      }),
    },
  ]

  it('renders a table with a row per step', () => {
    const markdown = analysisMarkdown(
      analysisResult(windows, baseline),
      windows,
      settings,
      baseline,
    )
    expect(renderedCells(markdown)).toEqual([
      ['10%', 'pass', '60', '0%', '40ms', '90ms', '0.02'],
      ['50%', 'fail (rolled back, ended early)', '60', '33.3%', '40ms', '1.2s', '0.12'],
    ])
    const html = cmark.renderHtmlSync(markdown, { extensions: { table: true } })
    // The reason, foreign text included, is one paragraph of plain text.
    expect(html).toContain('<p>at 50%: metric 0.12 is not &lt; 0.05 | x</p>')
    expect(html).toContain("p95 ≤ 2x the baseline's 310ms")
    // A chart per window, in a mermaid fence.
    expect(html.match(/<pre><code class="language-mermaid">/g)).toHaveLength(2)
  })

  it('draws p95 with the baseline and the limits in Mermaid xychart syntax', async () => {
    const chart = p95Chart(windows[1]!.report, settings, baseline)
    expect(chart?.legend).toBe(
      "Lines, in order: p95 so far; the baseline's p95 (310ms); the limit (800ms); 2x the baseline (620ms).",
    )
    const body = chart!.mermaid.replace(/^```mermaid\n|\n```$/g, '')
    const calls = await parseXyChart(body)
    expect(calls).toEqual(
      expect.arrayContaining([
        ['setDiagramTitle', 'p95 latency (ms)'],
        ['setXAxisBand', ['0:00', '0:10', '0:20'].map((text) => ({ text, type: 'text' }))],
        ['setYAxisRangeData', 0, 1320],
      ]),
    )
    const lines = calls
      .filter(([name]) => name === 'setLineData')
      .map(([, , data]) => (data as Array<{ value: number }>).map((point) => point.value))
    expect(lines).toEqual([
      [100, 900, 1200],
      [310, 310, 310],
      [800, 800, 800],
      [620, 620, 620],
    ])
  })

  it('draws only what was measured: no chart without a p95', async () => {
    expect(p95Chart(windowReport({ measurements: [] }), settings, undefined)).toBeUndefined()
    const chart = p95Chart(
      windowReport({ measurements: measurements([1.2e-3, 5]) }),
      { ...settings, limits: {} },
      undefined,
    )
    expect(chart?.legend).toBe('The line: p95 so far.')
    await expect(
      parseXyChart(chart!.mermaid.replace(/^```mermaid\n|\n```$/g, '')),
    ).resolves.toContainEqual([
      'setLineData',
      { text: '', type: 'text' },
      [
        { value: 0, label: '' },
        { value: 5, label: '' },
      ],
    ])
  })

  it('says when the analysis is off', () => {
    const markdown = analysisMarkdown(analysisOff(), [], settings)
    expect(markdown).toBe('### Post-deploy analysis: off\n\nanalysis\\-duration is 0')
  })
})
