// Stand-in for the 'server-only' guard under Vitest: every test runs on the server.
export {};
