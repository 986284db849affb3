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
        return migrator
    }
}
