import { etherpadMock } from './etherpad-mock';
import { ETHERPAD_MOCK_API_KEY, MOCK_API_ROOT } from './defaults';
import type { RecordedExchange } from '../core/recording-mock';
import { call, seeded, startMock, type SafetyTarget, type SafetyDeclaration } from '../core/safety-target';

interface Envelope {
  code?: number;
  data?: Record<string, unknown> | null;
}

/** An id the target handed out in a successful answer of `fn` (`data[field]`), or undefined. */
function handedOut(e: RecordedExchange, fn: string, field: string): string | undefined {
  if (e.path !== `${MOCK_API_ROOT}/${fn}`) return undefined;
  const a = e.answer as Envelope | undefined;
  const id = a?.code === 0 ? a.data?.[field] : undefined;
  return typeof id === 'string' ? id : undefined;
}

/**
 * Etherpad: a foreign group, author and session. The API cannot list groups, so the run's groups and sessions are
 * the ids the target handed out to it, read back one by one. Authors cannot be deleted through the API.
 */
export async function etherpadTarget(faults: string): Promise<SafetyTarget> {
  const mock = await startMock(etherpadMock({ apiKey: ETHERPAD_MOCK_API_KEY }), faults);
  const api = `${mock.url}${MOCK_API_ROOT}`;
  const fn = async (name: string, params: Record<string, string> = {}) =>
    call(`${api}/${name}?${new URLSearchParams({ apikey: ETHERPAD_MOCK_API_KEY, ...params }).toString()}`);
  const foreign = { groupID: '', authorID: '', sessionID: '' };
  const idsOf = (name: string, field: string) => mock.runExchanges().flatMap((e) => handedOut(e, name, field) ?? []);

  const target: SafetyTarget = {
    provider: 'etherpad',
    recording: mock.recording,
    env: { ETHERPAD_BASE_URL: api, ETHERPAD_API_KEY: ETHERPAD_MOCK_API_KEY, ETHERPAD_BASELINE: '' },
    async seedForeign() {
      const group = await fn('createGroup');
      foreign.groupID = seeded('createGroup', group, (group.json as Envelope).data?.groupID as string | undefined);
      const author = await fn('createAuthor', { name: 'Someone Else' });
      foreign.authorID = seeded('createAuthor', author, (author.json as Envelope).data?.authorID as string | undefined);
      const validUntil = String(Math.floor(Date.now() / 1000) + 24 * 3600);
      const session = await fn('createSession', { groupID: foreign.groupID, authorID: foreign.authorID, validUntil });
      foreign.sessionID = seeded('createSession', session, (session.json as Envelope).data?.sessionID as string | undefined);
      mock.markSeeded();
      return this.readForeign();
    },
    readForeign: async () => ({
      session: (await fn('getSessionInfo', { sessionID: foreign.sessionID })).json,
      ofGroup: (await fn('listSessionsOfGroup', { groupID: foreign.groupID })).json,
      ofAuthor: (await fn('listSessionsOfAuthor', { authorID: foreign.authorID })).json,
    }),
    async leftovers() {
      const left: string[] = [];
      for (const groupID of idsOf('createGroup', 'groupID')) {
        const a = (await fn('listSessionsOfGroup', { groupID })).json as Envelope;
        if (a.code === 0) left.push(`group ${groupID} (${Object.keys(a.data ?? {}).length} sessions)`);
      }
      for (const sessionID of idsOf('createSession', 'sessionID')) {
        const a = (await fn('getSessionInfo', { sessionID })).json as Envelope;
        if (a.code === 0) left.push(`session ${sessionID}`);
      }
      return left;
    },
    undeletable: async () => {
      const authors = idsOf('createAuthor', 'authorID').length;
      return authors ? [`${authors} authors (Etherpad's API has no deleteAuthor)`] : [];
    },
    holdsData: (e) => handedOut(e, 'createSession', 'sessionID') !== undefined,
    close: () => mock.close(),
  };
  return target;
}

/** The production-safety self-proof of this mock (tests/self-proof/production-safety.spec.ts). */
export const safety: SafetyDeclaration = {
  start: etherpadTarget,
  failingFaults: ['delete-answers-record', 'unknown-author-accepted'],
  interruptAfter: 10,
};
