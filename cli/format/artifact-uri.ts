import { isAbsolute, relative, resolve, sep } from 'node:path';
import { pathToFileURL } from 'node:url';

/**
 * The SARIF artifactLocation.uri of a file: relative to `cwd` with forward slashes (what code
 * scanning matches against the repository) when the file is inside `cwd`; a file:// URI
 * otherwise, as a relative `../x` names nothing without a base and code scanning drops it.
 * The one place both the findings and the drift results take their URIs from.
 */
export function artifactUri(file: string, cwd: string): string {
  const absolute = resolve(cwd, file);
  const relativePath = relative(cwd, absolute);
  if (relativePath === '..' || relativePath.startsWith(`..${sep}`) || isAbsolute(relativePath))
    return pathToFileURL(absolute).href;
  return relativePath.split(sep).join('/');
}
