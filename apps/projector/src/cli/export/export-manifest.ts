import { promises as fs } from 'node:fs';
import type { ExportSelection } from './export-options';

/**
 * Beside every exported file, `<file>.export.json` records what it holds, so `--resume` can
 * refuse to continue a file with other filters (which would leave gaps or repeat rows), and
 * continue to the same end (`toPosition`: the head of the log when the export started).
 */
export type ExportManifest = Readonly<{ selection: ExportSelection; toPosition?: string | null }>;

export const manifestPathOf = (out: string): string => `${out}.export.json`;

export async function writeManifest(out: string, manifest: ExportManifest): Promise<void> {
  const path = manifestPathOf(out);
  await fs.writeFile(`${path}.tmp`, `${JSON.stringify(manifest, null, 2)}\n`);
  await fs.rename(`${path}.tmp`, path);
}

export async function readManifest(out: string): Promise<ExportManifest | undefined> {
  try {
    return JSON.parse(await fs.readFile(manifestPathOf(out), 'utf8')) as ExportManifest;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
    throw error;
  }
}

/** The same selection, whatever the order of keys or absent ones. */
export const sameSelection = (a: ExportSelection, b: ExportSelection): boolean => canonical(a) === canonical(b);

const canonical = (selection: ExportSelection): string =>
  JSON.stringify(
    Object.fromEntries(
      Object.entries(selection)
        .filter(([, v]) => v !== undefined)
        .sort(([x], [y]) => x.localeCompare(y)),
    ),
  );
