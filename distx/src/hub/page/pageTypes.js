export {};
//# sourceMappingURL=pageTypes.js.map