/**
 * "Did you mean": the one place that guesses which known name a misspelt one was meant to be
 * (schema keys and values, rule ids, rule parameters, client ids). A guess is offered only when it
 * is close enough to be a plausible typo, so an unrelated name never gets a misleading suggestion.
 */
import { closest, distance } from 'fastest-levenshtein';

/**
 * The closest candidate when it is within a third of the input's length in edits (at least 2),
 * or, failing that, a candidate that contains the input or is contained in it ('maximum' → 'max').
 */
export function suggest(input: string, candidates: readonly string[]): string | undefined {
  if (candidates.length === 0) return undefined;
  const best = closest(input, [...candidates]);
  const limit = Math.max(2, Math.floor(input.length / 3));
  if (distance(input.toLowerCase(), best.toLowerCase()) <= limit) return best;
  const lower = input.toLowerCase();
  return candidates.find(
    (candidate) => candidate.toLowerCase().includes(lower) || lower.includes(candidate.toLowerCase()),
  );
}

/** A hint: "did you mean 'x'? (fallback)" when a guess is close enough, else the fallback alone. */
export function didYouMean(input: string, candidates: readonly string[], fallback: string): string {
  const guess = suggest(input, candidates);
  return guess !== undefined && guess !== input ? `did you mean '${guess}'? (${fallback})` : fallback;
}
