// Module hooks: appends the URL of every module loaded to the file $REALMGUARD_MODULE_LOG.
import { appendFileSync } from 'node:fs';

export async function load(url, context, nextLoad) {
  appendFileSync(process.env.REALMGUARD_MODULE_LOG, `${url}\n`);
  return nextLoad(url, context);
}
