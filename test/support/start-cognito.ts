/** Starts cognito-local as the local cloud does, prints its endpoint and idles (a parent to kill in a test). */
import { startCognito } from '../../infra/local/cognito.js';

const cognito = await startCognito(process.argv[2]);
process.stdout.write(`${cognito.endpoint}\n`);
setInterval(() => undefined, 60_000);
