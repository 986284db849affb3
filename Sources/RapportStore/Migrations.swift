import Foundation
import GRDB

extension AppDatabase {
    /// The schema's history. A shipped migration is never edited: changes are new migrations,
    /// written with table and column names as strings, never the app's types.
    static var migrator: DatabaseMigrator {
        var migrator = DatabaseMigrator()
        migrator.registerMigration("v1-book") { db in
            try db.execute(sql: """
                CREATE TABLE customer (
                  id INTEGER PRIMARY KEY AUTOINCREMENT,
                  name TEXT NOT NULL CHECK (length(trim(name)) > 0),
                  company TEXT,
                  title TEXT,
                  kind TEXT NOT NULL DEFAULT 'person' CHECK (kind IN ('person', 'company')),
                  address TEXT,
                  city TEXT,
                  region TEXT,
                  route TEXT,
                  industry TEXT,
                  source TEXT,
                  grade TEXT CHECK (grade IN ('A', 'B', 'C')),
                  status TEXT NOT NULL DEFAULT 'lead'
                    CHECK (status IN ('lead', 'prospect', 'customer', 'dormant', 'lost')),
                  birthday TEXT,
                  preferred_channel TEXT CHECK (preferred_channel IN ('phone', 'email', 'message', 'wechat', 'visit')),
                  credit_level TEXT,
                  credit_limit INTEGER,
                  credit_currency TEXT,
                  needs TEXT,
                  concerns TEXT,
                  notes TEXT,
                  custom_fields TEXT NOT NULL DEFAULT '{}' CHECK (json_valid(custom_fields)),
                  search_text TEXT NOT NULL,
                  sort_key TEXT NOT NULL,
                  created_at TEXT NOT NULL,
                  updated_at TEXT NOT NULL,
                  last_contact_at TEXT,
                  CHECK ((credit_limit IS NULL) = (credit_currency IS NULL))
                );
                CREATE INDEX customer_on_name ON customer(name);
                CREATE INDEX customer_on_sort_key ON customer(sort_key, id);
                -- "Not contacted for N days" per grade is a range scan of this index, never a scan
                -- of the interactions: last_contact_at is kept in the same transaction as each log.
                CREATE INDEX customer_on_contact_clock
                  ON customer(grade, coalesce(last_contact_at, created_at))
                  WHERE status NOT IN ('lost', 'dormant');
                CREATE INDEX customer_on_status ON customer(status);
                CREATE INDEX customer_on_city ON customer(city);

                CREATE TABLE customer_phone (
                  id INTEGER PRIMARY KEY,
                  customer_id INTEGER NOT NULL REFERENCES customer(id) ON DELETE CASCADE,
                  position INTEGER NOT NULL,
                  number TEXT NOT NULL,
                  label TEXT,
                  normalized TEXT NOT NULL
                );
                CREATE INDEX customer_phone_on_customer ON customer_phone(customer_id, position);
                CREATE INDEX customer_phone_on_normalized ON customer_phone(normalized);

                CREATE TABLE customer_email (
                  id INTEGER PRIMARY KEY,
                  customer_id INTEGER NOT NULL REFERENCES customer(id) ON DELETE CASCADE,
                  position INTEGER NOT NULL,
                  address TEXT NOT NULL,
                  label TEXT,
                  normalized TEXT NOT NULL
                );
                CREATE INDEX customer_email_on_customer ON customer_email(customer_id, position);
                CREATE INDEX customer_email_on_normalized ON customer_email(normalized);

                CREATE TABLE customer_tag (
                  customer_id INTEGER NOT NULL REFERENCES customer(id) ON DELETE CASCADE,
                  tag TEXT NOT NULL,
                  PRIMARY KEY (customer_id, tag)
                ) WITHOUT ROWID;
                CREATE INDEX customer_tag_on_tag ON customer_tag(tag);

                CREATE TABLE contact_person (
                  id INTEGER PRIMARY KEY AUTOINCREMENT,
                  customer_id INTEGER NOT NULL REFERENCES customer(id) ON DELETE CASCADE,
                  name TEXT NOT NULL CHECK (length(trim(name)) > 0),
                  role TEXT CHECK (role IN ('decision-maker', 'influencer', 'user', 'gatekeeper')),
                  phone TEXT,
                  email TEXT,
                  birthday TEXT,
                  notes TEXT
                );
                CREATE INDEX contact_person_on_customer ON contact_person(customer_id);

                CREATE TABLE interaction (
                  id INTEGER PRIMARY KEY AUTOINCREMENT,
                  customer_id INTEGER NOT NULL REFERENCES customer(id) ON DELETE CASCADE,
                  contact_id INTEGER REFERENCES contact_person(id) ON DELETE SET NULL,
                  kind TEXT NOT NULL CHECK (kind IN ('call', 'email', 'visit', 'meeting', 'message', 'note')),
                  occurred_at TEXT NOT NULL,
                  outcome TEXT CHECK (outcome IN ('reached', 'no-answer', 'replied', 'no-reply')),
                  note TEXT NOT NULL DEFAULT ''
                );
                CREATE INDEX interaction_on_customer_time ON interaction(customer_id, occurred_at);

                CREATE TABLE follow_up (
                  id INTEGER PRIMARY KEY AUTOINCREMENT,
                  customer_id INTEGER NOT NULL REFERENCES customer(id) ON DELETE CASCADE,
                  due_on TEXT NOT NULL,
                  due_time TEXT,
                  title TEXT NOT NULL DEFAULT '',
                  status TEXT NOT NULL DEFAULT 'open' CHECK (status IN ('open', 'done')),
                  done_at TEXT,
                  created_at TEXT NOT NULL,
                  interaction_id INTEGER REFERENCES interaction(id) ON DELETE SET NULL,
                  CHECK ((status = 'done') = (done_at IS NOT NULL))
                );
                CREATE INDEX follow_up_open_on_due ON follow_up(due_on) WHERE status = 'open';
                CREATE INDEX follow_up_open_on_customer ON follow_up(customer_id, due_on) WHERE status = 'open';
                CREATE INDEX follow_up_on_customer ON follow_up(customer_id);
                """)
        }
        migrator.registerMigration("v2-attention") { db in
            // Settings the seller can change; the cadences are the process guides' defaults.
            try db.execute(sql: """
                CREATE TABLE setting (key TEXT PRIMARY KEY, value TEXT NOT NULL) WITHOUT ROWID;
                INSERT INTO setting (key, value) VALUES
                  ('cadence.A', '14'), ('cadence.B', '14'), ('cadence.C', '30'), ('cadence.none', '60');
                -- The day a customer next needs the seller: the earliest open follow-up, or the
                -- day the grade's cadence runs out. A day, not a score, so it does not go stale
                -- overnight and the customer list can page through it by index.
                ALTER TABLE customer ADD COLUMN attention_on TEXT NOT NULL DEFAULT '9999-12-31';
                CREATE INDEX customer_on_attention ON customer(attention_on, sort_key, id);
                CREATE INDEX customer_on_last_contact ON customer(last_contact_at, id);
                """)
            try db.execute(sql: refreshAttentionV2(where: "1"))
            // Triggers keep it true in the same transaction as every change it depends on.
            try db.execute(sql: """
                CREATE TRIGGER customer_attention_on_insert AFTER INSERT ON customer BEGIN
                  \(refreshAttentionV2(where: "id = NEW.id"));
                END;
                CREATE TRIGGER customer_attention_on_update AFTER UPDATE OF grade, status, last_contact_at, created_at ON customer BEGIN
                  \(refreshAttentionV2(where: "id = NEW.id"));
                END;
                CREATE TRIGGER follow_up_attention_on_insert AFTER INSERT ON follow_up BEGIN
                  \(refreshAttentionV2(where: "id = NEW.customer_id"));
                END;
                CREATE TRIGGER follow_up_attention_on_update AFTER UPDATE OF status, due_on, customer_id ON follow_up BEGIN
                  \(refreshAttentionV2(where: "id = NEW.customer_id"));
                  \(refreshAttentionV2(where: "id = OLD.customer_id AND OLD.customer_id != NEW.customer_id"));
                END;
                CREATE TRIGGER follow_up_attention_on_delete AFTER DELETE ON follow_up BEGIN
                  \(refreshAttentionV2(where: "id = OLD.customer_id"));
                END;
                """)
        }
        migrator.registerMigration("v3-search-index") { db in
            // The TUI's filter reads every customer's search keys in name order; covered by an
            // index, that is one sequential read instead of 100,000 random ones.
            try db.execute(sql: """
                DROP INDEX customer_on_sort_key;
                CREATE INDEX customer_search_by_name ON customer(sort_key, id, search_text);
                """)
        }
        migrator.registerMigration("v4-contact-day-index") { db in
            // Forgotten customers are ranked by days waited, then id: an index on the day of the
            // contact clock (rowid comes last in every index) reads them in exactly that order.
            try db.execute(sql: """
                DROP INDEX customer_on_contact_clock;
                CREATE INDEX customer_on_contact_day
                  ON customer(grade, substr(coalesce(last_contact_at, created_at), 1, 10))
                  WHERE status NOT IN ('lost', 'dormant');
                """)
        }
        migrator.registerMigration("v5-reminder-rules") { db in
            try db.execute(sql: """
                ALTER TABLE customer ADD COLUMN cadence_days INTEGER CHECK (cadence_days IS NULL OR cadence_days >= 0);
                ALTER TABLE customer ADD COLUMN last_visit_at TEXT;
                ALTER TABLE customer ADD COLUMN silent_since TEXT;
                UPDATE customer SET
                  last_visit_at = (SELECT max(occurred_at) FROM interaction i
                                   WHERE i.customer_id = customer.id AND i.kind IN ('visit', 'meeting')),
                  silent_since = (SELECT CASE WHEN count(*) = 2 AND min(coalesce(outcome IN ('no-answer', 'no-reply'), 0)) = 1
                                              THEN max(occurred_at) END
                                  FROM (SELECT outcome, occurred_at FROM interaction i
                                        WHERE i.customer_id = customer.id AND i.kind != 'note'
                                        ORDER BY occurred_at DESC, id DESC LIMIT 2));

                INSERT OR IGNORE INTO setting (key, value) VALUES
                  ('visit.A', '30'), ('uncontacted.days', '7'), ('silent.attempts', '2'), ('silent.days', '30'),
                  ('birthday.days', '7'), ('stale.days', '90'), ('review.window', '90'), ('review.interactions', '3'),
                  ('review.quiet', '90'), ('review.first_days', '7'), ('urgency.due', '12'), ('urgency.cadence', '8'),
                  ('urgency.grade.A', '3'), ('urgency.grade.B', '2'), ('urgency.grade.C', '1'), ('urgency.birthday', '4'),
                  ('urgency.silent', '1'), ('urgency.stale', '2'), ('urgency.regrade', '1');

                -- One partial index per rule, holding exactly the rule's customers, so that each
                -- rule is an index range and its total an index-only count.
                DROP INDEX customer_on_contact_day;
                CREATE INDEX customer_forgotten_by_day ON customer(grade, substr(last_contact_at, 1, 10))
                  WHERE status NOT IN ('lost', 'dormant') AND last_contact_at IS NOT NULL
                    AND silent_since IS NULL AND cadence_days IS NULL;
                CREATE INDEX customer_own_cadence ON customer(cadence_days)
                  WHERE cadence_days > 0 AND status NOT IN ('lost', 'dormant') AND last_contact_at IS NOT NULL
                    AND silent_since IS NULL;
                CREATE INDEX customer_visit_by_day ON customer(substr(coalesce(last_visit_at, created_at), 1, 10))
                  WHERE grade = 'A' AND status NOT IN ('lost', 'dormant') AND (cadence_days IS NULL OR cadence_days > 0);
                CREATE INDEX customer_uncontacted_by_day ON customer(grade, substr(created_at, 1, 10))
                  WHERE last_contact_at IS NULL AND status NOT IN ('lost', 'dormant') AND (cadence_days IS NULL OR cadence_days > 0);
                CREATE INDEX customer_silent_by_day ON customer(grade, substr(silent_since, 1, 10))
                  WHERE silent_since IS NOT NULL AND status NOT IN ('lost', 'dormant') AND (cadence_days IS NULL OR cadence_days > 0);
                CREATE INDEX customer_birthday ON customer(substr(birthday, -5))
                  WHERE birthday IS NOT NULL AND status NOT IN ('lost', 'dormant');
                CREATE INDEX contact_person_birthday ON contact_person(substr(birthday, -5)) WHERE birthday IS NOT NULL;
                CREATE INDEX follow_up_open_by_created ON follow_up(created_at) WHERE status = 'open';

                -- After-sales playbooks: named sequences of follow-ups from a start day.
                CREATE TABLE playbook (name TEXT PRIMARY KEY CHECK (length(trim(name)) > 0)) WITHOUT ROWID;
                CREATE TABLE playbook_step (
                  playbook TEXT NOT NULL REFERENCES playbook(name) ON DELETE CASCADE ON UPDATE CASCADE,
                  position INTEGER NOT NULL,
                  offset_days INTEGER NOT NULL CHECK (offset_days >= 0),
                  title TEXT NOT NULL,
                  PRIMARY KEY (playbook, position)
                ) WITHOUT ROWID;
                INSERT INTO playbook (name) VALUES ('onboarding');
                INSERT INTO playbook_step (playbook, position, offset_days, title) VALUES
                  ('onboarding', 1, 1, '服务启动通知 · service-start message'),
                  ('onboarding', 2, 3, '使用指导 · usage guidance'),
                  ('onboarding', 3, 30, '月度价值回顾 · monthly value review');

                DROP TRIGGER customer_attention_on_insert;
                DROP TRIGGER customer_attention_on_update;
                DROP TRIGGER follow_up_attention_on_insert;
                DROP TRIGGER follow_up_attention_on_update;
                DROP TRIGGER follow_up_attention_on_delete;
                """)
            try db.execute(sql: refreshAttentionV5(where: "1"))
            try db.execute(sql: """
                CREATE TRIGGER customer_attention_on_insert AFTER INSERT ON customer BEGIN
                  \(refreshAttentionV5(where: "id = NEW.id"));
                END;
                CREATE TRIGGER customer_attention_on_update
                  AFTER UPDATE OF grade, status, last_contact_at, created_at, cadence_days, silent_since ON customer BEGIN
                  \(refreshAttentionV5(where: "id = NEW.id"));
                END;
                CREATE TRIGGER follow_up_attention_on_insert AFTER INSERT ON follow_up BEGIN
                  \(refreshAttentionV5(where: "id = NEW.customer_id"));
                END;
                CREATE TRIGGER follow_up_attention_on_update AFTER UPDATE OF status, due_on, customer_id ON follow_up BEGIN
                  \(refreshAttentionV5(where: "id = NEW.customer_id"));
                  \(refreshAttentionV5(where: "id = OLD.customer_id AND OLD.customer_id != NEW.customer_id"));
                END;
                CREATE TRIGGER follow_up_attention_on_delete AFTER DELETE ON follow_up BEGIN
                  \(refreshAttentionV5(where: "id = OLD.customer_id"));
                END;
                """)
        }
        migrator.registerMigration("v6-day-first-indexes") { db in
            // Silent customers are read in day order across grades: index the day first (v5 led
            // with the grade, which left the planner a table scan). Never-contacted customers
            // are found through the index on last_contact_at (its NULLs), which the planner
            // prefers: v5's index for them went unused.
            try db.execute(sql: """
                DROP INDEX customer_uncontacted_by_day;
                DROP INDEX customer_silent_by_day;
                CREATE INDEX customer_silent_by_day ON customer(substr(silent_since, 1, 10))
                  WHERE silent_since IS NOT NULL AND status NOT IN ('lost', 'dormant') AND (cadence_days IS NULL OR cadence_days > 0);
                """)
        }
        migrator.registerMigration("v7-covering-rule-indexes") { db in
            // A follow-up is stale while nothing has been logged on its customer since it was made:
            // keep that on the follow-up, so stale follow-ups are an index range and their count
            // reads no interaction (probing the interactions of every old promise took 300 ms).
            try db.execute(sql: """
                ALTER TABLE follow_up ADD COLUMN last_activity_at TEXT;
                UPDATE follow_up SET last_activity_at = (SELECT max(occurred_at) FROM interaction i
                  WHERE i.customer_id = follow_up.customer_id AND i.occurred_at > follow_up.created_at)
                WHERE status = 'open';
                DROP INDEX follow_up_open_by_created;

                -- SQLite checks a partial index's own conditions against the table row unless
                -- their columns are in the index: with them, each rule's total is counted from
                -- the index alone. The rule indexes are rebuilt so.
                DROP INDEX follow_up_open_on_due;
                DROP INDEX customer_forgotten_by_day;
                DROP INDEX customer_visit_by_day;
                DROP INDEX customer_silent_by_day;
                CREATE INDEX follow_up_open_on_due ON follow_up(due_on, status) WHERE status = 'open';
                CREATE INDEX follow_up_untouched_by_created ON follow_up(created_at, status, last_activity_at)
                  WHERE status = 'open' AND last_activity_at IS NULL;
                CREATE INDEX customer_forgotten_by_day
                  ON customer(grade, substr(last_contact_at, 1, 10), status, last_contact_at, silent_since, cadence_days)
                  WHERE status NOT IN ('lost', 'dormant') AND last_contact_at IS NOT NULL
                    AND silent_since IS NULL AND cadence_days IS NULL;
                CREATE INDEX customer_visit_by_day
                  ON customer(substr(coalesce(last_visit_at, created_at), 1, 10), grade, status, cadence_days, last_visit_at, created_at)
                  WHERE grade = 'A' AND status NOT IN ('lost', 'dormant') AND (cadence_days IS NULL OR cadence_days > 0);
                CREATE INDEX customer_silent_by_day ON customer(substr(silent_since, 1, 10), silent_since, status, cadence_days)
                  WHERE silent_since IS NOT NULL AND status NOT IN ('lost', 'dormant') AND (cadence_days IS NULL OR cadence_days > 0);
                -- Never-contacted customers by the day added (the planner preferred the
                -- last-contact index and read each row; queries name this one).
                CREATE INDEX customer_uncontacted_by_day
                  ON customer(substr(created_at, 1, 10), last_contact_at, status, cadence_days, created_at)
                  WHERE last_contact_at IS NULL AND status NOT IN ('lost', 'dormant') AND (cadence_days IS NULL OR cadence_days > 0);
                """)
        }
        migrator.registerMigration("v8-deals") { db in
            try db.execute(sql: """
                CREATE TABLE product (
                  id INTEGER PRIMARY KEY AUTOINCREMENT,
                  code TEXT NOT NULL UNIQUE COLLATE NOCASE CHECK (length(trim(code)) > 0),
                  name TEXT NOT NULL CHECK (length(trim(name)) > 0),
                  unit_price INTEGER NOT NULL CHECK (unit_price >= 0),
                  currency TEXT NOT NULL,
                  active INTEGER NOT NULL DEFAULT 1 CHECK (active IN (0, 1)),
                  created_at TEXT NOT NULL
                );

                CREATE TABLE deal (
                  id INTEGER PRIMARY KEY AUTOINCREMENT,
                  customer_id INTEGER NOT NULL REFERENCES customer(id) ON DELETE CASCADE,
                  title TEXT NOT NULL CHECK (length(trim(title)) > 0),
                  amount INTEGER NOT NULL CHECK (amount >= 0),
                  currency TEXT NOT NULL,
                  stage TEXT NOT NULL
                    CHECK (stage IN ('lead', 'qualified', 'needs', 'proposal', 'closing', 'won', 'paid', 'lost')),
                  probability INTEGER CHECK (probability BETWEEN 0 AND 100),
                  expected_close_on TEXT,
                  lost_reason TEXT CHECK (lost_reason IN ('price', 'competitor', 'no-budget', 'no-decision', 'timing', 'other')),
                  lost_note TEXT,
                  created_at TEXT NOT NULL,
                  updated_at TEXT NOT NULL,
                  stage_entered_at TEXT NOT NULL,
                  last_activity_at TEXT NOT NULL,
                  CHECK ((stage = 'lost') = (lost_reason IS NOT NULL))
                );
                CREATE INDEX deal_on_customer ON deal(customer_id, stage);
                -- The funnel is index-only aggregates: open and won deals by stage, paid and lost
                -- ones by the day they got there, open ones by expected close (the forecast and
                -- the close-passed rule), open ones by last activity (the stuck rule).
                CREATE INDEX deal_funnel ON deal(stage, currency, probability, amount);
                CREATE INDEX deal_closed_by_day ON deal(stage, stage_entered_at, currency, probability, amount)
                  WHERE stage IN ('paid', 'lost');
                CREATE INDEX deal_open_by_close ON deal(expected_close_on, stage, currency, probability, amount)
                  WHERE stage IN ('lead', 'qualified', 'needs', 'proposal', 'closing') AND expected_close_on IS NOT NULL;
                CREATE INDEX deal_open_by_activity ON deal(last_activity_at, stage)
                  WHERE stage IN ('lead', 'qualified', 'needs', 'proposal', 'closing');

                CREATE TABLE deal_item (
                  id INTEGER PRIMARY KEY,
                  deal_id INTEGER NOT NULL REFERENCES deal(id) ON DELETE CASCADE,
                  position INTEGER NOT NULL,
                  product_id INTEGER REFERENCES product(id) ON DELETE SET NULL,
                  description TEXT NOT NULL,
                  quantity INTEGER NOT NULL CHECK (quantity > 0),
                  unit_price INTEGER NOT NULL CHECK (unit_price >= 0),
                  discount_bp INTEGER NOT NULL DEFAULT 0 CHECK (discount_bp BETWEEN 0 AND 10000)
                );
                CREATE INDEX deal_item_on_deal ON deal_item(deal_id, position);

                -- One row per stay of a deal in a stage: entering it is a move (with the seller's
                -- note); leaving it fills left_at, left_to and the whole days spent, so stays and
                -- conversions over a window are index ranges.
                CREATE TABLE deal_stage (
                  id INTEGER PRIMARY KEY AUTOINCREMENT,
                  deal_id INTEGER NOT NULL REFERENCES deal(id) ON DELETE CASCADE,
                  stage TEXT NOT NULL,
                  from_stage TEXT,
                  entered_at TEXT NOT NULL,
                  note TEXT NOT NULL DEFAULT '',
                  left_at TEXT,
                  left_to TEXT,
                  days INTEGER,
                  CHECK ((left_at IS NULL) = (left_to IS NULL) AND (left_at IS NULL) = (days IS NULL))
                );
                CREATE INDEX deal_stage_on_deal ON deal_stage(deal_id, entered_at);
                CREATE INDEX deal_stage_by_entry ON deal_stage(entered_at, stage, left_to);
                CREATE INDEX deal_stage_by_exit ON deal_stage(left_at, stage, days) WHERE left_at IS NOT NULL;

                CREATE TABLE deal_check (
                  deal_id INTEGER NOT NULL REFERENCES deal(id) ON DELETE CASCADE,
                  stage TEXT NOT NULL,
                  item TEXT NOT NULL,
                  checked_at TEXT NOT NULL,
                  PRIMARY KEY (deal_id, stage, item)
                ) WITHOUT ROWID;

                CREATE TABLE contract (
                  id INTEGER PRIMARY KEY AUTOINCREMENT,
                  customer_id INTEGER NOT NULL REFERENCES customer(id) ON DELETE CASCADE,
                  deal_id INTEGER UNIQUE REFERENCES deal(id) ON DELETE SET NULL,
                  number TEXT NOT NULL UNIQUE COLLATE NOCASE CHECK (length(trim(number)) > 0),
                  signed_on TEXT NOT NULL,
                  starts_on TEXT NOT NULL,
                  ends_on TEXT,
                  amount INTEGER NOT NULL CHECK (amount > 0),
                  currency TEXT NOT NULL,
                  received INTEGER NOT NULL DEFAULT 0 CHECK (received >= 0),
                  created_at TEXT NOT NULL
                );
                CREATE INDEX contract_on_customer ON contract(customer_id);
                CREATE INDEX contract_owing ON contract(currency, amount, received) WHERE received < amount;
                CREATE INDEX contract_by_end ON contract(ends_on) WHERE ends_on IS NOT NULL;

                -- received is kept by the payment transaction, so what is owed is a partial index.
                CREATE TABLE instalment (
                  id INTEGER PRIMARY KEY AUTOINCREMENT,
                  contract_id INTEGER NOT NULL REFERENCES contract(id) ON DELETE CASCADE,
                  position INTEGER NOT NULL,
                  due_on TEXT NOT NULL,
                  amount INTEGER NOT NULL CHECK (amount > 0),
                  currency TEXT NOT NULL,
                  received INTEGER NOT NULL DEFAULT 0 CHECK (received >= 0),
                  UNIQUE (contract_id, position)
                );
                CREATE INDEX instalment_owing_by_due ON instalment(due_on, currency, amount, received) WHERE received < amount;

                CREATE TABLE payment (
                  id INTEGER PRIMARY KEY AUTOINCREMENT,
                  contract_id INTEGER NOT NULL REFERENCES contract(id) ON DELETE CASCADE,
                  instalment_id INTEGER NOT NULL REFERENCES instalment(id) ON DELETE CASCADE,
                  paid_on TEXT NOT NULL,
                  amount INTEGER NOT NULL CHECK (amount > 0),
                  currency TEXT NOT NULL,
                  note TEXT NOT NULL DEFAULT '',
                  created_at TEXT NOT NULL
                );
                CREATE INDEX payment_on_contract ON payment(contract_id, paid_on);
                CREATE INDEX payment_by_day ON payment(paid_on, currency, amount);

                -- The pipeline as data: probabilities and checklists from the process guides.
                INSERT OR IGNORE INTO setting (key, value) VALUES
                  ('deal.stuck_days', '21'), ('payment.days', '7'), ('renewal.days', '30'),
                  ('urgency.stuck', '2'), ('urgency.close', '3'), ('urgency.payment', '12'), ('urgency.renewal', '4'),
                  ('probability.lead', '10'), ('probability.qualified', '20'), ('probability.needs', '40'),
                  ('probability.proposal', '60'), ('probability.closing', '80'),
                  ('checklist.lead', 'none'), ('checklist.qualified', 'none'),
                  ('checklist.needs', 'situation understood 现状 | problem understood 问题 | implication understood 影响 | need-payoff understood 需求效益'),
                  ('checklist.proposal', 'real decision maker identified 找到真正的决策者 | expectations and end time agreed 设定期望与结束时间 | value stated for each level of the buyer 讲清各层级的价值'),
                  ('checklist.closing', 'objections recorded 记录异议 | terms agreed 谈妥条款'),
                  ('currency', 'CNY'), ('funnel.window', '90');
                """)
        }
        migrator.registerMigration("v9-funnel-rollups") { db in
            // The funnel from rollups that triggers keep beside deal and deal_stage: a 90-day
            // window is a few thousand rollup rows, not 100k deals and stays to aggregate.
            try db.execute(sql: funnelRollupsV9.map(\.sql).joined(separator: "\n") + """

                DROP INDEX deal_closed_by_day;
                DROP INDEX deal_stage_by_entry;
                DROP INDEX deal_stage_by_exit;
                """)
        }
        migrator.registerMigration("v10-history") { db in
            // Every change is kept as what SQLite's session extension recorded of it, so undo
            // is the changeset inverted and applied. A bulk import keeps only the range of
            // customer ids it added (bulk_first…bulk_last): recording each row would cost more
            // than writing it. A removed customer is a change like any other (trashed names
            // them) and stays until the trash is emptied, however old.
            try db.execute(sql: """
                CREATE TABLE history (
                  id INTEGER PRIMARY KEY AUTOINCREMENT,
                  made_at TEXT NOT NULL,
                  command TEXT NOT NULL,
                  summary TEXT NOT NULL,
                  changeset BLOB NOT NULL,
                  bulk_first INTEGER,
                  bulk_last INTEGER,
                  trashed INTEGER,
                  undone_at TEXT,
                  undo_order INTEGER,
                  reverse BLOB,
                  redoable INTEGER NOT NULL DEFAULT 0 CHECK (redoable IN (0, 1)),
                  CHECK ((bulk_first IS NULL) = (bulk_last IS NULL)),
                  CHECK ((undone_at IS NULL) = (reverse IS NULL) AND (undone_at IS NULL) = (undo_order IS NULL))
                );
                CREATE INDEX history_by_time ON history(made_at);
                CREATE INDEX history_trash ON history(trashed) WHERE trashed IS NOT NULL AND undone_at IS NULL;
                CREATE INDEX history_redo ON history(undo_order) WHERE redoable = 1;
                CREATE TABLE history_customer (
                  customer_id INTEGER NOT NULL,
                  change_id INTEGER NOT NULL REFERENCES history(id) ON DELETE CASCADE,
                  PRIMARY KEY (customer_id, change_id)
                ) WITHOUT ROWID;
                CREATE INDEX history_customer_on_change ON history_customer(change_id);

                -- The follow-up a logged contact closed, so removing the entry opens it again.
                ALTER TABLE follow_up ADD COLUMN closed_by INTEGER REFERENCES interaction(id) ON DELETE SET NULL;
                CREATE INDEX follow_up_on_closed_by ON follow_up(closed_by) WHERE closed_by IS NOT NULL;
                """)
            // Undo re-inserts removed rows with their ids: ids are never handed out twice, so
            // the rows without AUTOINCREMENT get it (a table is rebuilt to change its key).
            for table in ["customer_phone", "customer_email", "deal_item"] {
                try rebuildWithAutoincrement(table, db)
            }
        }
        migrator.registerMigration("v11-payment-void") { db in
            // A payment can be voided: a reversal that keeps the row, so what was once recorded
            // stays listed. A voided payment counts nowhere: `payment_by_day` (this month's
            // collections) becomes partial on the payments that stand, which the funnel's query
            // repeats word for word.
            try db.execute(sql: """
                ALTER TABLE payment ADD COLUMN voided_at TEXT;
                ALTER TABLE payment ADD COLUMN void_note TEXT NOT NULL DEFAULT '';
                DROP INDEX payment_by_day;
                CREATE INDEX payment_by_day ON payment(paid_on, currency, amount) WHERE voided_at IS NULL;
                """)
        }
        return migrator
    }

