/**
 * The realmguard library (the package's main entry): the model and its loaders, the rule
 * catalogue, the Pulumi components and the incident actions. Each is also its own entry point
 * (realmguard/model, realmguard/rules, realmguard/components, realmguard/incident): import those
 * to load less — the components bring @pulumi/pulumi with them.
 */
export * from './model/index.ts';
export * from './rules.ts';
export * from './components/index.ts';
export * from './incident/index.ts';
