export {};
//# sourceMappingURL=boardInput.js.map