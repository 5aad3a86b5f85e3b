export {};
//# sourceMappingURL=memo.js.map