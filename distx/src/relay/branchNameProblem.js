/**
 * Why a name cannot be the branch the relay pushes to, by git's ref rules
 * (`git check-ref-format --branch`), or null when it can. HEAD (and any
 * all-caps *_HEAD) is refused: pushing to refs/heads/HEAD makes a branch
 * that every git command confuses with the symbolic HEAD.
 */
export function branchNameProblem(name) {
    if (name === '')
        return 'it is empty';
    if (name === 'HEAD' || /^[A-Z_]*_HEAD$/.test(name))
        return `'${name}' names git's HEAD, not a branch`;
    if (name.startsWith('-'))
        return 'it starts with -';
    if (name === '@')
        return "it is '@'";
    if (/[\x00-\x20\x7f~^:?*[\\]/.test(name))
        return 'it holds a space, a control character or one of ~ ^ : ? * [ \\';
    if (name.includes('..'))
        return "it holds '..'";
    if (name.includes('@{'))
        return "it holds '@{'";
    if (name.startsWith('/') || name.endsWith('/') || name.includes('//'))
        return 'it has an empty path component';
    if (name.endsWith('.'))
        return 'it ends with .';
    for (const part of name.split('/')) {
        if (part.startsWith('.'))
            return `its component '${part}' starts with .`;
        if (part.endsWith('.lock'))
            return `its component '${part}' ends with .lock`;
    }
    return null;
}
//# sourceMappingURL=branchNameProblem.js.map