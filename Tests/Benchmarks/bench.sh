#!/usr/bin/env bash
# Times Rapport against the sqlite3 CLI running the same SQL on the same file, and prints
# medians and ratios. Demo books are built once and cached outside the repository.
set -euo pipefail

BIN=${1:-.build/release/rapport}
CACHE=${RAPPORT_BENCH_DIR:-${XDG_CACHE_HOME:-$HOME/.cache}/rapport-bench}
TODAY=2026-11-23
SIZES=${RAPPORT_BENCH_SIZES:-"10000 100000"}
RUNS=${RAPPORT_BENCH_RUNS:-30}
mkdir -p "$CACHE"

# A new generator or schema gives a new book.
stamp=$(cat Sources/RapportCore/DemoBook.swift Sources/RapportStore/Migrations.swift | sha256sum | cut -c1-12)

day() { date -d "$TODAY $1 days" +%F; }

# The reminder rules of `rapport today` in plain SQL: open follow-ups due by today, and per
# grade the chased customers whose last contact (or, never contacted, creation) is past the
# cadence (A 14, B 14, C 30, ungraded 60).
today_sql() {
  cat <<SQL
SELECT f.id, f.due_on, f.due_time, f.title, c.id, c.name, c.company, c.grade, c.status, c.created_at, c.last_contact_at
  FROM follow_up f JOIN customer c ON c.id = f.customer_id WHERE f.status = 'open' AND f.due_on <= '$TODAY';
SELECT c.id, c.name, c.company, c.grade, c.status, c.created_at, c.last_contact_at FROM customer c
  WHERE c.status NOT IN ('lost', 'dormant') AND c.grade = 'A' AND coalesce(c.last_contact_at, c.created_at) < '$(day -14)';
SELECT c.id, c.name, c.company, c.grade, c.status, c.created_at, c.last_contact_at FROM customer c
  WHERE c.status NOT IN ('lost', 'dormant') AND c.grade = 'B' AND coalesce(c.last_contact_at, c.created_at) < '$(day -14)';
SELECT c.id, c.name, c.company, c.grade, c.status, c.created_at, c.last_contact_at FROM customer c
  WHERE c.status NOT IN ('lost', 'dormant') AND c.grade = 'C' AND coalesce(c.last_contact_at, c.created_at) < '$(day -30)';
SELECT c.id, c.name, c.company, c.grade, c.status, c.created_at, c.last_contact_at FROM customer c
  WHERE c.status NOT IN ('lost', 'dormant') AND c.grade IS NULL AND coalesce(c.last_contact_at, c.created_at) < '$(day -60)';
SQL
}

median_ms() { awk -F, -v row="$2" 'NR == row + 1 { printf "%.1f", $4 * 1000 }' "$1"; }

printf '%-34s %10s %12s %12s %8s\n' "benchmark" "customers" "rapport ms" "sqlite3 ms" "ratio"
for n in $SIZES; do
  db="$CACHE/book-$n-$stamp.db"
  if [ ! -f "$db" ]; then
    echo "building a demo book of $n customers in $db (once)…" >&2
    RAPPORT_TODAY=$TODAY "$BIN" demo --db "$db" --customers "$n" --seed 7 >&2
  fi
  sql="$CACHE/today-$n.sql"
  today_sql > "$sql"
  csv=$(mktemp)
  hyperfine -N --warmup 3 --runs "$RUNS" --export-csv "$csv" \
    "env RAPPORT_TODAY=$TODAY $BIN today --json --db $db" \
    "sqlite3 -init /dev/null $db '.read $sql'" >/dev/null
  ours=$(median_ms "$csv" 1)
  ref=$(median_ms "$csv" 2)
  printf '%-34s %10s %12s %12s %8s\n' "today --json (reminder scan)" "$n" "$ours" "$ref" \
    "$(awk -v a="$ours" -v b="$ref" 'BEGIN { printf "%.2fx", a / b }')"
  rm -f "$csv"
done
echo "reminders at each size: $(for n in $SIZES; do RAPPORT_TODAY=$TODAY "$BIN" today --json --db "$CACHE/book-$n-$stamp.db" | grep -o '"rule"' | wc -l; done | tr '\n' ' ')"
