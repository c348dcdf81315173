import { expect, test } from '@playwright/test';
import { REDACTED, Redactor } from '../../harness/http/redact';
import { Transcript, formatExchanges } from '../../harness/http/transcript';

const SECRET = 'S3cr3t-Value-42';
const r = new Redactor([SECRET, 'ab', undefined]);

test.describe('redaction', () => {
  test('credential headers are blanked whatever their value', () => {
    expect(r.headers({ Authorization: 'token anything', 'set-cookie': 'sid=1', accept: 'x' })).toEqual({
      Authorization: REDACTED, 'set-cookie': REDACTED, accept: 'x',
    });
  });

  test('credential query parameters are blanked', () => {
    const url = r.url('http://h/api/1.2.15/createGroup?apikey=zzz&name=a');
    expect(url).not.toContain('zzz');
    expect(url).toContain('name=a');
  });

  test('a secret value is found anywhere: plain, URL-encoded and base64', () => {
    const b64 = Buffer.from(SECRET).toString('base64');
    const text = r.text(`x ${SECRET} y ${encodeURIComponent(SECRET)} z ${b64}`);
    expect(text).not.toContain(SECRET);
    expect(text).not.toContain(b64);
  });

  test('JSON and form bodies lose credential fields', () => {
    expect(r.body('{"password":"p","user":"u"}')).toBe(`{"password":"${REDACTED}","user":"u"}`);
    expect(r.body('grant_type=client_credentials&client_secret=zz')).not.toContain('zz');
  });

  test('short secrets do not blank ordinary words', () => {
    expect(r.text('tab about')).toBe('tab about');
  });

  test('a transcript never holds the secret, even in an error', () => {
    const t = new Transcript(r);
    t.record({ method: 'GET', url: `http://h/x?token=${SECRET}`, requestHeaders: { authorization: `token ${SECRET}` }, durationMs: 1, error: `failed with ${SECRET}` });
    expect(formatExchanges(t.all())).not.toContain(SECRET);
  });
});
