import { spawnSync } from 'node:child_process';
import { dirname } from 'node:path';
import { venvMissing, venvProgram } from '../python/venv';
import type { JupyterImplementation } from './launcher';

/** A venv's programs come first on PATH: a kernelspec may name plain `python` (ipykernel's does). */
function venvEnv(id: string): Record<string, string> {
  return { PATH: `${dirname(venvProgram(id, 'python'))}:${process.env.PATH ?? ''}` };
}

/**
 * Debian's jupyter-server 1.23.3 (apt-get install jupyter-server python3-ipykernel). It reads the token from
 * `--ServerApp.token`. After a failed kernel start (a 501 for an unknown kernel name) its first SIGTERM shuts the
 * kernels down and then fails on the stale kernel id, and the process stays up: the launcher's SIGKILL after a
 * grace ends it.
 */
export const debianJupyterServer: JupyterImplementation = {
  name: 'jupyter-server',
  baseline: 'jupyter-server-1.23.3',
  tokenIn: 'header',
  missing() {
    const probe = spawnSync('jupyter-server', ['--version'], { encoding: 'utf8' });
    return probe.status === 0 ? null : 'jupyter-server is not installed (Debian: apt-get install jupyter-server python3-ipykernel)';
  },
  command: ({ port, token, dirs }) => ({
    program: 'jupyter-server',
    args: [
      '--allow-root', `--ServerApp.token=${token}`, `--ServerApp.port=${port}`, '--ServerApp.port_retries=0',
      '--ServerApp.ip=127.0.0.1', `--ServerApp.root_dir=${dirs.root}`, '--ServerApp.open_browser=False',
    ],
  }),
};

/**
 * jupyter-server 2.21.1 from PyPI. 2.x reads the token from `--IdentityProvider.token`; `--ServerApp.token`
 * still works there but logs "ServerApp.token config is deprecated in 2.0. Use IdentityProvider.token."
 */
export const jupyterServer2: JupyterImplementation = {
  name: 'jupyter-server',
  baseline: 'jupyter-server-2.21.1',
  tokenIn: 'header',
  missing: () => venvMissing('jupyter-server-2.21.1'),
  command: ({ port, token, dirs }) => ({
    program: venvProgram('jupyter-server-2.21.1', 'jupyter-server'),
    args: [
      '--allow-root', `--IdentityProvider.token=${token}`, `--ServerApp.port=${port}`, '--ServerApp.port_retries=0',
      '--ServerApp.ip=127.0.0.1', `--ServerApp.root_dir=${dirs.root}`, '--ServerApp.open_browser=False',
    ],
    env: venvEnv('jupyter-server-2.21.1'),
  }),
};

/**
 * Jupyverse 0.14.18 (FastAPI; fps-kernels serves /api/sessions). Its token mode (fps-auth, `auth.mode=token`)
 * takes the token only as the query parameter `?token=` (then a cookie), never from an `Authorization` header:
 * the suite sends it there (JUPYTER_TOKEN_IN=query). The `lab` plugin is off: it needs a
 * JupyterLab frontend package we do not install, and without one Jupyverse does not start. The kernels'
 * connection files go to TMPDIR (under the workdir). On SIGTERM Jupyverse exits but leaves its kernels running:
 * the launcher ends them.
 */
export const jupyverse: JupyterImplementation = {
  name: 'Jupyverse',
  baseline: 'jupyverse-0.14.18',
  tokenIn: 'query',
  missing: () => venvMissing('jupyverse-0.14.18'),
  command: ({ port, token, dirs }) => ({
    program: venvProgram('jupyverse-0.14.18', 'jupyverse'),
    // Its modules get 1 s each to start by default: on a busy machine that is too little, and it exits.
    args: ['--host', '127.0.0.1', '--port', String(port), '--timeout', '60', '--disable', 'lab', '--set', 'auth.mode=token', '--set', `auth.token=${token}`, '--set', `auth.directory=${dirs.data}`],
    env: venvEnv('jupyverse-0.14.18'),
  }),
};

/**
 * Jupyter Kernel Gateway 3.0.1 in its default `jupyter-websocket` mode, with session and kernel listing on
 * (`GET /api/sessions` answers 403 without it) and the token in `--KernelGatewayApp.auth_token`. Kernels start
 * in its working directory, the run's root.
 */
export const kernelGateway: JupyterImplementation = {
  name: 'Jupyter Kernel Gateway',
  baseline: 'jupyter-kernel-gateway-3.0.1',
  tokenIn: 'header',
  missing: () => venvMissing('jupyter-kernel-gateway-3.0.1'),
  command: ({ port, token }) => ({
    program: venvProgram('jupyter-kernel-gateway-3.0.1', 'jupyter-kernelgateway'),
    args: [
      '--KernelGatewayApp.ip=127.0.0.1', `--KernelGatewayApp.port=${port}`, '--KernelGatewayApp.port_retries=0',
      `--KernelGatewayApp.auth_token=${token}`, '--JupyterWebsocketPersonality.list_kernels=True',
    ],
    env: venvEnv('jupyter-kernel-gateway-3.0.1'),
  }),
};

/**
 * Jupyter Enterprise Gateway 3.3.0 with local kernels only (its default process proxy). Listing is switched on
 * with `--EnterpriseGatewayApp.list_kernels=True`. By default it refuses to start a kernel for the user `root`
 * (`unauthorized_users` = {root}; the user is KERNEL_USERNAME from the request, else the server's own user), and
 * CI runs as root: the set is replaced by a user name nobody has.
 */
export const enterpriseGateway: JupyterImplementation = {
  name: 'Jupyter Enterprise Gateway',
  baseline: 'jupyter-enterprise-gateway-3.3.0',
  tokenIn: 'header',
  missing: () => venvMissing('jupyter-enterprise-gateway-3.3.0'),
  command: ({ port, token }) => ({
    program: venvProgram('jupyter-enterprise-gateway-3.3.0', 'jupyter-enterprisegateway'),
    args: [
      '--EnterpriseGatewayApp.ip=127.0.0.1', `--EnterpriseGatewayApp.port=${port}`, '--EnterpriseGatewayApp.port_retries=0',
      `--EnterpriseGatewayApp.auth_token=${token}`, '--EnterpriseGatewayApp.list_kernels=True',
      '--EnterpriseGatewayApp.unauthorized_users=sc-no-such-user',
    ],
    env: venvEnv('jupyter-enterprise-gateway-3.3.0'),
  }),
};
