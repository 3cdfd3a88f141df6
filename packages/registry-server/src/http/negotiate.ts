/** Response media types with Confluent's server-side weights (`Versions.java`), best first. */
export const V1_JSON = 'application/vnd.schemaregistry.v1+json';
const RESPONSE_TYPES: readonly [string, number][] = [
  [V1_JSON, 1],
  ['application/vnd.schemaregistry+json', 0.9],
  ['application/json', 0.5],
];

const REQUEST_TYPES = new Set([
  V1_JSON,
  'application/vnd.schemaregistry+json',
  'application/json',
  'application/octet-stream',
]);

interface Range {
  type: string;
  subtype: string;
  q: number;
}

function parseAccept(header: string): Range[] {
  const ranges: Range[] = [];
  for (const part of header.split(',')) {
    const [media, ...params] = part.split(';');
    const [type, subtype] = (media ?? '').trim().toLowerCase().split('/');
    if (!type || !subtype) continue;
    let q = 1;
    for (const param of params) {
      const [key, value] = param.split('=').map((s) => s.trim());
      if (key?.toLowerCase() === 'q' && value !== undefined) {
        const n = Number(value);
        q = Number.isFinite(n) ? Math.min(1, Math.max(0, n)) : 0;
      }
    }
    ranges.push({ type, subtype, q });
  }
  return ranges;
}

/** q of the most specific range matching `media`, or 0. */
function qualityOf(media: string, ranges: readonly Range[]): number {
  const [type, subtype] = media.split('/') as [string, string];
  let best = -1;
  let q = 0;
  for (const r of ranges) {
    let specificity = -1;
    if (r.type === type && r.subtype === subtype) specificity = 2;
    else if (r.type === type && r.subtype === '*') specificity = 1;
    else if (r.type === '*' && r.subtype === '*') specificity = 0;
    if (specificity > best) {
      best = specificity;
      q = r.q;
    }
  }
  return q;
}

const cache = new Map<string, string | null>();

/** The response type for an `Accept` header, or undefined when none is acceptable (406). */
export function negotiate(accept: string | undefined): string | undefined {
  if (accept === undefined || accept === '' || accept === '*/*') return V1_JSON;
  const hit = cache.get(accept);
  if (hit !== undefined) return hit ?? undefined;
  const ranges = parseAccept(accept);
  let chosen: string | null = null;
  let score = 0;
  if (ranges.length === 0) chosen = V1_JSON;
  for (const [media, weight] of RESPONSE_TYPES) {
    const s = qualityOf(media, ranges) * weight;
    if (s > score) {
      score = s;
      chosen = media;
    }
  }
  if (cache.size > 256) cache.clear();
  cache.set(accept, chosen);
  return chosen ?? undefined;
}

/** Whether a request body of this `Content-Type` is read as JSON (absent counts as octet-stream). */
export function acceptsRequestType(contentType: string | undefined): boolean {
  if (contentType === undefined) return true;
  const media = contentType.split(';')[0]!.trim().toLowerCase();
  return media === '' || REQUEST_TYPES.has(media);
}
