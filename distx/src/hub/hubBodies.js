/** The JSON Schemas of the hub's request bodies, compiled once by ajv; a body that fails is 400 naming the first problem's place. */
import AjvModule from 'ajv';
import { HubRequestError } from '../errors.js';
import { TASK_ACTIONS } from '../records/editTask.js';
const Ajv = AjvModule.default ?? AjvModule;
export const BODY_SCHEMAS = {
    task: {
        type: 'object',
        additionalProperties: false,
        required: ['action'],
        properties: {
            action: { enum: Object.keys(TASK_ACTIONS) },
            note: { type: 'string', minLength: 1, maxLength: 2000 },
        },
    },
    empty: { type: 'object', additionalProperties: false, properties: {} },
};
const ajv = new Ajv({ allErrors: false, strict: true });
const compiled = Object.fromEntries(Object.entries(BODY_SCHEMAS).map(([k, s]) => [k, ajv.compile(s)]));
export function validateBody(name, body) {
    const validate = compiled[name];
    if (validate(body))
        return body;
    const e = validate.errors?.[0];
    const where = e?.instancePath ? `at ${e.instancePath}` : 'the body';
    const extra = e?.params.additionalProperty ? ` ('${String(e.params.additionalProperty)}')` : e?.params.allowedValues ? ` (one of ${e.params.allowedValues.join(', ')})` : '';
    throw new HubRequestError(400, 'invalid-body', `${where}: ${e?.message ?? 'invalid'}${extra}`);
}
//# sourceMappingURL=hubBodies.js.map