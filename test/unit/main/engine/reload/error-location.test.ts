import { expect, it } from 'vitest';
import { errorLocation } from '../../../../../src-main/engine/reload/error-location';

it("finds the line a Python syntax error names in the server's own file, not in the venv", () => {
  const tail = [
    'Traceback (most recent call last):',
    '  File "/proj/.venv/lib/python3.11/site-packages/fastmcp/x.py", line 10, in run',
    '  File "/proj/server.py", line 42',
    '    async def greet((',
    '                   ^',
    'SyntaxError: invalid syntax',
  ];
  expect(errorLocation(tail, '/proj')).toEqual({ abs: '/proj/server.py', line: 42 });
});

it('takes the innermost frame of a Python traceback inside the project', () => {
  const tail = [
    'Traceback (most recent call last):',
    '  File "/proj/server.py", line 3, in <module>',
    '    import tools',
    '  File "/proj/tools.py", line 7, in <module>',
    "NameError: name 'x' is not defined",
  ];
  expect(errorLocation(tail, '/proj')).toEqual({ abs: '/proj/tools.py', line: 7 });
});

it('reads Node and tsx locations (file URLs and paths), skipping node_modules', () => {
  expect(
    errorLocation(['file:///proj/node_modules/tsx/dist/x.mjs:1', '/proj/src/server.ts:12:5: ERROR: Expected ")" but found ","'], '/proj'),
  ).toEqual({ abs: '/proj/src/server.ts', line: 12 });
  expect(
    errorLocation(
      ['TypeError: boom', '    at createServer (file:///proj/src/server.ts:30:11)', '    at file:///proj/src/main.ts:4:16'],
      '/proj',
    ),
  ).toEqual({ abs: '/proj/src/server.ts', line: 30 });
  expect(errorLocation(['something unrelated'], '/proj')).toBeUndefined();
});