    /// Rebuilds `table` with `id INTEGER PRIMARY KEY AUTOINCREMENT`, keeping its rows, columns,
    /// indexes and the ids handed out so far. Frozen with migration v10.
    static func rebuildWithAutoincrement(_ table: String, _ db: Database) throws {
        guard let sql = try String.fetchOne(db, sql: "SELECT sql FROM sqlite_master WHERE type = 'table' AND name = ?", arguments: [table]),
              let key = sql.range(of: "id INTEGER PRIMARY KEY,")
        else { throw DatabaseError(message: "table \(table) is not as migration v8 made it") }
        let indexes = try String.fetchAll(db, sql: "SELECT sql FROM sqlite_master WHERE type = 'index' AND tbl_name = ? AND sql IS NOT NULL",
                                          arguments: [table])
        let rebuilt = sql.replacingCharacters(in: key, with: "id INTEGER PRIMARY KEY AUTOINCREMENT,")
            .replacingOccurrences(of: "CREATE TABLE \(table) (", with: "CREATE TABLE \(table)_new (")
        try db.execute(sql: rebuilt)
        try db.execute(sql: "INSERT INTO \(table)_new SELECT * FROM \(table)")
        try db.execute(sql: "DROP TABLE \(table)")
        try db.execute(sql: "ALTER TABLE \(table)_new RENAME TO \(table)")
        for index in indexes { try db.execute(sql: index) }
    }

