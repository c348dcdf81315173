import { envString } from '../../harness/config/env';
import { defineMock } from '../core/define-mock';
import { JUPYTER_MOCK_TOKEN } from './defaults';
import { jupyterFaults } from './faults';
import { jupyterMock } from './jupyter-mock';

export const mock = defineMock({
  name: 'jupyter',
  faults: jupyterFaults,
  create: () => jupyterMock({ token: envString('JUPYTER_TOKEN') ?? JUPYTER_MOCK_TOKEN }),
});
