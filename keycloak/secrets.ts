/**
 * Every secret the run touches (admin credentials, tokens, client secrets) is registered here,
 * and every line the tool prints or journals passes through redact(): a second guard behind the
 * rule that no secret is put into output in the first place.
 *
 * Every secret counts, whatever its length: a short password a server echoes back is still the
 * password. Longer values are replaced first, so a short secret inside a token does not leave
 * the rest of the token readable around a '[redacted]'.
 */
export class SecretRegistry {
  readonly #values = new Set<string>();
  #ordered: string[] = [];

  add(value: string | undefined): void {
    if (!value || this.#values.has(value)) return;
    this.#values.add(value);
    this.#ordered = [...this.#values].sort((a, b) => b.length - a.length);
  }

  redact(text: string): string {
    let result = text;
    for (const value of this.#ordered) result = result.split(value).join('[redacted]');
    return result;
  }

  has(text: string): boolean {
    for (const value of this.#values) if (text.includes(value)) return true;
    return false;
  }
}
