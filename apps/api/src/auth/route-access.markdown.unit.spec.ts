import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { routeAccessMarkdown } from './route-access.markdown';

describe('the role table of docs/security.md', () => {
  it('is the one generated from routeAccessTable (regenerate: npm run -s security:table)', () => {
    const page = readFileSync(join(__dirname, '../../../../docs/security.md'), 'utf8');
    expect(page).toContain(routeAccessMarkdown());
  });

  it('marks commands operators may do only on their own dialogs', () => {
    expect(routeAccessMarkdown()).toContain('| `POST /dialogs/{id}/notes` | own | yes | yes | — | — |');
    expect(routeAccessMarkdown()).toContain('| `GET /health` | public | public | public | public | public |');
  });
});
