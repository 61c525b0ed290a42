/**
 * Clients and client scopes as the parts keep them: a client's default and optional scopes change
 * by CREATE/DELETE CLIENT_SCOPE_CLIENT_MAPPING on clients/{id}/(default|optional)-client-scopes/{scope id},
 * with no representation (judged: offline_access made a default scope); a client or client scope
 * created, updated or deleted only keeps the names current (realm and client updates are judged
 * by admin-change). The realm's default scopes for new clients (default-default-client-scopes)
 * are no client's yet: the rules judge each client's own lists, so they are not judged.
 */
import { text } from '../../model/live/reads.ts';
import { clientEntry } from '../realm-parts.ts';
import { idUnder, own, withEntry, type PartsApplier } from './change.ts';

const LINK = /^clients\/([^/]+)\/(default|optional)-client-scopes\/([^/]+)$/;

export const clientScopeLinks: PartsApplier = (admin, parts) => {
  if (admin.resourceType !== 'CLIENT_SCOPE_CLIENT_MAPPING') return undefined;
  if (admin.operationType !== 'CREATE' && admin.operationType !== 'DELETE') return undefined;
  const match = LINK.exec(admin.resourcePath ?? '');
  if (!match) return undefined;
  const [, id = '', kind, scopeId = ''] = match;
  const client = own(parts.clients, id);
  const scope = own(parts.clientScopes, scopeId);
  if (!client || scope === undefined) return undefined;
  const list = kind === 'default' ? 'defaultClientScopes' : 'optionalClientScopes';
  const rest = client[list].filter((name) => name !== scope);
  const changed = { ...client, [list]: admin.operationType === 'CREATE' ? [...rest, scope] : rest };
  return {
    subject: `client ${client.clientId}`,
    parts: { ...parts, clients: withEntry(parts.clients, id, changed) },
    judge: true,
  };
};

export const clientNames: PartsApplier = (admin, parts) => {
  if (admin.resourceType === 'CLIENT') {
    const id = idUnder(admin.resourcePath, 'clients');
    if (id === undefined) return undefined;
    if (admin.operationType === 'DELETE')
      return {
        subject: `client ${id}`,
        parts: { ...parts, clients: withEntry(parts.clients, id, undefined) },
        judge: false,
      };
    const known = own(parts.clients, id);
    const entry = admin.representation && clientEntry({ ...known, ...admin.representation });
    if (!entry || (admin.operationType !== 'CREATE' && admin.operationType !== 'UPDATE')) return undefined;
    return {
      subject: `client ${entry.clientId}`,
      parts: { ...parts, clients: withEntry(parts.clients, id, entry) },
      judge: false,
    };
  }
  if (admin.resourceType === 'CLIENT_SCOPE') {
    const id = idUnder(admin.resourcePath, 'client-scopes');
    if (id === undefined) return undefined;
    const name = admin.operationType === 'DELETE' ? undefined : text(admin.representation?.name);
    if (name === undefined && admin.operationType !== 'DELETE') return undefined;
    return {
      subject: `client scope ${id}`,
      parts: { ...parts, clientScopes: withEntry(parts.clientScopes, id, name) },
      judge: false,
    };
  }
  return undefined;
};
