export {};
//# sourceMappingURL=hubIo.js.map