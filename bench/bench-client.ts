import { jupyterContract } from '../contracts/jupyter';
import { ContractClient } from '../harness/http/contract-client';
import { Redactor } from '../harness/http/redact';
import { Transcript } from '../harness/http/transcript';
import { UndiciTransport } from '../harness/http/transport';
import { NO_BASELINE } from '../harness/rules/baseline';
import { RuleRecorder } from '../harness/rules/recorder';
import { tokenCredentials } from '../suites/jupyter/jupyter-api';

/** The fixtures' defaults (CONFORMANCE_REQUEST_TIMEOUT_MS, CONFORMANCE_MAX_RESPONSE_BYTES). */
const TIMEOUT_MS = 10_000;
const MAX_RESPONSE_BYTES = 10 * 1024 * 1024;

export interface BenchClient {
  readonly client: ContractClient;
  readonly transport: UndiciTransport;
  readonly transcript: Transcript;
  readonly rules: RuleRecorder;
}

/**
 * The checking Jupyter client exactly as harness/fixtures/conformance.ts builds it for a test: keep-alive undici
 * transport, schema validation, a redacting transcript and a rule recorder (no baseline).
 */
export function benchClient(baseUrl: string, token: string): BenchClient {
  const transport = new UndiciTransport(MAX_RESPONSE_BYTES);
  const transcript = new Transcript(new Redactor([token]));
  const rules = new RuleRecorder(jupyterContract.catalogue, NO_BASELINE);
  const client = new ContractClient(
    transport,
    jupyterContract.openapi,
    { baseUrl, credentials: tokenCredentials(token), timeoutMs: TIMEOUT_MS },
    transcript,
    rules,
    jupyterContract.responseRules,
  );
  return { client, transport, transcript, rules };
}
