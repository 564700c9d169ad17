// Preload (`node --import`): see installClientIpStamp in client-ip.mjs.
import { installClientIpStamp } from './client-ip.mjs';

installClientIpStamp();
