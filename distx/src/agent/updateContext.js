export {};
//# sourceMappingURL=updateContext.js.map