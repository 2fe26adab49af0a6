// The edge's input limits in one place, so the DTOs, the docs and the tests agree.

/** Operator, line, bot and channel ids: short, URL-safe, starting with a letter or digit. */
export const ENTITY_ID_PATTERN = /^[A-Za-z0-9][A-Za-z0-9_.-]{0,63}$/;
export const ENTITY_ID_REASON = 'must be 1-64 characters of letters, digits, "_", "." or "-", starting with a letter or digit';

/** Letters and digits of any script, space, "_", "." and "-". */
export const TAG_PATTERN = /^[\p{L}\p{N} _.-]{1,64}$/u;
export const TAG_REASON = 'must be 1-64 letters, digits, spaces, "_", "." or "-"';

export const MAX_TEXT_LENGTH = 10_000;
export const MAX_NAME_LENGTH = 200;
export const MAX_COMMENT_LENGTH = 2_000;
export const MAX_URL_LENGTH = 2_048;
export const MAX_ATTACHMENTS = 20;
export const MAX_ATTACHMENT_NAME_LENGTH = 255;
/** 2 MiB: larger files go through the channel's file storage, not through a message. */
export const MAX_ATTACHMENT_BYTES = 2 * 1024 * 1024;
export const MAX_BULK_DIALOGS = 100;

/** `type/subtype`, as RFC 6838 spells media type names. */
export const CONTENT_TYPE_PATTERN = /^[A-Za-z0-9][A-Za-z0-9!#$&^_.+-]{0,126}\/[A-Za-z0-9][A-Za-z0-9!#$&^_.+-]{0,126}$/;

export { ISO_DATE_TIME_PATTERN } from '@switchboard/platform';

// The request as a whole, checked before anything parses it (apps/api/src/hostile-input).

/** Largest JSON body: ten thousand characters of text with twenty attachments fit many times over. */
export const MAX_JSON_BODY_BYTES = 1024 * 1024;
/** Our bodies nest four levels at most (body, attachments, one attachment, its field). */
export const MAX_BODY_DEPTH = 16;
/**
 * Path and query: what common proxies pass (8 KiB request lines). Node's own limit, 16 KiB for
 * the request line and all headers together, answers 431 beyond.
 */
export const MAX_REQUEST_TARGET_LENGTH = 8 * 1024;
/** Our widest query has about twenty parameters; Node's parser would silently drop those past 1000. */
export const MAX_QUERY_PARAMETERS = 64;
