// What the post-deploy analysis works with: its settings (from the inputs), what it measures,
// and what it reports. The engine (engine.ts) judges one window; gated-deploy runs one window
// per traffic step, health-check one `watch` window.
import type { StatusSet } from '../http/status.js'

/** The comparison a Prometheus value must pass, e.g. `< 0.05`. */
export interface Condition {
  operator: '<' | '<=' | '>' | '>=' | '==' | '!='
  value: number
  /** As the user wrote it, normalised (`< 0.05`). */
  text: string
}

/** One instant query per interval (`GET {url}/api/v1/query?query=…`). */
export interface PrometheusCheck {
  url: string
  query: string
  condition: Condition
  /** Header values are secrets (masked when read). */
  headers: Record<string, string>
}

export interface AnalysisLimits {
  /** Percent of failed requests tolerated (5 for `5%`). */
  maxErrorRate?: number
  /** Absolute p95 limit in ms. */
  maxLatencyP95Ms?: number
  /** p95 limit relative to the baseline's p95 (2 for `2x`); needs a baseline. */
  maxLatencyRegression?: number
  prometheus?: PrometheusCheck
}

export interface AnalysisSettings {
  /** URLs sampled once per interval each (may be empty when only Prometheus is judged). */
  urls: string[]
  headers: Record<string, string>
  /** The statuses that count as a good answer (health-expected-status). */
  statuses: StatusSet
  /** One window's length (0: analysis off). */
  durationMs: number
  /** Start to start. */
  intervalMs: number
  limits: AnalysisLimits
  /** Failed measurements tolerated: one more makes the verdict `fail`. */
  failureLimit: number
  /** Measurements that could not be made, tolerated: one more makes it `inconclusive`. */
  inconclusiveLimit: number
  onInconclusive: 'rollback' | 'keep'
}

export type Verdict = 'pass' | 'fail' | 'inconclusive'

/** Latency figures in ms. */
export interface Baseline {
  p50: number
  p95: number
  samples: number
}

/** One measurement: a line of the log and a point of the chart. */
export interface Measurement {
  /** ms since the window began. */
  atMs: number
  /** Requests sampled so far in this window. */
  samples: number
  /** Percent, over the window's samples so far. */
  errorRate?: number
  p50?: number
  p95?: number
  /** The Prometheus value of this measurement. */
  metric?: number
  /** `failed` (a limit broken), `inconclusive` (could not be made) or `ok`. */
  outcome: 'ok' | 'failed' | 'inconclusive'
  /** What broke or why it could not be made. */
  problem?: string
}

/** One window's verdict (a traffic step's, a watch's, or the whole analysis without steps). */
export interface WindowReport {
  verdict: Verdict
  /** Why, in a few words: `error rate 33% over 5%`; `all limits held` on a pass. */
  reason: string
  samples: number
  /** Percent. */
  errorRate: number
  p50?: number
  p95?: number
  metrics: number[]
  measurements: Measurement[]
  failures: number
  inconclusives: number
  durationMs: number
  /** Ended before its time because the verdict was already clear. */
  endedEarly: boolean
}

/** One traffic step in the `analysis` output. */
export interface StepReport {
  percent: number
  verdict: Verdict
  samples: number
  errorRate: number
  p95?: number
  /** This step's failure (or inconclusive verdict) returned all traffic to the previous release. */
  rolledBack?: boolean
}

/** The `analysis` output (JSON), the record's `analysis`, and the summary's source. */
export interface AnalysisResult {
  verdict: Verdict | 'off'
  reason: string
  samples: number
  errorRate?: number
  p50?: number
  p95?: number
  baseline?: { p50: number; p95: number }
  metrics: number[]
  steps?: StepReport[]
}
