export {};
//# sourceMappingURL=hubInput.js.map