export {};
//# sourceMappingURL=checkResult.js.map