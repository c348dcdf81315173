/** Headers and query parameters that carry credentials, whatever their value. */
const SECRET_HEADERS = new Set(['authorization', 'cookie', 'set-cookie', 'x-api-key', 'apikey', 'proxy-authorization']);
const SECRET_PARAMS = new Set(['apikey', 'api_key', 'token', 'access_token', 'refresh_token', 'password', 'client_secret']);
export const REDACTED = '«redacted»';
const FIELDS = [...SECRET_PARAMS].join('|');
/** A JSON key or form field named like a credential, or a JSON escape: what `body` must look at closely. */
const CREDENTIAL_FIELD = new RegExp(`"(?:${FIELDS})"\\s*:|\\\\u|(?:^|&)(?:${FIELDS})=`, 'i');

/**
 * Replaces secrets before anything is written: known secret values anywhere in a text, credential headers
 * and credential query or form parameters. Secrets shorter than 4 characters are not searched for in free
 * text (they would blank out ordinary words), but are still caught by header and parameter names.
 */
export class Redactor {
  private readonly secrets: string[];

  constructor(secrets: readonly (string | undefined)[]) {
    this.secrets = [...new Set(secrets.filter((s): s is string => typeof s === 'string' && s.length >= 4))]
      .flatMap((s) => [s, encodeURIComponent(s), Buffer.from(s).toString('base64')])
      .sort((a, b) => b.length - a.length);
  }

  text(s: string): string {
    let out = s;
    for (const secret of this.secrets) out = out.split(secret).join(REDACTED);
    return out;
  }

  url(u: string): string {
    try {
      const url = new URL(u);
      if (url.password) url.password = 'redacted';
      for (const key of [...url.searchParams.keys()]) {
        if (SECRET_PARAMS.has(key.toLowerCase())) url.searchParams.set(key, REDACTED);
      }
      return this.text(url.toString());
    } catch {
      return this.text(u);
    }
  }

  headers(h: Record<string, string>): Record<string, string> {
    return Object.fromEntries(
      Object.entries(h).map(([k, v]) => [k, SECRET_HEADERS.has(k.toLowerCase()) ? REDACTED : this.text(v)]),
    );
  }

  /** Bodies: JSON or form fields named like credentials are blanked, then secret values anywhere. */
  body(body: string | undefined): string | undefined {
    if (body === undefined) return undefined;
    // Parsing and re-serialising every body is the costliest step of a request: only a body that can hold a
    // credential field (or a JSON escape that could hide one) is scrubbed field by field.
    if (!CREDENTIAL_FIELD.test(body)) return this.text(body);
    let out = body;
    try {
      out = JSON.stringify(this.scrubJson(JSON.parse(body)));
    } catch {
      if (/^[\w.%-]+=/.test(body)) {
        const form = new URLSearchParams(body);
        for (const key of [...form.keys()]) if (SECRET_PARAMS.has(key.toLowerCase())) form.set(key, REDACTED);
        out = form.toString();
      }
    }
    return this.text(out);
  }

  private scrubJson(v: unknown): unknown {
    if (Array.isArray(v)) return v.map((x) => this.scrubJson(x));
    if (typeof v !== 'object' || v === null) return v;
    return Object.fromEntries(
      Object.entries(v).map(([k, x]) => [k, SECRET_PARAMS.has(k.toLowerCase()) ? REDACTED : this.scrubJson(x)]),
    );
  }
}
