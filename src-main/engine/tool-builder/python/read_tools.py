"""Read the FastMCP tools of a Python source file into MCP Lab's tool-builder model.

    python read_tools.py <file.py>      -> one JSON object on stdout

Run with the project's own interpreter; uses only the standard library (ast), and never imports
or runs the file. A tool that does not fit the model is listed under "unreadable" with the reason,
and the builder leaves it alone.
"""

import ast
import json
import sys

PRIMITIVES = {"str": "string", "int": "integer", "float": "number", "bool": "boolean"}
FORMATS = {"datetime": "date-time", "date": "date", "UUID": "uuid", "AnyUrl": "uri"}
FIELD_KEYS = {"description", "min_length", "max_length", "pattern", "ge", "le", "default"}
HINTS = ["readOnlyHint", "destructiveHint", "idempotentHint", "openWorldHint"]
SNAKE_HINTS = {"read_only_hint": "readOnlyHint", "destructive_hint": "destructiveHint", "idempotent_hint": "idempotentHint", "open_world_hint": "openWorldHint"}


class Unreadable(Exception):
    pass


def dotted(node):
    if isinstance(node, ast.Name):
        return node.id
    if isinstance(node, ast.Attribute):
        base = dotted(node.value)
        return f"{base}.{node.attr}" if base else None
    return None


def last_name(node):
    d = dotted(node)
    return d.rsplit(".", 1)[-1] if d else None


def literal(node, what):
    try:
        return ast.literal_eval(node)
    except Exception:
        raise Unreadable(f"{what} is not a plain literal")


def number(node, what):
    v = literal(node, what)
    if isinstance(v, bool) or not isinstance(v, (int, float)):
        raise Unreadable(f"{what} is not a number")
    return v


