// Prints the README's routes × roles table from routeAccessTable.
import { routeAccessMarkdown } from '../apps/api/src/auth/route-access.markdown';

process.stdout.write(`${routeAccessMarkdown()}\n`);
