import { envString } from '../../harness/config/env';
import { defineMock } from '../core/define-mock';
import { ETHERPAD_MOCK_API_KEY } from './defaults';
import { etherpadMock } from './etherpad-mock';
import { etherpadFaults } from './faults';

export const mock = defineMock({
  name: 'etherpad',
  faults: etherpadFaults,
  create: () => etherpadMock({ apiKey: envString('ETHERPAD_API_KEY') ?? ETHERPAD_MOCK_API_KEY }),
});
