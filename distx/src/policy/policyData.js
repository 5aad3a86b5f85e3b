export {};
//# sourceMappingURL=policyData.js.map