'use strict';
/**
 * Preloaded into the Etherpad process (NODE_OPTIONS=--require): refuses every name lookup and connection
 * that is not loopback. Etherpad 1.8.14 asks static.etherpad.org for updates at start; a test target must
 * never send traffic off this machine, so such calls fail here, locally, before any packet leaves.
 */
const dns = require('dns');
const net = require('net');

const LOOPBACK_NAMES = new Set(['localhost', 'localhost.localdomain', 'ip6-localhost', 'ip6-loopback']);
const isLoopbackAddress = (a) => /^127\./.test(a) || a === '::1' || a === '::ffff:127.0.0.1' || /^::ffff:127\./.test(a);
const allowed = (host) => typeof host !== 'string' || host === '' || LOOPBACK_NAMES.has(host.toLowerCase()) || isLoopbackAddress(host);

function refused(host) {
  const e = new Error(`loopback-only: lookup of ${host} refused (the conformance target must not leave this machine)`);
  e.code = 'ENOTFOUND';
  e.hostname = host;
  return e;
}

const originalLookup = dns.lookup;
dns.lookup = function lookup(host, options, callback) {
  const cb = typeof options === 'function' ? options : callback;
  if (!allowed(host)) {
    process.nextTick(() => cb(refused(host)));
    return {};
  }
  return originalLookup.apply(this, arguments);
};
if (dns.promises) {
  const originalPromiseLookup = dns.promises.lookup;
  dns.promises.lookup = function lookup(host, ...rest) {
    if (!allowed(host)) return Promise.reject(refused(host));
    return originalPromiseLookup.call(this, host, ...rest);
  };
}

const originalConnect = net.Socket.prototype.connect;
net.Socket.prototype.connect = function connect(...args) {
  const first = args[0];
  const opts = Array.isArray(first) ? first[0] : first;
  const host = typeof opts === 'object' && opts !== null ? opts.host : typeof args[1] === 'string' ? args[1] : undefined;
  const path = typeof opts === 'object' && opts !== null ? opts.path : typeof first === 'string' && Number.isNaN(Number(first)) ? first : undefined;
  if (path === undefined && host !== undefined && !allowed(host) && net.isIP(host)) {
    const e = refused(host);
    process.nextTick(() => this.destroy(e));
    return this;
  }
  return originalConnect.apply(this, args);
};
