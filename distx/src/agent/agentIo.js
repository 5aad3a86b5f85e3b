export {};
//# sourceMappingURL=agentIo.js.map