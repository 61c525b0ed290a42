/**
 * rotate-keys, Keycloak's two procedures:
 * - routine: add a key of the same kind with a higher priority (it signs from now on) and make
 *   the old one passive (it still verifies the tokens it signed, and stays in the JWKS);
 * - emergency: add the new key, delete the compromised one at once (tokens it signed fail now),
 *   then set and push the realm's not-before.
 * The old key is named by kid or provider (component name or id); by default it is the active
 * signing key of the algorithm.
 */
import type ComponentRepresentation from '@keycloak/keycloak-admin-client/lib/defs/componentRepresentation.js';
import type { KeyMetadataRepresentation } from '@keycloak/keycloak-admin-client/lib/defs/keyMetadataRepresentation.js';
import type { ActionRun } from '../action-run.ts';
import { runAction } from '../action-run.ts';
import { keyRotationEdit } from '../baseline-edit.ts';
import type { IncidentContext } from '../context.ts';
import { expectRecord, expectRecords, isRecord } from '../../keycloak/answers.ts';
import { ENDPOINTS } from '../../keycloak/endpoints.ts';
import { IncidentError } from '../../keycloak/errors.ts';
import { KEY_ROTATION_LIMIT, LOCAL_JWT_LIMIT, PUSH_LIMIT } from '../limits.ts';
import { setRealmNotBefore } from '../not-before-steps.ts';
import type { ActionResult } from '../result.ts';

export interface RotateKeysOptions {
  mode: 'routine' | 'emergency';
  /** The key to replace, by kid. */
  kid?: string;
  /** The key to replace, by provider (component) name or id. */
  provider?: string;
  /** With neither kid nor provider: the active signing key of this algorithm (default RS256). */
  algorithm?: string;
  /** Name of the new provider (default: '<type>-<UTC timestamp>'). */
  name?: string;
  /** Priority of the new key (default: the highest of its algorithm + 100). */
  priority?: number;
}

const KEY_PROVIDER_TYPE = 'org.keycloak.keys.KeyProvider';
/** Config entries a new key copies from the one it replaces, so it is as strong. */
const COPIED_CONFIG = ['keySize', 'ecdsaEllipticCurveKey', 'eddsaEllipticCurveKey', 'secretSize', 'algorithm'];

/** The generated provider that makes a key like the given one (imported keys get a generated successor). */
export function successorProviderId(providerId: string | undefined, keyType: string | undefined): string {
  if (providerId?.endsWith('-generated')) return providerId;
  if (keyType === 'EC') return 'ecdsa-generated';
  if (keyType === 'OKP') return 'eddsa-generated';
  if (keyType === 'OCT') return 'hmac-generated';
  return 'rsa-generated';
}

export function defaultProviderName(providerId: string, now = new Date()): string {
  return `${providerId}-${now.toISOString().replace(/[-:]/g, '').replace('T', '-').slice(0, 15)}`;
}

function pickKey(
  keys: KeyMetadataRepresentation[],
  components: ComponentRepresentation[],
  options: RotateKeysOptions,
  realm: string,
): KeyMetadataRepresentation {
  if (options.kid) {
    const key = keys.find((candidate) => candidate.kid === options.kid);
    if (!key)
      throw new IncidentError(
        'not-found',
        `unknown key id '${options.kid}' in realm '${realm}': GET /keys does not list it`,
      );
    return key;
  }
  if (options.provider) {
    const component = components.find(
      (candidate) => candidate.name === options.provider || candidate.id === options.provider,
    );
    const key = component && keys.find((candidate) => candidate.providerId === component.id);
    if (!key)
      throw new IncidentError(
        'not-found',
        `unknown key provider '${options.provider}' in realm '${realm}': no key provider has that name or id`,
      );
    return key;
  }
  const algorithm = options.algorithm ?? 'RS256';
  const active = keys
    .filter((candidate) => candidate.algorithm === algorithm && candidate.status === 'ACTIVE')
    .sort((a, b) => (b.providerPriority ?? 0) - (a.providerPriority ?? 0));
  const key = active[0];
  if (!key)
    throw new IncidentError(
      'not-found',
      `realm '${realm}' has no active ${algorithm} key: name one with --kid or --provider`,
    );
  return key;
}

export function rotateKeys(ctx: IncidentContext, options: RotateKeysOptions): Promise<ActionResult> {
  return runAction(ctx, 'rotate-keys', async (run) => {
    run.limit(KEY_ROTATION_LIMIT);
    if (options.mode === 'emergency') {
      run.limit(LOCAL_JWT_LIMIT);
      run.limit(PUSH_LIMIT);
    }
    await rotate(run, options);
  });
}

async function listKeys(run: ActionRun): Promise<KeyMetadataRepresentation[]> {
  const spec = run.spec(ENDPOINTS.keys, {}, { notFound: `realm '${run.realm}'` });
  const answer = expectRecord(spec, await run.get(spec), 'a key listing');
  return expectRecords(spec, answer.keys ?? [], "a key listing with a list of 'keys'");
}

