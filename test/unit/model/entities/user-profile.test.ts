import { describe, expect, it } from 'vitest';
import { inputProblemsOf } from '../../../../model/errors.ts';
import { lineOf, loadExport } from './load-export.ts';

const COMPONENT_TYPE = 'org.keycloak.userprofile.UserProfileProvider';

function withProfile(config: string): Record<string, unknown> {
  return {
    components: {
      [COMPONENT_TYPE]: [{ providerId: 'declarative-user-profile', config: { 'kc.user.profile.config': [config] } }],
    },
  };
}

describe('export → user profile', () => {
  it('reads the unmanaged-attribute policy and the declared attributes from the UPConfig JSON string', () => {
    const loaded = loadExport(
      withProfile(
        JSON.stringify({
          attributes: [{ name: 'username', validations: {} }, { name: 'email' }, { name: 'customerNumber' }],
          groups: [],
          unmanagedAttributePolicy: 'ENABLED',
        }),
      ),
    );
    expect(loaded.settings.userProfile).toEqual({
      unmanagedAttributePolicy: 'ENABLED',
      attributes: ['username', 'email', 'customerNumber'],
    });
    expect(lineOf(loaded, ['userProfile', 'unmanagedAttributePolicy'])).toBe(9);
  });

  it("no policy in the JSON: unmanaged attributes are off (the key stays absent, as in Keycloak's UPConfig)", () => {
    expect(loadExport(withProfile('{"attributes":[{"name":"username"}]}')).settings.userProfile).toEqual({
      attributes: ['username'],
    });
  });

  it("an export without the component runs Keycloak's default profile; a file without components says nothing", () => {
    expect(loadExport({ components: {} }).settings.userProfile).toEqual({
      attributes: ['username', 'email', 'firstName', 'lastName'],
    });
    expect(loadExport({}).settings.userProfile).toBeUndefined();
  });

  it.each([
    ['not JSON', '{"attributes": [', /user profile is not valid JSON/],
    [
      'an unknown policy',
      '{"unmanagedAttributePolicy":"SOMETIMES"}',
      /user profile does not read as a UPConfig: \/unmanagedAttributePolicy/,
    ],
  ])('refuses %s with the file, line and key', (_, config, message) => {
    let error: unknown;
    try {
      loadExport(withProfile(config), 'bad.json');
    } catch (caught) {
      error = caught;
    }
    expect(error).toBeDefined();
    const problems = inputProblemsOf(error);
    expect(problems).toHaveLength(1);
    const problem = problems[0]!;
    expect(problem.message).toMatch(message);
    expect(problem.location).toMatchObject({
      file: 'bad.json',
      line: 9,
      keyPath: expect.stringContaining('kc.user.profile.config') as unknown,
    });
  });
});
