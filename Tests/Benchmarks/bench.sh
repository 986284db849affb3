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
stamp=$(cat Sources/RapportDemo/DemoBook*.swift Sources/RapportStore/Migrations.swift Sources/RapportStore/AppDatabase+Demo.swift \
  | sha256sum | cut -c1-12)

day() { date -d "$TODAY $1 days" +%F; }

columns="c.id, c.name, c.company, c.grade, c.status, c.created_at, c.last_contact_at, c.cadence_days, c.last_visit_at, c.silent_since"
chased="c.status NOT IN ('lost', 'dormant')"
chased_at_all="$chased AND (c.cadence_days IS NULL OR c.cadence_days > 0)"

# Contacted, chased, not silent customers of one grade past its cadence (A 14, B 14, C 30,
# ungraded 60), written as Rapport writes it, so that sqlite3 gets the same index range.
past_cadence() {
  local grade=$1 days=$2
  local test="c.grade = '$grade'"
  [ "$grade" = none ] && test="c.grade IS NULL"
  echo "$chased AND c.last_contact_at IS NOT NULL AND c.silent_since IS NULL AND c.cadence_days IS NULL AND $test AND substr(c.last_contact_at, 1, 10) < '$(day "-$days")'"
}
grades="A:14 B:14 C:30 none:60"
own_cadence="c.cadence_days > 0 AND $chased AND c.last_contact_at IS NOT NULL AND c.silent_since IS NULL"
uncontacted_day="substr(c.created_at, 1, 10)"
uncontacted="c.last_contact_at IS NULL AND $chased_at_all AND $uncontacted_day < '$(day -7)'"
visit_day="substr(coalesce(c.last_visit_at, c.created_at), 1, 10)"
visit="c.grade = 'A' AND $chased_at_all AND $visit_day < '$(day -30)'"
silent_day="substr(c.silent_since, 1, 10)"
silent="c.silent_since IS NOT NULL AND $chased_at_all AND $silent_day < '$(day -29)'"
stale="FROM follow_up f JOIN customer c ON c.id = f.customer_id
  WHERE f.status = 'open' AND f.last_activity_at IS NULL AND f.created_at < '$(day -89)'"

