import { envString } from '../../harness/config/env';
import { COVIU_MOCK_API_KEY, COVIU_MOCK_API_SECRET } from './defaults';
import type { CoviuMockOptions } from './coviu-mock';

/** Access tokens of the mock live 20 s, so a run of the suite shows it renewing them. */
export const COVIU_MOCK_TOKEN_TTL_S = 20;

/** The mock takes the client credentials the suite uses: COVIU_API_KEY/SECRET, or the fixed mock values. */
export function coviuMockOptions(): CoviuMockOptions {
  return {
    apiKey: envString('COVIU_API_KEY') ?? COVIU_MOCK_API_KEY,
    apiSecret: envString('COVIU_API_SECRET') ?? COVIU_MOCK_API_SECRET,
    tokenTtlS: COVIU_MOCK_TOKEN_TTL_S,
  };
}
