// Prints the routes × roles table of docs/security.md from routeAccessTable.
import { routeAccessMarkdown } from '../apps/api/src/auth/route-access.markdown';

process.stdout.write(`${routeAccessMarkdown()}\n`);
