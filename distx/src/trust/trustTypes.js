export {};
//# sourceMappingURL=trustTypes.js.map