    /// Recomputes `attention_on` for the customers `condition` selects: the earliest of the
    /// first open follow-up and the day contact is next due — for a silent customer the
    /// light touch after `silent.days`, else the last contact (or the day added) plus the
    /// customer's own cadence or the grade's. Lost, dormant and never-chased customers
    /// have only their follow-ups.
    ///
    /// Frozen with migration v5, which wrote it into its triggers.
    static func refreshAttentionV5(where condition: String) -> String {
        """
        UPDATE customer SET attention_on = min(
            coalesce((SELECT min(f.due_on) FROM follow_up f WHERE f.customer_id = customer.id AND f.status = 'open'), '9999-12-31'),
            coalesce(\(contactDueV5), '9999-12-31'))
        WHERE \(condition)
        """
    }

    /// The day contact is next due, by the customer's columns (NULL: never chased). Frozen
    /// with migration v5.
    static let contactDueV5 = """
        CASE
              WHEN status IN ('lost', 'dormant') OR cadence_days = 0 THEN NULL
              WHEN silent_since IS NOT NULL THEN date(substr(silent_since, 1, 10),
                '+' || (SELECT value FROM setting WHERE key = 'silent.days') || ' days')
              ELSE date(substr(coalesce(last_contact_at, created_at), 1, 10),
                '+' || coalesce(cadence_days, (SELECT value FROM setting WHERE key = 'cadence.' || coalesce(grade, 'none'))) || ' days')
            END
        """

