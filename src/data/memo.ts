/** `fn`, remembering its last result: called again only for other arguments (compared by identity). */
export function memoLast<A extends unknown[], R>(fn: (...args: A) => R): (...args: A) => R {
  let last: { args: A; result: R } | null = null;
  return (...args: A) => {
    if (last && last.args.length === args.length && last.args.every((arg, i) => arg === args[i])) return last.result;
    const result = fn(...args);
    last = { args, result };
    return result;
  };
}
