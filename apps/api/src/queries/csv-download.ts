import { StreamableFile } from '@nestjs/common';
import type { Request } from 'express';
import { Readable } from 'node:stream';
import { csvHeader, csvRecord, type CsvColumn } from '@switchboard/platform';

export const csvFormats = ['json', 'csv'] as const;
export type ResponseFormat = (typeof csvFormats)[number];

/** `?format=` decides; without it, an Accept header that prefers text/csv to JSON does. */
export function wantsCsv(format: ResponseFormat | undefined, request: Request): boolean {
  if (format !== undefined) return format === 'csv';
  return request.accepts(['application/json', 'text/csv']) === 'text/csv';
}

/**
 * Every page as one CSV download, streamed: a page is read only when the client has taken the
 * one before. The first page is read before answering, so a failing database still answers
 * with a problem (503) instead of a cut-off file.
 */
export async function csvDownload<Row>(columns: readonly CsvColumn<Row>[], pages: AsyncGenerator<readonly Row[]>, filename: string): Promise<StreamableFile> {
  const first = await pages.next();
  async function* chunks(): AsyncGenerator<string> {
    yield csvHeader(columns);
    if (first.done) return;
    yield first.value.map((row) => csvRecord(columns, row)).join('');
    for await (const page of pages) yield page.map((row) => csvRecord(columns, row)).join('');
  }
  return new StreamableFile(Readable.from(chunks()), {
    type: 'text/csv; charset=utf-8',
    disposition: `attachment; filename="${filename}"`,
  });
}
