// @camkit/node-runner: the camkit CLI as a library (the `camkit` bin is the usual entry).
export { type BackendChoice, type BackendSelection, selectBackend } from './backend/select-backend.js';
export { buildProgram, main } from './cli.js';
