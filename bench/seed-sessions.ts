/** A few sessions in the Jupyter mock, so the list has something to validate; their ids. */
export async function seedSessions(baseUrl: string, token: string, count: number): Promise<string[]> {
  const ids: string[] = [];
  for (let i = 0; i < count; i++) {
    const res = await fetch(`${baseUrl}/api/sessions`, {
      method: 'POST',
      headers: { authorization: `token ${token}`, 'content-type': 'application/json' },
      body: JSON.stringify({ path: `bench/session-${i}.ipynb`, name: `session-${i}`, type: 'notebook' }),
      signal: AbortSignal.timeout(5_000),
    });
    if (res.status !== 201) throw new Error(`seeding the mock: POST /api/sessions answered ${res.status}`);
    ids.push(((await res.json()) as { id: string }).id);
  }
  return ids;
}
