/**
 * @module The default regression threshold (points), in a file of its own so the CLI's option table
 * can show it without loading the comparison code.
 */

/** Score drop (points) that counts as a regression when none is given: the one place it is written. */
export const DEFAULT_THRESHOLD_POINTS = 5;
