/**
 * Every secret the run touches (admin credentials, tokens, client secrets) is registered here,
 * and every line the tool prints or journals passes through redact(): a second guard behind the
 * rule that no secret is put into output in the first place.
 */
export class SecretRegistry {
  readonly #values = new Set<string>();

  add(value: string | undefined): void {
    // Very short values would redact ordinary words; real secrets and tokens are long.
    if (value && value.length >= 8) this.#values.add(value);
  }

  redact(text: string): string {
    let result = text;
    for (const value of this.#values) result = result.split(value).join('[redacted]');
    return result;
  }

  has(text: string): boolean {
    for (const value of this.#values) if (text.includes(value)) return true;
    return false;
  }
}
