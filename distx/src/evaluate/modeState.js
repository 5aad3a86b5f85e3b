export {};
//# sourceMappingURL=modeState.js.map