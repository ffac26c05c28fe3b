#!/usr/bin/env bash
# Checks the Prometheus files with promtool (Debian/Ubuntu: apt-get install prometheus): the config and the
# alert rules parse, the alert unit tests in alerts-test.yml pass, and every PromQL query of the Grafana
# dashboard parses. The Java suite checks the rest without promtool (stream-app/src/test/java/io/vigie/stream/deploy).
set -euo pipefail
HERE=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
command -v promtool >/dev/null || { echo "check.sh: promtool is not installed" >&2; exit 1; }
command -v python3 >/dev/null || { echo "check.sh: python3 is needed to read the dashboard" >&2; exit 1; }
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
# the config names the rule file by its path inside the container
sed "s#/etc/prometheus/alerts.yml#$HERE/alerts.yml#" "$HERE/prometheus.yml" >"$tmp/prometheus.yml"
promtool check config "$tmp/prometheus.yml"
promtool check rules "$HERE/alerts.yml"
promtool test rules "$HERE/alerts-test.yml"
# each dashboard query as a recording rule, Grafana's variables given sample values
python3 - "$HERE/../grafana/vigie-dashboard.json" >"$tmp/dashboard-rules.yml" <<'PY'
import json, sys
d = json.load(open(sys.argv[1]))
print("groups:\n  - name: dashboard\n    rules:")
n = 0
for p in d["panels"]:
    for t in p.get("targets", []):
        n += 1
        e = t["expr"].replace("$__rate_interval", "5m").replace("$instance", ".*")
        print(f"      - record: dashboard:query_{n}\n        expr: {json.dumps(e)}")
PY
promtool check rules "$tmp/dashboard-rules.yml"
