import { HubRequestError } from '../errors.js';
export async function readJsonBody(req, limit) {
    const declared = Number(req.headers['content-length'] ?? NaN);
    if (declared > limit)
        throw tooLarge(limit);
    const chunks = [];
    let size = 0;
    for await (const chunk of req) {
        size += chunk.length;
        if (size > limit)
            throw tooLarge(limit);
        chunks.push(chunk);
    }
    const text = Buffer.concat(chunks).toString('utf8');
    if (text.trim() === '')
        return {};
    try {
        return JSON.parse(text);
    }
    catch (e) {
        throw new HubRequestError(400, 'invalid-json', `the body is not JSON: ${e.message}`);
    }
}
function tooLarge(limit) {
    return new HubRequestError(413, 'body-too-large', `the body is larger than ${limit} bytes`);
}
//# sourceMappingURL=readJsonBody.js.map