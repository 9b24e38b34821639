// Bounds of the probe engine, in a module of their own so input schemas can name them without
// loading the network code.

/**
 * The shortest wait between two probes of one URL, whatever the inputs and jitter say: no
 * combination of interval, backoff and max-interval can flood a server.
 */
export const MIN_INTERVAL_MS = 100
