#!/usr/bin/env python3
"""The import graph of one crate's src/ (a file naming `crate::x`, `super::x` or `self::x` imports
x's file) and its circles. Tests are left out; a module and its own child files count as one.
usage: scripts/import-circles.py SRC_DIR [--top] [--edges]   (--top: top-level modules only)"""
import os, re, sys
src = sys.argv[1]; top = '--top' in sys.argv
files = {}
for root, _, fs in os.walk(src):
    for f in fs:
        if not f.endswith('.rs'): continue
        p = os.path.join(root, f); rel = os.path.relpath(p, src)[:-3]
        parts = rel.split('/')
        if parts[-1] in ('lib', 'main', 'mod'): parts = parts[:-1]
        files[tuple(parts)] = p
def is_test(mod, path):
    n = mod[-1] if mod else ''
    return n == 'tests' or n.endswith('_tests') or 'tests' in mod or n.startswith('test') and n!='text'
mods = {m: p for m, p in files.items() if not is_test(m, p)}
def resolve(path):
    # longest prefix that is a module file
    for k in range(len(path), 0, -1):
        if tuple(path[:k]) in mods: return tuple(path[:k])
    return None
edges = {m: set() for m in mods}
where = {}
pat = re.compile(r'\b(crate|super|self)((?:::[A-Za-z_][A-Za-z_0-9]*)+)(::\{([^}]*)\})?')
for m, p in mods.items():
    text = open(p).read()
    # drop #[cfg(test)] mod tests { ... } blocks roughly: cut at '#[cfg(test)]\nmod tests {'
    i = text.find('#[cfg(test)]\nmod tests {')
    if i >= 0: text = text[:i]
    text = re.sub(r'//.*', '', text)
    is_dir_mod = p.endswith(('lib.rs','main.rs','mod.rs')) or os.path.isdir(p[:-3])
    here = list(m)  # the module's path
    for mt in pat.finditer(text):
        base, rest, _, group = mt.group(1), mt.group(2), mt.group(3), mt.group(4)
        segs = [s for s in rest.split('::') if s]
        if base == 'crate': start = []
        elif base == 'self': start = here[:]
        else: start = here[:-1]
        # super::super
        while segs and segs[0] == 'super': segs.pop(0); start = start[:-1]
        targets = [start + segs]
        if group:
            for g in group.split(','):
                g = g.strip().split(' as ')[0].strip()
                if not g or g == 'self': continue
                targets.append(start + segs + g.split('::'))
        for t in targets:
            r = resolve(t)
            if r is None or r == m: continue
            if '--edges' in sys.argv: where.setdefault((m if not top else m[:1], r if not top else r[:1]), []).append(mt.group(0))
            if top:
                r = r[:1]
            edges[m].add(r)
if top:
    tops = {}
    for m, e in edges.items():
        tops.setdefault(m[:1], set()).update(x for x in e if x != m[:1])
    edges = tops
# Tarjan
index = {}; low = {}; stack = []; on = set(); sccs = []; c = [0]
sys.setrecursionlimit(100000)
def strong(v):
    index[v] = low[v] = c[0]; c[0] += 1; stack.append(v); on.add(v)
    for w in edges.get(v, ()):
        if w not in edges: continue
        if w not in index: strong(w); low[v] = min(low[v], low[w])
        elif w in on: low[v] = min(low[v], index[w])
    if low[v] == index[v]:
        comp = []
        while True:
            w = stack.pop(); on.discard(w); comp.append(w)
            if w == v: break
        if len(comp) > 1: sccs.append(comp)
for v in list(edges):
    if v not in index: strong(v)
print(f"{len(edges)} modules, {len(sccs)} circles")
for comp in sorted(sccs, key=len, reverse=True):
    names = sorted('::'.join(x) or 'lib' for x in comp)
    print(f"  {len(comp)}: " + ', '.join(names))
    if '--edges' in sys.argv:
        cs = set(comp)
        for a in sorted(comp):
            for b in sorted(edges.get(a, ())):
                if b in cs: print(f"      {'::'.join(a)} -> {'::'.join(b)}: {sorted(set(where.get((a,b),[])))[:6]}")
