/**
 * The Python half of the source linter, run with the server's own interpreter (`python -c`), so
 * it parses the project's syntax with the project's Python. Standard library only (`ast`). It
 * prints one JSON array of findings: {rule, line, col, message}.
 */
export const PYTHON_LINT_SCRIPT = String.raw`
import ast, json, re, sys

path = sys.argv[1]
with open(path, encoding="utf-8") as f:
    source = f.read()
try:
    tree = ast.parse(source, filename=path)
except SyntaxError as e:
    print(json.dumps({"syntaxError": "%s (line %s)" % (e.msg, e.lineno)}))
    sys.exit(0)

SECRET_NAME = re.compile(r"(api[_-]?key|secret|token|password|passwd|private[_-]?key|access[_-]?key)", re.I)
SECRET_VALUE = re.compile(r"^(sk-[A-Za-z0-9_-]{16,}|AKIA[0-9A-Z]{16}|gh[pousr]_[A-Za-z0-9]{30,}|xox[baprs]-[A-Za-z0-9-]{10,}|AIza[0-9A-Za-z_-]{35}|-----BEGIN [A-Z ]*PRIVATE KEY-----.*)$", re.S)
PLACEHOLDER = re.compile(r"^(|x+|\*+|changeme|change-me|your[-_ ].*|<.*>|\$\{.*\}|test|dummy|example.*|none|null)$", re.I)
BLOCKING = {
    "time.sleep": "time.sleep (use await asyncio.sleep)",
    "requests.get": "requests (use httpx.AsyncClient)", "requests.post": "requests (use httpx.AsyncClient)",
    "requests.put": "requests (use httpx.AsyncClient)", "requests.delete": "requests (use httpx.AsyncClient)",
    "requests.patch": "requests (use httpx.AsyncClient)", "requests.head": "requests (use httpx.AsyncClient)",
    "requests.request": "requests (use httpx.AsyncClient)",
    "httpx.get": "httpx.get (use httpx.AsyncClient)", "httpx.post": "httpx.post (use httpx.AsyncClient)",
    "urllib.request.urlopen": "urllib.request.urlopen (use httpx.AsyncClient)",
    "subprocess.run": "subprocess.run (use asyncio.create_subprocess_exec)",
    "subprocess.call": "subprocess.call (use asyncio.create_subprocess_exec)",
    "subprocess.check_call": "subprocess.check_call (use asyncio.create_subprocess_exec)",
    "subprocess.check_output": "subprocess.check_output (use asyncio.create_subprocess_exec)",
    "os.system": "os.system", "socket.create_connection": "socket.create_connection",
}
TOOL_DECORATORS = {"tool", "resource", "prompt"}
# Context methods that use what the 2026-07-28 revision deprecates (its Deprecated Features registry).
DEPRECATED_CTX = {"sample": "sampling", "list_roots": "roots", "log": "logging", "debug": "logging", "info": "logging", "warning": "logging", "error": "logging"}

aliases = {}
for node in ast.walk(tree):
    if isinstance(node, ast.Import):
        for a in node.names:
            aliases[a.asname or a.name.split(".")[0]] = a.name if a.asname else a.name.split(".")[0]
    elif isinstance(node, ast.ImportFrom) and node.module:
        for a in node.names:
            aliases[a.asname or a.name] = node.module + "." + a.name

def dotted(node):
    parts = []
    while isinstance(node, ast.Attribute):
        parts.append(node.attr)
        node = node.value
    if isinstance(node, ast.Name):
        parts.append(aliases.get(node.id, node.id))
        return ".".join(reversed(parts))
    return None

findings = []
def add(rule, node, message, **extra):
    findings.append({"rule": rule, "line": getattr(node, "lineno", 1), "col": getattr(node, "col_offset", 0) + 1, "message": message, **extra})

def context_params(node):
    """The parameters of a function that are the FastMCP Context (annotated Context, or named ctx/context)."""
    names = set()
    for a in node.args.args + node.args.kwonlyargs:
        ann = dotted(a.annotation) if a.annotation is not None else None
        if a.arg in ("ctx", "context") or (ann and ann.split(".")[-1] == "Context"):
            names.add(a.arg)
    return names

def is_tool_decorator(d):
    target = d.func if isinstance(d, ast.Call) else d
    return isinstance(target, ast.Attribute) and target.attr in TOOL_DECORATORS

def decorator_has_description(d):
    return isinstance(d, ast.Call) and any(k.arg == "description" for k in d.keywords)

class Visitor(ast.NodeVisitor):
    def __init__(self):
        self.async_stack = []
        self.ctx_stack = []
        # Literals already reported by name (API_KEY = "sk-..."): not reported again by their look.
        self.secret_nodes = set()

    def visit_FunctionDef(self, node, is_async=False):
        decs = [d for d in node.decorator_list if is_tool_decorator(d)]
        if decs:
            kind = (decs[0].func if isinstance(decs[0], ast.Call) else decs[0]).attr
            if ast.get_docstring(node) is None and not any(decorator_has_description(d) for d in decs):
                add("missing-docstring", node, "%s function %s() has no docstring (FastMCP uses it as the description)" % (kind, node.name))
            missing = [a.arg for a in node.args.args + node.args.kwonlyargs if a.annotation is None and a.arg not in ("self", "cls", "ctx", "context")]
            if missing:
                add("missing-annotation", node, "%s function %s() has parameters without type annotations: %s" % (kind, node.name, ", ".join(missing)))
            elif node.returns is None:
                add("missing-annotation", node, "%s function %s() has no return annotation" % (kind, node.name))
        self.async_stack.append(is_async)
        self.ctx_stack.append(context_params(node))
        self.generic_visit(node)
        self.ctx_stack.pop()
        self.async_stack.pop()

    def visit_AsyncFunctionDef(self, node):
        self.visit_FunctionDef(node, True)

    def visit_Lambda(self, node):
        self.async_stack.append(False)
        self.generic_visit(node)
        self.async_stack.pop()

    def visit_Call(self, node):
        name = dotted(node.func)
        if name in ("eval", "exec", "builtins.eval", "builtins.exec"):
            add("dangerous-call", node, "%s() runs arbitrary code" % name.split(".")[-1])
        elif name in ("os.system", "os.popen"):
            add("dangerous-call", node, "%s() runs a shell command" % name)
        elif name and name.startswith("subprocess.") and any(k.arg == "shell" and isinstance(k.value, ast.Constant) and k.value.value is True for k in node.keywords):
            add("dangerous-call", node, "%s(..., shell=True) runs its input through a shell" % name)
        if self.async_stack and self.async_stack[-1] and name in BLOCKING:
            add("blocking-in-async", node, "blocking %s inside async def" % BLOCKING[name])
        f = node.func
        if isinstance(f, ast.Attribute) and f.attr in DEPRECATED_CTX and isinstance(f.value, ast.Name) and self.ctx_stack and f.value.id in self.ctx_stack[-1]:
            add("deprecated-feature", node, "%s.%s() in the source" % (f.value.id, f.attr), feature=DEPRECATED_CTX[f.attr])
        if name == "print" and not any(k.arg == "file" for k in node.keywords):
            add("print-to-stdout", node, "print() writes to stdout, which carries the protocol over stdio (use file=sys.stderr or logging)")
        for k in node.keywords:
            if k.arg and SECRET_NAME.search(k.arg) and self.secret_literal(k.value):
                add("hardcoded-secret", k.value, "%s= is given a literal secret" % k.arg)
                self.secret_nodes.add(id(k.value))
        self.generic_visit(node)

    def secret_literal(self, v):
        return isinstance(v, ast.Constant) and isinstance(v.value, str) and len(v.value) >= 8 and " " not in v.value.strip() and not PLACEHOLDER.match(v.value.strip())

    def visit_Assign(self, node):
        for t in node.targets:
            if isinstance(t, ast.Name) and SECRET_NAME.search(t.id) and self.secret_literal(node.value):
                add("hardcoded-secret", node, "%s is assigned a literal secret: read it from the environment" % t.id)
                self.secret_nodes.add(id(node.value))
        self.generic_visit(node)

    def visit_AnnAssign(self, node):
        if isinstance(node.target, ast.Name) and SECRET_NAME.search(node.target.id) and node.value is not None and self.secret_literal(node.value):
            add("hardcoded-secret", node, "%s is assigned a literal secret: read it from the environment" % node.target.id)
            self.secret_nodes.add(id(node.value))
        self.generic_visit(node)

    def visit_Constant(self, node):
        if id(node) not in self.secret_nodes and isinstance(node.value, str) and SECRET_VALUE.match(node.value.strip()):
            add("hardcoded-secret", node, "a string that looks like an API key or private key")

Visitor().visit(tree)
seen = set()
unique = []
for f in findings:
    key = (f["rule"], f["line"], f["message"])
    if key not in seen:
        seen.add(key)
        unique.append(f)
print(json.dumps(unique))
`;
