/**
 * The live reader's source (model/live.ts) on the Keycloak request core: each GET the reader
 * describes is built by the one path builder and sent with the core's retries, deadline, size cap
 * and error lines. A 404 is answered as undefined: the reader words "realm does not exist".
 */
import type { LiveRead, LiveSource } from '../model/live.ts';
import type { IncidentHttp } from './core.ts';
import { endpointPath } from './endpoints.ts';
import { IncidentError } from './errors.ts';
import type { RequestSpec } from './request-spec.ts';

/** The request a live read makes: a GET, the path built segment by segment. */
export function liveReadSpec(read: LiveRead): RequestSpec {
  const endpoint = {
    method: 'GET',
    template: read.template,
    role: read.role,
    changesState: false,
    idempotent: true,
  } as const;
  return {
    method: 'GET',
    path: endpointPath(endpoint, read.params, read.query),
    changesState: false,
    idempotent: true,
    role: read.role,
  };
}

export function liveSource(http: IncidentHttp, realm: string): LiveSource {
  return {
    url: http.config.url,
    async get(read: LiveRead): Promise<unknown> {
      try {
        return await http.admin(liveReadSpec(read), realm);
      } catch (error) {
        if (error instanceof IncidentError && error.kind === 'not-found') return undefined;
        throw error;
      }
    },
  };
}
