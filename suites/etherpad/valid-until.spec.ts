import { HarnessError, type RuleRecorder } from '../../harness/rules/recorder';
import { FORMS, listedIds, type CallOptions, type EtherpadApi, type Form, type World } from './etherpad-api';
import { expect, rules, test } from './fixtures';
import { newWorld } from './steps';

type Check = RuleRecorder['check'];

/** One way of sending a validUntil: its value and, for POST, where it goes. */
interface Attempt {
  readonly label: string;
  readonly validUntil: string | number | undefined;
  readonly options?: CallOptions;
}

/**
 * Sends each attempt to createSession and checks that the rule refuses it with code 1; then checks that
 * the refused ones left no session behind (sessions the target accepted anyway are its own failure).
 */
async function expectRefused(etherpad: EtherpadApi, check: Check, form: Form, world: World, rule: string, attempts: readonly Attempt[]): Promise<void> {
  const accepted: string[] = [];
  for (const attempt of attempts) {
    const a = await etherpad.call('createSession', form, { ...world, validUntil: attempt.validUntil }, attempt.options);
    const sessionID = (a.data as { sessionID?: unknown } | null)?.sessionID;
    if (a.code === 0 && typeof sessionID === 'string') accepted.push(sessionID);
    await check(rule, () => {
      expect(a.code, `createSession (${form}) with validUntil ${attempt.label}: ${JSON.stringify(a.message)}`).toBe(1);
    });
  }
  const listed = await etherpad.call('listSessionsOfGroup', 'GET', { groupID: world.groupID });
  await check('etherpad.refused-create-leaves-nothing', () => {
    expect(listed.code, 'listSessionsOfGroup of the test\'s group').toBe(0);
    expect(listedIds(listed.data), 'sessions of the group after refused creates').toEqual(accepted.sort());
  });
}

/** The POST placements a value can take: the query as the seed declares it, and both body forms. */
function placements(form: Form): readonly { name: string; options: CallOptions }[] {
  return form === 'GET'
    ? [{ name: 'query', options: {} }]
    : [{ name: 'query', options: { placement: 'query' } }, { name: 'form body', options: { placement: 'form' } }, { name: 'JSON body', options: { placement: 'json' } }];
}

for (const form of FORMS) {
  test.describe(`Etherpad createSession validUntil by ${form}`, () => {
    test(`a validUntil in the past is refused (${form})`, rules('etherpad.valid-until-past-refused', 'etherpad.refused-create-leaves-nothing'), async ({ etherpad, check }) => {
      const world = await newWorld(etherpad, 'past');
      await expectRefused(etherpad, check, form, world, 'etherpad.valid-until-past-refused', [
        { label: 'an hour ago', validUntil: etherpad.validUntilIn(-3600) },
        { label: '1 (1970)', validUntil: 1 },
      ]);
    });

    test(`a validUntil that is not a number is refused (${form})`, rules('etherpad.valid-until-non-numeric-refused', 'etherpad.refused-create-leaves-nothing'), async ({ etherpad, check }) => {
      const world = await newWorld(etherpad, 'non-numeric');
      await expectRefused(etherpad, check, form, world, 'etherpad.valid-until-non-numeric-refused', [
        { label: '"abc"', validUntil: 'abc' },
        { label: '"" (empty)', validUntil: '' },
        { label: 'missing', validUntil: undefined },
      ]);
    });

    test(`a validUntil of digits followed by junk is refused (${form})`, rules('etherpad.valid-until-trailing-junk-refused', 'etherpad.refused-create-leaves-nothing'), async ({ etherpad, check }) => {
      const world = await newWorld(etherpad, 'trailing-junk');
      const future = etherpad.validUntilIn();
      await expectRefused(etherpad, check, form, world, 'etherpad.valid-until-trailing-junk-refused', placements(form).map((p) => ({
        label: `"${future}abc" in the ${p.name}`, validUntil: `${future}abc`, options: p.options,
      })));
    });

    test(`a negative validUntil is refused (${form})`, rules('etherpad.valid-until-negative-refused', 'etherpad.refused-create-leaves-nothing'), async ({ etherpad, check }) => {
      const world = await newWorld(etherpad, 'negative');
      await expectRefused(etherpad, check, form, world, 'etherpad.valid-until-negative-refused', [
        { label: '-5', validUntil: '-5' },
        { label: `-${etherpad.validUntilIn()}`, validUntil: `-${etherpad.validUntilIn()}` },
      ]);
    });

    test(`a fractional validUntil is refused (${form})`, rules('etherpad.valid-until-fractional-refused', 'etherpad.refused-create-leaves-nothing'), async ({ etherpad, check }) => {
      const world = await newWorld(etherpad, 'fractional');
      const future = etherpad.validUntilIn();
      const attempts: Attempt[] = placements(form).map((p) => ({ label: `"${future}.5" in the ${p.name}`, validUntil: `${future}.5`, options: p.options }));
      if (form === 'POST') attempts.push({ label: `${future}.5 as a JSON number`, validUntil: future + 0.5, options: { placement: 'json' } });
      await expectRefused(etherpad, check, form, world, 'etherpad.valid-until-fractional-refused', attempts);
    });

    test(`validUntil is read as unix seconds around the target's now (${form})`, rules('etherpad.valid-until-unix-seconds'), async ({ etherpad, check, settings }) => {
      const world = await newWorld(etherpad, 'unix-seconds');
      const margin = settings.timeMarginS;
      // The target's clock comes from its Date headers (±1 s plus half a round trip): the margin must cover that.
      if (etherpad.clock.uncertaintyMs >= (margin - 1) * 1000) {
        throw new HarnessError(`the target clock is known to ±${etherpad.clock.uncertaintyMs} ms only; raise ETHERPAD_TIME_MARGIN_S above ${margin}`);
      }
      const ahead = await etherpad.call('createSession', form, { ...world, validUntil: etherpad.validUntilIn(margin) });
      const behind = await etherpad.call('createSession', form, { ...world, validUntil: etherpad.validUntilIn(-margin) });
      await check('etherpad.valid-until-unix-seconds', () => {
        expect(ahead.code, `validUntil ${margin} s after the target's now: ${JSON.stringify(ahead.message)}`).toBe(0);
        expect(behind.code, `validUntil ${margin} s before the target's now: ${JSON.stringify(behind.message)}`).toBe(1);
      });
    });
  });
}
