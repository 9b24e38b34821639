// The job summary as GitHub renders it: cmark-gfm, GitHub's Markdown engine (the npm binding of
// its C library, a devDependency), with the extensions GitHub turns on.
import cmark from 'cmark-gfm'
import { environmentFigures } from '../../shared/report/figures.js'
import { buildReport } from '../../shared/report/report.js'
import { reportMarkdown } from '../../shared/report/summary.js'
import { toGraph, toRecords } from './history-fixture.js'
import { SMALL_PERIOD, smallHistory } from './small-history.js'

function render(markdown: string): string {
  return cmark.renderHtmlSync(markdown, {
    extensions: { table: true, strikethrough: true, autolink: true, tagfilter: true },
  })
}

function summary(environments: string[]) {
  const history = smallHistory()
  const records = toRecords(history)
  return reportMarkdown(
    buildReport(
      'acme/shop',
      SMALL_PERIOD,
      environments.map((environment) =>
        environmentFigures(
          environment,
          records.filter((r) => r.environment === environment),
          toGraph(history),
          SMALL_PERIOD,
        ),
      ),
    ),
  )
}

describe('deploy-report summary, rendered by cmark-gfm', () => {
  it('renders the figures and targets as tables and the charts as Mermaid blocks', () => {
    const html = render(summary(['production']))
    expect(html.match(/<table>/g)).toHaveLength(2)
    expect(html).toContain(
      '<tr>\n<td>lead time for changes (median)</td>\n<td>2.1 h</td>\n<td>elite</td>\n</tr>',
    )
    expect(html).toContain(
      '<tr>\n<td>success-rate &gt; 95 %</td>\n<td>42.86 %</td>\n<td>❌ no</td>\n</tr>',
    )
    // GitHub draws a fenced block whose language is mermaid as a chart.
    expect(html.match(/<pre><code class="language-mermaid">/g)).toHaveLength(2)
    expect(html).toContain('xychart-beta')
  })

  it('shows a hostile environment name as text, and says it had no deployments', () => {
    const html = render(summary(['<img src=x onerror=alert(1)> *prod* | x']))
    expect(html).not.toContain('<img')
    expect(html).toContain('&lt;img src=x onerror=alert(1)&gt; *prod* | x')
    expect(html).toMatch(/No deployments of <code>.*<\/code> ended from 2026-03-23 to 2026-03-29\./)
  })
})