    /// The funnel's rollups as migration v9 made them; `check` compares against the same.
    static let funnelRollups = funnelRollupsV9

    /// Frozen with migration v9. A deal's own probability is a key; -1 stands for the
    /// stage's default.
    static var funnelRollupsV9: [Rollup] {
        let probability = (column: "probability", value: "coalesce($.probability, -1)")
        return [
            // Every deal by stage, currency and probability.
            Rollup(table: "deal_totals", source: "deal",
                   keys: [("stage", "$.stage"), ("currency", "$.currency"), probability],
                   count: "deals", sums: [("amount", "$.amount")],
                   watched: ["stage", "currency", "probability", "amount"]),
            // Paid and lost deals by the day they got there.
            Rollup(table: "deal_closed_days", source: "deal",
                   keys: [("day", "substr($.stage_entered_at, 1, 10)"), ("stage", "$.stage"), ("currency", "$.currency"), probability],
                   count: "deals", sums: [("amount", "$.amount")], condition: "$.stage IN ('paid', 'lost')",
                   watched: ["stage", "stage_entered_at", "currency", "probability", "amount"]),
            // Open deals by expected close day.
            Rollup(table: "deal_close_days", source: "deal",
                   keys: [("day", "$.expected_close_on"), ("stage", "$.stage"), ("currency", "$.currency"), probability],
                   count: "deals", sums: [("amount", "$.amount")],
                   condition: "$.stage IN ('lead', 'qualified', 'needs', 'proposal', 'closing') AND $.expected_close_on IS NOT NULL",
                   watched: ["stage", "expected_close_on", "currency", "probability", "amount"]),
            // Stays entered per day, by where the deal went ('' while still there).
            Rollup(table: "stage_entries", source: "deal_stage",
                   keys: [("day", "substr($.entered_at, 1, 10)"), ("stage", "$.stage"), ("left_to", "coalesce($.left_to, '')")],
                   count: "stays", watched: ["stage", "entered_at", "left_to"]),
            // Stays ended per day, with their whole days.
            Rollup(table: "stage_exits", source: "deal_stage",
                   keys: [("day", "substr($.left_at, 1, 10)"), ("stage", "$.stage")],
                   count: "stays", sums: [("days", "$.days")], condition: "$.left_at IS NOT NULL",
                   watched: ["stage", "left_at", "days"]),
        ]
    }

    /// Recomputes `attention_on` for every customer: after the cadences change.
    static func refreshAllAttention(_ db: Database) throws {
        try db.execute(sql: refreshAttentionV5(where: "1"))
    }

    /// Recomputes `attention_on` for the customers `condition` selects: never for lost and
    /// dormant customers (the far future), else the earliest of the first open follow-up and
    /// the last contact (or the day added) plus the grade's cadence.
    ///
    /// Frozen with migration v2, which wrote it into its triggers: a different rule is a new
    /// function and a new migration that replaces the triggers (as v5 did).
    static func refreshAttentionV2(where condition: String) -> String {
        """
        UPDATE customer SET attention_on = CASE WHEN status IN ('lost', 'dormant') THEN '9999-12-31' ELSE min(
            coalesce((SELECT min(f.due_on) FROM follow_up f WHERE f.customer_id = customer.id AND f.status = 'open'), '9999-12-31'),
            coalesce(date(substr(coalesce(last_contact_at, created_at), 1, 10),
                          '+' || (SELECT value FROM setting WHERE key = 'cadence.' || coalesce(grade, 'none')) || ' days'),
                     '9999-12-31'))
          END
        WHERE \(condition)
        """
    }
}
