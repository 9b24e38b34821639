// What the engine keeps of a window, bounded whatever its length: an hour at 100ms with three
// URLs is 108,000 requests and 36,000 measurements, which must neither grow memory without end
// nor make each judgment sort everything seen so far.
import { percentileOfSorted } from './stats.js'

/**
 * Latencies kept exactly up to this many; past it, a uniform random sample of this size.
 * 10,000 holds every request of a 5-minute window at 100ms with 3 URLs (9,000), so the usual
 * windows get exact percentiles; a longer one gets percentiles of a fair sample of the whole
 * window (reservoir sampling, Vitter's algorithm R), whose p95 is within a fraction of a
 * percentile rank of the true one. Memory stays at two arrays of 10,000 numbers.
 */
export const MAX_LATENCIES = 10_000

/** Where `value` belongs in ascending `sorted` (the first index whose item is not below it). */
function lowerBound(sorted: readonly number[], value: number): number {
  let low = 0
  let high = sorted.length
  while (low < high) {
    const middle = (low + high) >>> 1
    if ((sorted[middle] as number) < value) low = middle + 1
    else high = middle
  }
  return low
}

/**
 * Latencies of one window, for its percentiles. They are also kept in order as they come (one
 * binary search and one array move each), so a judgment reads a percentile without sorting:
 * a measurement every 100ms for an hour must not sort 10,000 numbers 36,000 times.
 */
export class LatencySample {
  /** The reservoir's slots, in the order they were filled (replaced at random when full). */
  private readonly slots: number[] = []
  private readonly sorted: number[] = []
  private seen = 0

  constructor(
    private readonly capacity = MAX_LATENCIES,
    private readonly random: () => number = Math.random,
  ) {}

  add(latencyMs: number): void {
    this.seen++
    if (this.slots.length < this.capacity) {
      this.slots.push(latencyMs)
      this.sorted.splice(lowerBound(this.sorted, latencyMs), 0, latencyMs)
      return
    }
    // Each of the `seen` values so far stays in the sample with the same chance.
    const slot = Math.floor(this.random() * this.seen)
    if (slot >= this.capacity) return
    const replaced = this.slots[slot] as number
    this.slots[slot] = latencyMs
    this.sorted.splice(lowerBound(this.sorted, replaced), 1)
    this.sorted.splice(lowerBound(this.sorted, latencyMs), 0, latencyMs)
  }

  /** How many latencies were added (not how many are kept). */
  get count(): number {
    return this.seen
  }

  /** How many are kept (at most the capacity). */
  get kept(): number {
    return this.slots.length
  }

  /** p50 and p95 (nearest rank) of what is kept; undefined when nothing was added. */
  percentiles(): { p50?: number; p95?: number } {
    return {
      p50: percentileOfSorted(this.sorted, 50),
      p95: percentileOfSorted(this.sorted, 95),
    }
  }
}

/** The chart shows at most this many points of a window. */
export const MAX_POINTS = 200

/**
 * A list that keeps at most `capacity` items spread evenly over everything added: every item
 * while it fits, then every second, every fourth, ... (each time it fills, every other kept item
 * is dropped and the stride doubles). The newest item is always returned last, so a chart ends
 * where the window ended.
 */
export class EvenlyThinned<T> {
  private kept: T[] = []
  private stride = 1
  private added = 0
  private newest?: { item: T }

  constructor(private readonly capacity = MAX_POINTS) {
    if (capacity < 2) throw new Error('EvenlyThinned needs room for at least 2 items')
  }

  add(item: T): void {
    if (this.added % this.stride === 0) {
      this.kept.push(item)
      if (this.kept.length > this.capacity) {
        this.kept = this.kept.filter((_, index) => index % 2 === 0)
        this.stride *= 2
      }
    }
    this.added++
    this.newest = { item }
  }

  get count(): number {
    return this.added
  }

  items(): T[] {
    // Kept items are those added at multiples of the stride: the last one is the newest when
    // its place in the order is the newest's.
    const lastKeptAt = (this.kept.length - 1) * this.stride
    if (this.newest === undefined || lastKeptAt === this.added - 1) return [...this.kept]
    // When full, the newest takes the last kept item's place: the end moves, the count does not.
    const room = this.kept.length < this.capacity ? this.kept : this.kept.slice(0, -1)
    return [...room, this.newest.item]
  }
}