class Reader:
    def __init__(self, source):
        self.source = source
        self.lines = source.split("\n")
        self.tree = ast.parse(source)
        self.classes = {n.name: n for n in self.tree.body if isinstance(n, ast.ClassDef)}
        # Module-level aliases such as `Category = Literal["a", "b"]`.
        self.aliases = {
            t.id: n.value
            for n in self.tree.body
            if isinstance(n, ast.Assign) and isinstance(n.value, ast.Subscript)
            for t in n.targets
            if isinstance(t, ast.Name)
        }
        self.roles = {}

    def segment(self, node):
        return ast.get_source_segment(self.source, node) or ""

    def is_model_class(self, name):
        c = self.classes.get(name)
        return c is not None and any(last_name(b) == "BaseModel" for b in c.bases)

    # ---- types -------------------------------------------------------------------------------
    def param(self, name, ann, default_node, used, role):
        """A ParamModel from an annotation (and the default, if any)."""
        p = {"name": name, "description": "", "required": True}
        optional = False
        field = None
        ann, field = self.unwrap_annotated(ann)
        ann, optional = self.unwrap_optional(ann)
        ann2, field2 = self.unwrap_annotated(ann)
        if field2 is not None:
            if field is not None:
                raise Unreadable(f"parameter {name} has two Field(...)s")
            ann, field = ann2, field2
        self.type_into(p, ann, used, name, role)
        default = None
        has_default = False
        if field is not None:
            for kw in field.keywords:
                if kw.arg not in FIELD_KEYS:
                    raise Unreadable(f"Field({kw.arg}=...) on {name} is not something the builder edits")
                if kw.arg == "description":
                    p["description"] = literal(kw.value, "a description")
                elif kw.arg in ("min_length", "max_length"):
                    p["minLength" if kw.arg == "min_length" else "maxLength"] = number(kw.value, kw.arg)
                elif kw.arg == "pattern":
                    p["pattern"] = literal(kw.value, "a pattern")
                elif kw.arg in ("ge", "le"):
                    p["minimum" if kw.arg == "ge" else "maximum"] = number(kw.value, kw.arg)
                elif kw.arg == "default":
                    has_default, default = True, literal(kw.value, "a default")
            if field.args:
                has_default, default = True, literal(field.args[0], "a default")
        if default_node is not None:
            has_default, default = True, literal(default_node, f"the default of {name}")
        if has_default and default is ...:
            has_default = False
        if has_default and default is None:
            p["required"] = False
        elif has_default:
            if isinstance(default, (dict, tuple, set)) or (isinstance(default, list) and any(isinstance(x, (list, dict)) for x in default)):
                raise Unreadable(f"the default of {name} is not a simple value")
            p["required"] = False
            p["default"] = default
        elif optional:
            raise Unreadable(f"{name} may be None but has no default")
        return p

    def unwrap_annotated(self, ann):
        if isinstance(ann, ast.Subscript) and last_name(ann.value) == "Annotated":
            elts = ann.slice.elts if isinstance(ann.slice, ast.Tuple) else [ann.slice]
            base, field = elts[0], None
            for extra in elts[1:]:
                if isinstance(extra, ast.Call) and last_name(extra.func) == "Field":
                    field = extra
                elif isinstance(extra, ast.Constant) and isinstance(extra.value, str):
                    continue
                else:
                    raise Unreadable("an Annotated[...] carries something other than Field(...)")
            return base, field
        return ann, None

    def unwrap_optional(self, ann):
        if isinstance(ann, ast.BinOp) and isinstance(ann.op, ast.BitOr):
            if isinstance(ann.right, ast.Constant) and ann.right.value is None:
                return ann.left, True
            if isinstance(ann.left, ast.Constant) and ann.left.value is None:
                return ann.right, True
            raise Unreadable(f"the union {self.segment(ann)} is not something the builder edits")
        if isinstance(ann, ast.Subscript) and last_name(ann.value) == "Optional":
            return ann.slice, True
        if isinstance(ann, ast.Subscript) and last_name(ann.value) == "Union":
            elts = ann.slice.elts if isinstance(ann.slice, ast.Tuple) else [ann.slice]
            rest = [e for e in elts if not (isinstance(e, ast.Constant) and e.value is None)]
            if len(rest) == 1 and len(elts) == 2:
                return rest[0], True
            raise Unreadable(f"the union {self.segment(ann)} is not something the builder edits")
        return ann, False

    def type_into(self, p, ann, used, where, role):
        n = last_name(ann) if isinstance(ann, (ast.Name, ast.Attribute)) else None
        if isinstance(ann, ast.Name) and ann.id in self.aliases and ann.id not in self.classes:
            return self.type_into(p, self.aliases[ann.id], used, where, role)
        if n in PRIMITIVES:
            p["kind"] = PRIMITIVES[n]
        elif n in FORMATS:
            p["kind"] = "string"
            p["format"] = FORMATS[n]
        elif n and self.is_model_class(n):
            p["kind"] = "object"
            used.add(n)
            self.roles[role] = n
            p["properties"] = self.class_fields(n, used, role)
        elif isinstance(ann, ast.Subscript) and last_name(ann.value) == "Literal":
            elts = ann.slice.elts if isinstance(ann.slice, ast.Tuple) else [ann.slice]
            values = [literal(e, "a Literal value") for e in elts]
            if not all(isinstance(v, str) for v in values):
                raise Unreadable(f"{where}: only Literal[...] of strings is an enum the builder edits")
            p["kind"] = "enum"
            p["enumValues"] = values
        elif isinstance(ann, ast.Subscript) and last_name(ann.value) in ("list", "List", "Sequence"):
            p["kind"] = "array"
            item = self.param("", ann.slice, None, used, role + "[]")
            if not item["required"] or "default" in item:
                raise Unreadable(f"{where}: list elements that may be None")
            p["items"] = item
        else:
            raise Unreadable(f"{where}: the type {self.segment(ann) or '?'} is not one the builder edits")

    def class_fields(self, name, used, role):
        c = self.classes[name]
        fields = []
        for st in c.body:
            if isinstance(st, ast.Expr) and isinstance(st.value, ast.Constant) and isinstance(st.value.value, str):
                continue
            if isinstance(st, ast.Pass):
                continue
            if isinstance(st, ast.AnnAssign) and isinstance(st.target, ast.Name):
                fields.append(self.param(st.target.id, st.annotation, st.value, used, f"{role}.{st.target.id}"))
                continue
            raise Unreadable(f"the model class {name} has more than fields (line {st.lineno})")
        return fields

    # ---- tools -------------------------------------------------------------------------------
    def tool_decorator(self, fn):
        for d in fn.decorator_list:
            target = d.func if isinstance(d, ast.Call) else d
            if isinstance(target, ast.Attribute) and target.attr == "tool" and isinstance(target.value, ast.Name):
                return d, target.value.id
        return None, None

    def read_tool(self, fn, deco, var):
        used = set()
        self.roles = {}
        tool = {"name": fn.name, "description": ast.get_docstring(fn, clean=True) or "", "params": [], "annotations": {}}
        kept_deco = []
        if isinstance(deco, ast.Call):
            if deco.args:
                raise Unreadable("the tool decorator has positional arguments")
            for kw in deco.keywords:
                if kw.arg == "name":
                    if literal(kw.value, "name") != fn.name:
                        raise Unreadable("the tool is renamed with name=: the builder names tools after their function")
                elif kw.arg == "title":
                    tool["title"] = literal(kw.value, "the title")
                elif kw.arg == "annotations":
                    tool["annotations"] = self.annotations(kw.value)
                elif kw.arg == "description":
                    raise Unreadable("the description is given in the decorator: the builder writes it as the docstring")
                elif kw.arg is None:
                    raise Unreadable("the decorator takes **kwargs")
                else:
                    kept_deco.append(self.segment(kw))
        if len(fn.decorator_list) > 1:
            raise Unreadable("the tool has other decorators besides the tool decorator")
        a = fn.args
        if a.vararg or a.kwarg or a.posonlyargs:
            raise Unreadable("*args, **kwargs or positional-only parameters")
        defaults = [None] * (len(a.args) - len(a.defaults)) + list(a.defaults)
        pairs = list(zip(a.args, defaults)) + list(zip(a.kwonlyargs, a.kw_defaults))
        kept_params = []
        for arg, default in pairs:
            if arg.annotation is None:
                raise Unreadable(f"parameter {arg.arg} has no type annotation")
            if last_name(arg.annotation) == "Context":
                kept_params.append(self.segment(arg))
                continue
            tool["params"].append(self.param(arg.arg, arg.annotation, default, used, f"p.{arg.arg}"))
        ret = fn.returns
        if ret is None or last_name(ret) == "str":
            tool["output"] = {"kind": "text"}
        elif isinstance(ret, (ast.Name, ast.Attribute)) and self.is_model_class(last_name(ret)):
            used.add(last_name(ret))
            self.roles["out"] = last_name(ret)
            tool["output"] = {"kind": "object", "properties": self.class_fields(last_name(ret), used, "out")}
        else:
            raise Unreadable(f"the return type {self.segment(ret)} is not str or a model class")
        return tool, kept_deco, kept_params, used

    def annotations(self, node):
        out = {}
        if isinstance(node, ast.Dict):
            for k, v in zip(node.keys, node.values):
                key = literal(k, "an annotation name") if k is not None else None
                if key in HINTS:
                    out[key] = bool(literal(v, key))
                elif key == "title":
                    continue
                else:
                    raise Unreadable(f"the annotation {key} is not one the builder edits")
            return out
        if isinstance(node, ast.Call) and last_name(node.func) == "ToolAnnotations":
            for kw in node.keywords:
                key = SNAKE_HINTS.get(kw.arg, kw.arg)
                if key in HINTS:
                    out[key] = bool(literal(kw.value, key))
                else:
                    raise Unreadable(f"ToolAnnotations({kw.arg}=...) is not something the builder edits")
            return out
        raise Unreadable("annotations= is not a dict or ToolAnnotations(...)")

    def body_text(self, fn):
        """The statements after the docstring, as source lines (comments kept)."""
        body = fn.body
        first = body[0]
        if first.lineno == fn.lineno:
            raise Unreadable("the body is on the same line as def")
        has_doc = isinstance(first, ast.Expr) and isinstance(first.value, ast.Constant) and isinstance(first.value.value, str)
        if has_doc:
            start = first.end_lineno + 1
        else:
            # The line after the signature: the first line, from the last annotation on, that ends with ":".
            sig = max([fn.lineno] + [n.end_lineno for n in ast.walk(fn.args) if hasattr(n, "end_lineno") and n.end_lineno] + ([fn.returns.end_lineno] if fn.returns else []))
            line = sig
            while line <= len(self.lines) and not self.lines[line - 1].split("#")[0].rstrip().endswith(":"):
                line += 1
            start = line + 1
        if has_doc and len(body) == 1:
            return "    pass"
        return "\n".join(self.lines[start - 1 : fn.end_lineno])

    def references(self):
        """For each class name: the module-level statements (by index) that mention it, outside its own definition."""
        refs = {name: set() for name in self.classes}
        for i, st in enumerate(self.tree.body):
            for n in ast.walk(st):
                if isinstance(n, ast.Name) and n.id in refs and not (isinstance(st, ast.ClassDef) and st.name == n.id):
                    refs[n.id].add(i)
                elif isinstance(n, ast.Constant) and isinstance(n.value, str) and n.value in refs and not isinstance(st, ast.ClassDef):
                    refs[n.value].add(i)
        return refs

    def run(self):
        tools, unreadable = [], []
        refs = self.references()
        index_of = {id(st): i for i, st in enumerate(self.tree.body)}
        class_index = {name: index_of[id(c)] for name, c in self.classes.items()}
        server_vars = set()
        for st in self.tree.body:
            if isinstance(st, ast.Assign) and isinstance(st.value, ast.Call) and last_name(st.value.func) == "FastMCP":
                server_vars.update(t.id for t in st.targets if isinstance(t, ast.Name))
        for st in ast.walk(self.tree):
            if not isinstance(st, (ast.FunctionDef, ast.AsyncFunctionDef)):
                continue
            deco, var = self.tool_decorator(st)
            if deco is None:
                continue
            start = min(d.lineno for d in st.decorator_list)
            if id(st) not in index_of:
                unreadable.append({"name": st.name, "line": start, "reason": "the tool is defined inside another function or class"})
                continue
            try:
                tool, kept_deco, kept_params, used = self.read_tool(st, deco, var)
                body = self.body_text(st)
            except Unreadable as e:
                unreadable.append({"name": st.name, "line": start, "reason": str(e)})
                continue
            # Model classes only this tool (or its other classes) uses go with it when it is rewritten.
            roles = dict(self.roles)
            mine = {index_of[id(st)]} | {class_index[c] for c in used}
            exclusive = sorted(c for c in used if refs[c] <= mine)
            tools.append(
                {
                    "model": tool,
                    "serverVar": var,
                    "isAsync": isinstance(st, ast.AsyncFunctionDef),
                    "line": start,
                    "endLine": st.end_lineno,
                    "body": body,
                    "keptParams": kept_params,
                    "keptDecoratorArgs": kept_deco,
                    "classRoles": roles,
                    "sharedClasses": {c: self.class_fields(c, set(), "shared") for c in sorted(used) if c not in exclusive},
                    "classes": [
                        {"name": c, "line": min([self.classes[c].lineno] + [d.lineno for d in self.classes[c].decorator_list]), "endLine": self.classes[c].end_lineno}
                        for c in exclusive
                    ],
                }
            )
        main_line = None
        for st in self.tree.body:
            if isinstance(st, ast.If) and "__name__" in self.segment(st.test) and "__main__" in self.segment(st.test):
                main_line = st.lineno
        return {"tools": tools, "unreadable": unreadable, "serverVars": sorted(server_vars), "mainLine": main_line}


def main():
    path = sys.argv[1]
    with open(path, encoding="utf-8") as f:
        source = f.read()
    try:
        reader = Reader(source)
    except SyntaxError as e:
        print(json.dumps({"syntaxError": {"line": e.lineno, "message": e.msg}}))
        return
    print(json.dumps(reader.run()))


if __name__ == "__main__":
    main()
