/**
 * The response runner: a detection whose kind the config maps to a playbook is answered with it,
 * through the incident functions (their evidence, journal entry and baseline edit), once. The
 * detection id is marked in the state file as soon as the action has run (not in a dry run), so
 * a restart never acts on it again; the journal entry carries the detection id as its input.
 */
import { containUser, disableUser, logoutUser, type ActionResult, type IncidentContext } from '../incident/index.ts';
import { journalEntry, type JournalEntry } from '../incident/journal.ts';
import type { IncidentHttp } from '../keycloak/core.ts';
import { createContext } from '../incident/context.ts';
import type { ResponseName, WatchConfig } from './config.ts';
import type { Detection } from './detection.ts';
import type { StateFile } from './state-file.ts';

const PLAYBOOKS: Record<ResponseName, (ctx: IncidentContext, user: string) => Promise<ActionResult>> = {
  'contain-user': (ctx, user) => containUser(ctx, { user }),
  'logout-user': (ctx, user) => logoutUser(ctx, { user }),
  'disable-user': (ctx, user) => disableUser(ctx, { user }),
};

export interface Responder {
  /** Answers the detection when the config maps its kind; returns the result, or undefined when nothing was due. */
  respond(detection: Detection): Promise<ActionResult | undefined>;
}

/** What the command line lends the runner: its journal keeper and its way of showing a result (watch/ does not import cli/). */
export interface ResponseOutput {
  record(entry: JournalEntry): void;
  render(result: ActionResult): string;
  write(line: string): void;
}

export function responder(
  http: IncidentHttp,
  config: WatchConfig,
  state: StateFile,
  options: { dryRun: boolean } & ResponseOutput,
): Responder {
  return {
    async respond(detection) {
      const playbook = config.respond[detection.kind];
      if (!playbook || !detection.user || state.responded(detection.id)) return undefined;
      const ctx = createContext(http, detection.realm, { dryRun: options.dryRun });
      const result = await PLAYBOOKS[playbook](ctx, detection.user);
      options.record(
        journalEntry({ ...result, data: undefined }, { actor: http.actor, server: http.origin, input: detection.id }),
      );
      if (!options.dryRun) state.markResponded(detection.id);
      options.write(http.secrets.redact(`response to ${detection.id}: ${options.render(result)}`));
      return result;
    },
  };
}
