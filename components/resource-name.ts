/**
 * Child resource names built from names a user chose (a clientId, a client policy name). Pulumi
 * keeps a resource's name in its URN, so the name is made safe for it and must stay stable: the
 * same input always gives the same name, or the next `pulumi up` would replace the resource.
 */

/** The name with every character outside letters, digits and . _ - made '_' ('https://x/y' → 'https___x_y'). */
export function resourceNameFor(name: string): string {
  return name.replace(/[^A-Za-z0-9._-]/g, '_');
}
