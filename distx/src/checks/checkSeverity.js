export function checkSeverity(severity, status) {
    return status === 'fail' && severity === 'warning' ? 'warning' : 'error';
}
//# sourceMappingURL=checkSeverity.js.map