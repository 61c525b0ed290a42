/**
 * What @pulumi/policy takes from `@pulumi/pulumi` as a whole (its deserialize.js: the asset
 * classes and Output.isInstance), from the two modules that hold them. The policy pack's bundle
 * (scripts/build.ts) gives the SDK this module in place of the package's index, which loads all
 * of @pulumi/pulumi — its automation API and npm's libraries among it: most of the SDK's load
 * time in the pack process (0.75 s of 0.95 s, profiled on a loaded 2-core machine), for nothing a
 * policy uses.
 */
export * as asset from '@pulumi/pulumi/asset/index.js';
export { Output } from '@pulumi/pulumi/output.js';
