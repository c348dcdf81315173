import { envString } from '../../harness/config/env';
import { defineMock } from '../core/define-mock';
import { WEBIDA_MOCK_TOKEN } from './defaults';
import { webidaFaults } from './faults';
import { webidaMock } from './webida-mock';

export const mock = defineMock({
  name: 'webida',
  faults: webidaFaults,
  create: () => webidaMock({ token: envString('WEBIDA_TOKEN') ?? WEBIDA_MOCK_TOKEN }),
});
