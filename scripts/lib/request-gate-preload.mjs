// Preload (`node --import`): see installRequestGate in request-gate.mjs.
import { installRequestGate } from './request-gate.mjs';

installRequestGate();