async function rotate(run: ActionRun, options: RotateKeysOptions): Promise<void> {
  const realm = run.realm;
  const keys = await listKeys(run);
  const componentsSpec = run.spec(ENDPOINTS.components, {}, { query: { type: KEY_PROVIDER_TYPE } });
  const components = expectRecords(
    componentsSpec,
    await run.get(componentsSpec),
    'a list of components',
  ) as ComponentRepresentation[];
  const oldKey = pickKey(keys, components, options, realm);
  const oldComponent = components.find((component) => component.id === oldKey.providerId);
  if (!oldComponent?.id || !oldComponent.name)
    throw new IncidentError('not-found', `key '${oldKey.kid}' belongs to no key provider of realm '${realm}'`);
  run.target({ type: 'key', id: oldKey.kid, name: oldComponent.name });

  const providerId = successorProviderId(oldComponent.providerId, oldKey.type);
  const sameAlgorithm = keys.filter((key) => key.algorithm === oldKey.algorithm);
  const priority = options.priority ?? Math.max(...sameAlgorithm.map((key) => key.providerPriority ?? 0)) + 100;
  const name = options.name ?? defaultProviderName(providerId);
  const copied = Object.fromEntries(
    COPIED_CONFIG.flatMap((key) => (oldComponent.config?.[key] ? [[key, oldComponent.config[key]]] : [])),
  );
  const config: Record<string, string[]> = {
    ...copied,
    ...(oldKey.algorithm && providerId !== 'aes-generated' ? { algorithm: [oldKey.algorithm] } : {}),
    priority: [String(priority)],
    enabled: ['true'],
    active: ['true'],
  };
  // Creating a key is not idempotent: never retried.
  const createSpec = run.spec(ENDPOINTS.createComponent);
  const answer = await run.send(createSpec, { name, providerId, providerType: KEY_PROVIDER_TYPE, config });
  // Keycloak answers 201 with the new component's URL in Location; its last segment is the id.
  const createdId = answer?.location
    ? decodeURIComponent(new URL(answer.location, 'http://h').pathname.split('/').pop() ?? '')
    : undefined;
  if (answer && !createdId)
    throw new IncidentError(
      'bad-answer',
      `${createSpec.method} ${createSpec.path} answered ${answer.status} without the new key's Location`,
    );
  const created = createdId ? { id: createdId } : undefined;

  const oldId = oldComponent.id;
  const notFound = `key provider '${oldComponent.name}'`;
  if (options.mode === 'routine') {
    const readSpec = run.spec(ENDPOINTS.component, { id: oldId }, { notFound });
    const full = expectRecord(readSpec, await run.get(readSpec), 'a component');
    const fullConfig = isRecord(full.config) ? full.config : {};
    await run.send(run.spec(ENDPOINTS.updateComponent, { id: oldId }, { notFound }), {
      ...full,
      config: { ...fullConfig, active: ['false'] },
    });
  } else {
    await run.send(run.spec(ENDPOINTS.deleteComponent, { id: oldId }, { notFound }));
    await setRealmNotBefore(run);
  }

  const keySize = Number(copied.keySize?.[0]) || undefined;
  const secretSize = Number(copied.secretSize?.[0]) || undefined;
  const ellipticCurve = copied.ecdsaEllipticCurveKey?.[0] ?? copied.eddsaEllipticCurveKey?.[0];
  // Both keys have the same kind and strength; a baseline's AES key names no algorithm.
  const keyOptions = {
    ...(oldKey.algorithm && providerId !== 'aes-generated' ? { algorithm: oldKey.algorithm } : {}),
    ...(keySize ? { keySize } : {}),
    ...(ellipticCurve ? { ellipticCurve } : {}),
    ...(secretSize ? { secretSize } : {}),
  };
  run.baselineEdit = keyRotationEdit(realm, {
    old: {
      name: oldComponent.name,
      ...(oldComponent.providerId ? { providerId: oldComponent.providerId } : {}),
      ...(oldKey.providerPriority !== undefined ? { priority: oldKey.providerPriority } : {}),
      ...keyOptions,
      state: options.mode === 'routine' ? 'passive' : 'retired',
      ...(oldKey.kid ? { kid: oldKey.kid } : {}),
    },
    created: { name, providerId, priority, ...keyOptions, ...(createdId ? { id: createdId } : {}) },
    compromised: options.mode === 'emergency',
  });
  if (run.dryRun || !created) return;
  run.target({ type: 'key', name, id: created.id });
  await checkRotation(run, {
    oldKid: oldKey.kid,
    newProviderId: created.id,
    algorithm: oldKey.algorithm,
    mode: options.mode,
  });
}

async function checkRotation(
  run: ActionRun,
  facts: { oldKid?: string; newProviderId: string; algorithm?: string; mode: 'routine' | 'emergency' },
): Promise<void> {
  const keys = await listKeys(run);
  const fresh = keys.find((key) => key.providerId === facts.newProviderId);
  const signer = keys
    .filter((key) => key.algorithm === facts.algorithm && key.status === 'ACTIVE')
    .sort((a, b) => (b.providerPriority ?? 0) - (a.providerPriority ?? 0))[0];
  run.check(
    'new key signs',
    fresh !== undefined && signer?.kid === fresh.kid,
    `new kid ${fresh?.kid ?? 'missing'} ${fresh?.status ?? ''}; highest-priority active ${facts.algorithm} key: ${signer?.kid ?? 'none'}`,
  );
  const old = keys.find((key) => key.kid === facts.oldKid);
  if (facts.mode === 'routine') {
    run.check('old key passive', old?.status === 'PASSIVE', `kid ${facts.oldKid}: ${old?.status ?? 'gone'}`);
    return;
  }
  run.check(
    'compromised kid gone from GET /keys',
    old === undefined,
    old ? `still listed (${old.status})` : `kid ${facts.oldKid} not listed`,
  );
  const certs = run.spec(ENDPOINTS.certs);
  const jwks = expectRecord(certs, await run.read(certs, () => run.ctx.http.getPublic(certs.path)), 'a JWKS');
  const published = expectRecords(certs, jwks.keys ?? [], "a JWKS with a list of 'keys'").some(
    (key) => key.kid === facts.oldKid,
  );
  run.check(
    'compromised kid gone from the public JWKS',
    !published,
    published ? 'still published' : `kid ${facts.oldKid} not published`,
  );
}
