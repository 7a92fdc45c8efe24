// An in-process ApiClient over a Backend, validating each call as a host does (validateCall):
// the CLI and the tests use it. Results are passed through JSON, as every transport does, so a
// result that would not survive IPC or HTTP (a Date, a Map, undefined in an array) shows up here.
import { ApiCallError, validateCall, type ApiClient, type Backend, type MethodName } from '../../api/contract';

export function localClient(backend: Backend): ApiClient {
  return {
    async call(method, args) {
      const v = validateCall(method, args);
      if (!v.ok) throw new ApiCallError(v.error);
      try {
        const result = await (backend.api[v.method as MethodName] as (a: unknown) => Promise<unknown>)(v.args);
        return JSON.parse(JSON.stringify(result ?? null));
      } catch (e) {
        if (e instanceof ApiCallError) throw e;
        throw new ApiCallError({ code: 'failed', message: `interne fout bij ${method}: ${(e as Error).message}` });
      }
    },
    on: (event, listener) => backend.on(event, listener),
  };
}
