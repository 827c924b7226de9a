"""Writes a wrk Lua script that posts a different response each time: the
strong-company example with every choice, agreement, importance and frequency
answer drawn at random (the numbers and texts kept), so that no submission is
held as a near-duplicate of another.

    python3 benches/bodies.py KEY COUNT > post.lua
"""

import json
import random
import sys
import tomllib

key, count = sys.argv[1], int(sys.argv[2])
q = tomllib.load(open("questionnaires/dealbench-v1.toml", "rb"))
base = json.load(open("questionnaires/examples/strong-company.json"))
random.seed(7)
bodies = []
for _ in range(count):
    answers = dict(base)
    for item in q["items"]:
        options = item.get("options") or q["scales"].get(item["kind"], {}).get("options")
        if options and item["id"] in answers:
            answers[item["id"]] = random.choice(options)["id"]
    bodies.append(json.dumps(answers))

print('wrk.method = "POST"')
print('wrk.headers["Content-Type"] = "application/json"')
print(f'wrk.headers["Authorization"] = "Bearer {key}"')
print("local bodies = {")
for body in bodies:
    print("  [==[" + body + "]==],")
print("}")
print("local n = 0")
print("function request()")
print("  n = n + 1")
print("  return wrk.format(nil, nil, nil, bodies[(n % #bodies) + 1])")
print("end")
