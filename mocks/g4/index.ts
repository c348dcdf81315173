import { defineMock } from '../core/define-mock';
import { g4Faults } from './faults';
import { g4Mock } from './g4-mock';
import { g4MockOptions } from './options';

export const mock = defineMock({ name: 'g4', faults: g4Faults, create: () => g4Mock(g4MockOptions()) });