# The issue's reference for the full scan: rules 1–3 in plain SQL (follow-ups due by today,
# customers past their cadence, new customers not yet contacted). Rapport answers all ten.
today_sql() {
  echo "SELECT f.id, f.due_on, f.due_time, f.title, $columns FROM follow_up f JOIN customer c ON c.id = f.customer_id
    WHERE f.status = 'open' AND f.due_on <= '$TODAY';"
  for g in $grades; do echo "SELECT $columns FROM customer c WHERE $(past_cadence "${g%:*}" "${g#*:}");"; done
  echo "SELECT $columns FROM customer c WHERE $own_cadence;"
  echo "SELECT $columns FROM customer c INDEXED BY customer_uncontacted_by_day WHERE $uncontacted;"
}

# What the TUI's first screen shows: each group's total and its first 50 rows.
first_screen_sql() {
  cat <<SQL
SELECT count(*) FROM follow_up WHERE status = 'open' AND due_on < '$TODAY';
SELECT count(*) FROM follow_up WHERE status = 'open' AND due_on = '$TODAY';
SELECT f.id, f.due_on, f.title, $columns FROM follow_up f JOIN customer c ON c.id = f.customer_id
  WHERE f.status = 'open' AND f.due_on < '$TODAY' ORDER BY f.due_on, f.id LIMIT 50;
SELECT f.id, f.due_on, f.title, $columns FROM follow_up f JOIN customer c ON c.id = f.customer_id
  WHERE f.status = 'open' AND f.due_on = '$TODAY' ORDER BY f.due_time, f.id LIMIT 50;
SQL
  for g in $grades; do
    local where
    where=$(past_cadence "${g%:*}" "${g#*:}")
    echo "SELECT count(*) FROM customer c WHERE $where;"
    echo "SELECT $columns FROM customer c WHERE $where ORDER BY substr(c.last_contact_at, 1, 10), c.id LIMIT 50;"
  done
  echo "SELECT count(*) FROM customer c WHERE $visit;"
  echo "SELECT $columns FROM customer c WHERE $visit ORDER BY $visit_day, c.id LIMIT 50;"
  echo "SELECT count(*) FROM customer c INDEXED BY customer_uncontacted_by_day WHERE $uncontacted;"
  echo "SELECT $columns FROM customer c INDEXED BY customer_uncontacted_by_day WHERE $uncontacted ORDER BY $uncontacted_day, c.id LIMIT 50;"
  echo "SELECT count(*) FROM customer c WHERE $silent;"
  echo "SELECT $columns FROM customer c WHERE $silent ORDER BY $silent_day, c.id LIMIT 50;"
  echo "SELECT count(*) FROM follow_up f WHERE f.status = 'open' AND f.last_activity_at IS NULL AND f.created_at < '$(day -89)';"
  echo "SELECT f.id, f.title, $columns $stale ORDER BY f.created_at, f.id LIMIT 50;"
}

# The issue's reference for the funnel: the per-stage sums in plain SQL (count, amount, and
# amount weighted by the deal's probability or its stage's default).
funnel_sql() {
  cat <<SQL
SELECT stage, currency, count(*), sum(amount),
  sum(amount * coalesce(probability, CASE stage WHEN 'lead' THEN 10 WHEN 'qualified' THEN 20 WHEN 'needs' THEN 40
    WHEN 'proposal' THEN 60 WHEN 'closing' THEN 80 WHEN 'won' THEN 100 WHEN 'paid' THEN 100 ELSE 0 END)) / 100
FROM deal GROUP BY stage, currency;
SQL
}

# The database's share of an import, as sqlite3 does it: the rows Rapport wrote for the CSV
# copied into a new book's tables from an attached copy (no parsing, no keys), with the
# indexes and trigger Rapport sets aside dropped first and built again at the end, in one
# transaction with Rapport's settings. A floor: what any import into this schema pays.
import_floor_sql() {
  local source=$1 set_aside="type = 'trigger' AND name = 'customer_attention_on_insert'
    OR type = 'index' AND tbl_name IN ('customer', 'customer_phone', 'customer_email', 'customer_tag')
       AND name NOT IN ('customer_phone_on_customer', 'customer_email_on_customer')"
  echo "PRAGMA foreign_keys = ON; PRAGMA cache_size = -131072; PRAGMA ignore_check_constraints = ON;"
  echo "ATTACH '$source' AS source; BEGIN;"
  sqlite3 "$source" "SELECT 'DROP ' || upper(type) || ' main.' || name || ';' FROM sqlite_master WHERE sql IS NOT NULL AND ($set_aside)"
  for table in customer customer_phone customer_email customer_tag; do
    echo "INSERT INTO main.$table SELECT * FROM source.$table WHERE 1;"  # WHERE: no row-copying shortcut
  done
  sqlite3 "$source" "SELECT sql || ';' FROM sqlite_master WHERE sql IS NOT NULL AND ($set_aside)"
  echo "COMMIT;"
}

# median_ms CSV ROW: hyperfine's median of the ROWth command, in milliseconds.
median_ms() { awk -F, -v row="$2" 'NR == row + 1 { printf "%.1f", $4 * 1000 }' "$1"; }
ratio() { awk -v a="$1" -v b="$2" 'BEGIN { printf "%.2fx", a / b }'; }
row() { printf '%-40s %9s %11s %11s %8s\n' "$@"; }

# pair NAME N OURS REFERENCE: times both commands and prints one row with the ratio.
pair() {
  local csv
  csv=$(mktemp)
  hyperfine -N --warmup 3 --runs "$RUNS" --export-csv "$csv" "$3" "$4" >/dev/null
  local ours ref
  ours=$(median_ms "$csv" 1)
  ref=$(median_ms "$csv" 2)
  row "$1" "$2" "$ours" "$ref" "$(ratio "$ours" "$ref")"
  rm -f "$csv"
}

row "benchmark" "customers" "rapport ms" "sqlite3 ms" "ratio"
for n in $SIZES; do
  db="$CACHE/book-$n-$stamp.db"
  if [ ! -f "$db" ]; then
    echo "building a demo book of $n customers in $db (once)…" >&2
    RAPPORT_TODAY=$TODAY "$BIN" demo --db "$db" --customers "$n" --seed 7 >&2
  fi
  run="env RAPPORT_TODAY=$TODAY $BIN"
  today_sql > "$CACHE/today-$n.sql"
  first_screen_sql > "$CACHE/first-$n.sql"
  funnel_sql > "$CACHE/funnel-$n.sql"
  pair "today --json (all rules; ref. rules 1-3)" "$n" "$run today --json --db $db" "sqlite3 -init /dev/null $db '.read $CACHE/today-$n.sql'"
  pair "first frame (--snapshot 100x30)" "$n" "$run --snapshot 100x30 --db $db" "sqlite3 -init /dev/null $db '.read $CACHE/first-$n.sql'"
  pair "funnel --json (ref. per-stage sums)" "$n" "$run funnel --json --db $db" "sqlite3 -init /dev/null $db '.read $CACHE/funnel-$n.sql'"

  # The filter: the first keystroke loads the search keys once (in idle time in the TUI);
  # each later keystroke is the difference between key scripts of different lengths.
  csv=$(mktemp)
  hyperfine -N --warmup 2 --runs "$RUNS" --export-csv "$csv" \
    "$run --snapshot 100x30 --db $db --keys '\t'" \
    "$run --snapshot 100x30 --db $db --keys '\t/w'" \
    "$run --snapshot 100x30 --db $db --keys '\t/wangjianguo'" >/dev/null
  main=$(median_ms "$csv" 1)
  one=$(median_ms "$csv" 2)
  eleven=$(median_ms "$csv" 3)
  rm -f "$csv"
  row "filter: each keystroke after the first" "$n" "$(awk -v a="$eleven" -v b="$one" 'BEGIN { printf "%.1f", (a - b) / 10 }')" "-" "-"
  row "filter: first keystroke (loads the keys)" "$n" "$(awk -v a="$one" -v b="$main" 'BEGIN { printf "%.1f", a - b }')" "-" "-"
  rss=$( { /usr/bin/time -f %M env RAPPORT_TODAY=$TODAY "$BIN" --snapshot 100x30 --db "$db" --keys '\t/wang\r\j\j' >/dev/null; } 2>&1 | tail -1)
  row "peak memory, TUI with filter (MB)" "$n" "$(awk -v k="$rss" 'BEGIN { printf "%.1f", k / 1024 }')" "-" "-"
done
# Logging a call on a copy of each book (made afresh before each run), against sqlite3 making
# the same writes: the interaction, the contact clock, the follow-up it closes and the next.
log_sql() {  # log_sql ID: the writes of `rapport log` for customer ID
  cat <<SQL
BEGIN;
INSERT INTO interaction (customer_id, kind, occurred_at, note) VALUES ($1, 'call', '$TODAY 10:00', '谈了报价');
UPDATE customer SET updated_at = '$TODAY 10:00', last_contact_at = '$TODAY 10:00' WHERE id = $1;
UPDATE follow_up SET status = 'done', done_at = '$TODAY 10:00' WHERE id =
  (SELECT id FROM follow_up WHERE customer_id = $1 AND status = 'open' AND due_on <= '$TODAY' ORDER BY due_on LIMIT 1);
INSERT INTO follow_up (customer_id, due_on, title, created_at, interaction_id) VALUES ($1, '$(day 4)', '谈了报价', '$TODAY 10:00', last_insert_rowid());
COMMIT;
SQL
}
for n in $SIZES; do
  db="$CACHE/book-$n-$stamp.db"
  copy="$CACHE/log-copy.db"
  # Customer 5, named by phone: demo names repeat, and hyperfine (no shell) reads `#` as a comment.
  phone=$(sqlite3 "$db" "SELECT number FROM customer_phone WHERE customer_id = 5 ORDER BY position LIMIT 1")
  log_sql 5 > "$CACHE/log.sql"
  csv=$(mktemp)
  hyperfine -N --warmup 2 --runs 10 --prepare "bash -c 'rm -f $copy-wal $copy-shm && cp $db $copy && sync'" --export-csv "$csv" \
    "env RAPPORT_TODAY=$TODAY $BIN log $phone call 谈了报价 --next 周五 --db $copy" "sqlite3 -init /dev/null $copy '.read $CACHE/log.sql'" >/dev/null
  row "log a call (ref. the same writes)" "$n" "$(median_ms "$csv" 1)" "$(median_ms "$csv" 2)" "$(ratio "$(median_ms "$csv" 1)" "$(median_ms "$csv" 2)")"
  rm -f "$csv" "$copy" "$copy-wal" "$copy-shm"
done

# Bringing a book in and taking it out, at the largest size: few runs, each takes seconds.
n=${SIZES##* }
db="$CACHE/book-$n-$stamp.db"
csv="$CACHE/customers-$n.csv"
RAPPORT_TODAY=$TODAY "$BIN" export --format csv --db "$db" -o "$csv"
fresh="$CACHE/import-target.db"
ref="$CACHE/import-ref.db"
heavy() {  # heavy NAME N OURS REFERENCE PREPARE: like pair, 5 runs, each after PREPARE
  local csvout
  csvout=$(mktemp)
  hyperfine -N --warmup 1 --runs 5 --prepare "$5" --export-csv "$csvout" "$3" "$4" >/dev/null
  row "$1" "$2" "$(median_ms "$csvout" 1)" "$(median_ms "$csvout" 2)" "$(ratio "$(median_ms "$csvout" 1)" "$(median_ms "$csvout" 2)")"
  rm -f "$csvout"
}
heavy "import customers CSV (ref. sqlite3 .import)" "$n" \
  "env RAPPORT_TODAY=$TODAY $BIN import $csv --db $fresh --on-duplicate new" \
  "sqlite3 -init /dev/null $ref '.import --csv $csv customer'" \
  "rm -f $fresh $fresh-wal $fresh-shm $ref"
imported="$CACHE/import-source.db"
empty="$CACHE/import-empty.db"
rm -f "$imported" "$empty"
RAPPORT_TODAY=$TODAY "$BIN" import "$csv" --db "$imported" --on-duplicate new >/dev/null
RAPPORT_TODAY=$TODAY "$BIN" open --db "$empty" >/dev/null  # an empty book (only commands that start one make it)
import_floor_sql "$imported" > "$CACHE/import-floor.sql"
heavy "import customers CSV (ref. same rows, tables, indexes)" "$n" \
  "env RAPPORT_TODAY=$TODAY $BIN import $csv --db $fresh --on-duplicate new" \
  "sqlite3 -init /dev/null $ref '.read $CACHE/import-floor.sql'" \
  "bash -c 'rm -f $fresh $fresh-wal $fresh-shm $ref $ref-wal $ref-shm && cp $empty $ref'"
rm -f "$imported" "$empty"
heavy "export JSON, whole book (ref. .mode json)" "$n" \
  "env RAPPORT_TODAY=$TODAY $BIN export --format json --db $db -o /dev/null" \
  "sqlite3 -init /dev/null $db '.mode json' '.output /dev/null' 'SELECT * FROM customer; SELECT * FROM interaction; SELECT * FROM follow_up; SELECT * FROM deal; SELECT * FROM deal_stage'" \
  "true"
# The restore of a whole book, every value checked as the commands would (issue 16), against
# sqlite3 reading the same book's SQL dump into a new file.
json="$CACHE/book-$n.json"
dump="$CACHE/book-$n.sql"
RAPPORT_TODAY=$TODAY "$BIN" export --format json --db "$db" -o "$json"
sqlite3 -init /dev/null "$db" .dump > "$dump"
heavy "import JSON, whole book (ref. sqlite3 .read of its .dump)" "$n" \
  "env RAPPORT_TODAY=$TODAY $BIN import $json --db $fresh" \
  "sqlite3 -init /dev/null $ref '.read $dump'" \
  "rm -f $fresh $fresh-wal $fresh-shm $ref"
rm -f "$fresh" "$fresh-wal" "$fresh-shm"
peak() { { /usr/bin/time -f %M "$@" >/dev/null; } 2>&1 | tail -1 | awk '{ printf "%.1f", $1 / 1024 }'; }
row "peak memory, import CSV (MB)" "$n" "$(peak env RAPPORT_TODAY=$TODAY "$BIN" import "$csv" --db "$fresh" --on-duplicate new)" "-" "-"
row "peak memory, export JSON (MB)" "$n" "$(peak env RAPPORT_TODAY=$TODAY "$BIN" export --format json --db "$db" -o /dev/null)" "-" "-"
rm -f "$fresh" "$fresh-wal" "$fresh-shm"
row "peak memory, import JSON (MB)" "$n" "$(peak env RAPPORT_TODAY=$TODAY "$BIN" import "$json" --db "$fresh")" "-" "-"
rm -f "$fresh" "$fresh-wal" "$fresh-shm" "$ref" "$json" "$dump"

for n in $SIZES; do
  db="$CACHE/book-$n-$stamp.db"
  echo "reminders at $n customers: $(RAPPORT_TODAY=$TODAY "$BIN" today --json --db "$db" | grep -o '"rule"' | wc -l);" \
    "deals: $(sqlite3 "$db" 'SELECT count(*) FROM deal'), stage moves: $(sqlite3 "$db" 'SELECT count(*) FROM deal_stage')," \
    "contracts: $(sqlite3 "$db" 'SELECT count(*) FROM contract'), payments: $(sqlite3 "$db" 'SELECT count(*) FROM payment')"
done
