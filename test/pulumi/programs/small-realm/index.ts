import * as pulumi from '@pulumi/pulumi';
import * as keycloak from '@pulumi/keycloak';

const config = new pulumi.Config();
const realm = new keycloak.Realm('small', {
  realm: config.require('realm'),
  enabled: true,
  sslRequired: 'external',
  accessTokenLifespan: '5m0s',
  ssoSessionIdleTimeout: '30m0s',
  ssoSessionMaxLifespan: '10h0m0s',
  revokeRefreshToken: true,
  refreshTokenMaxReuse: 0,
});

export const realmId = realm.id;
