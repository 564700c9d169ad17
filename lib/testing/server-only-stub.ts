// Stand-in for the 'server-only' marker so Vitest can import server modules.
export {};
