import { defineMock } from '../core/define-mock';
import { coviuMock } from './coviu-mock';
import { coviuFaults } from './faults';
import { coviuMockOptions } from './options';

export const mock = defineMock({ name: 'coviu', faults: coviuFaults, create: () => coviuMock(coviuMockOptions()) });
