#!/usr/bin/env python3
"""Extracts github-openapi-subset.json from @octokit/openapi (run where the npm registry is reachable, never in a test):

    cd "$(mktemp -d)" && npm pack @octokit/openapi@23.0.2 && tar xzf octokit-openapi-23.0.2.tgz
    python3 extract-github-schemas.py package/generated/api.github.com.json github-openapi-subset.json

Keeps the JSON response schemas of the endpoints the fake GitHub answers (every status code the description lists),
two error schemas and their $ref closure, verbatim but for annotations that never decide validity (description,
example(s), title, externalDocs, x-*). They stay OpenAPI 3.0 schema objects ('nullable'); the test converts them.
"""
import json
import sys

OPERATIONS = [
    ('GET', '/'), ('GET', '/user'), ('GET', '/installation/repositories'), ('GET', '/repos/{owner}/{repo}'),
    ('GET', '/repos/{owner}/{repo}/commits'), ('PUT', '/repos/{owner}/{repo}/contents/{path}'),
    ('GET', '/repos/{owner}/{repo}/actions/permissions'), ('GET', '/repos/{owner}/{repo}/rulesets/rule-suites'),
    ('GET', '/repos/{owner}/{repo}/hooks'), ('PATCH', '/repos/{owner}/{repo}/hooks/{hook_id}'),
    ('GET', '/repos/{owner}/{repo}/commits/{ref}/statuses'), ('POST', '/repos/{owner}/{repo}/statuses/{sha}'),
    ('GET', '/repos/{owner}/{repo}/pulls'), ('POST', '/repos/{owner}/{repo}/pulls'),
]
EXTRA = ['basic-error', 'validation-error']  # GitHub's error bodies, for status codes an operation does not list
DROPPED = {'description', 'example', 'examples', 'title', 'externalDocs'}


def strip(node):
    if isinstance(node, dict):
        return {k: strip(v) for k, v in node.items() if k not in DROPPED and not k.startswith('x-')}
    if isinstance(node, list):
        return [strip(v) for v in node]
    return node


def refs(node):
    if isinstance(node, dict):
        for k, v in node.items():
            if k == '$ref' and isinstance(v, str):
                yield v.split('/')[-1]
            else:
                yield from refs(v)
    elif isinstance(node, list):
        for v in node:
            yield from refs(v)


def main(source, target):
    with open(source, encoding='utf-8') as f:
        description = json.load(f)
    schemas = description['components']['schemas']
    responses = {}
    for method, path in OPERATIONS:
        for code, response in description['paths'][path][method.lower()]['responses'].items():
            if '$ref' in response:
                response = description['components']['responses'][response['$ref'].split('/')[-1]]
            schema = response.get('content', {}).get('application/json', {}).get('schema')
            if schema is not None:
                responses.setdefault(f'{method} {path}', {})[code] = strip(schema)
    seen, stack = set(), list(refs(responses)) + EXTRA
    while stack:
        name = stack.pop()
        if name not in seen:
            seen.add(name)
            stack.extend(refs(schemas[name]))
    version = description['info']['version']
    document = {
        '$comment': f'Extracted from the npm package @octokit/openapi {version} (generated/api.github.com.json, GitHub\'s '
                    f'REST API description for api.github.com from github/rest-api-description, OpenAPI {description["openapi"]}, '
                    'MIT licence) by extract-github-schemas.py beside this file. Do not edit by hand: re-run the script.',
        'source': {'package': '@octokit/openapi', 'version': version, 'file': 'generated/api.github.com.json',
                   'openapi': description['openapi']},
        'responses': responses,
        'components': {'schemas': {name: strip(schemas[name]) for name in sorted(seen)}},
    }
    with open(target, 'w', encoding='utf-8', newline='\n') as f:
        json.dump(document, f, indent=1, ensure_ascii=False)
        f.write('\n')
    print(f'{len(responses)} operations, {len(seen)} schemas -> {target}')


if __name__ == '__main__':
    main(sys.argv[1], sys.argv[2])
