// The two ways `flightdeck init` and `flightdeck lint` stop early, and the exit code of each.
// flightdeck.mjs prints the message of any error and exits 1 (2 for its own usage errors); these
// commands catch their own errors instead, so that a test can run them in process.

/** A bad command line: an unknown flag, a missing value, a path that does not exist. Exit 2. */
export class UsageError extends Error {
  exitCode = 2
}

/** The repository is not what the command needs: no platform config, a config it cannot read. Exit 1. */
export class ConfigError extends Error {
  exitCode = 1
}

/**
 * Text read from a repository, made safe to print on one line of a CI log: line breaks become
 * spaces (a new line could start a workflow command), and the runner's old `##[command]` form,
 * which it reads anywhere in a line, is broken up.
 * @param {string} text
 */
export function oneLine(text) {
  return String(text)
    .replace(/[\r\n\u0085\u2028\u2029]+/g, ' ')
    .replace(/##\[/g, '#\u200b#[')
}
