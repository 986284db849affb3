// The session extension (the book's history of changes) is declared only with both macros;
// Debian's libsqlite3 is built with it.
#define SQLITE_ENABLE_SESSION 1
#define SQLITE_ENABLE_PREUPDATE_HOOK 1
#include <sqlite3.h>

// sqlite3_db_config is variadic, so Swift cannot call it: these wrappers can.

// Defensive mode: no writable_schema, no journal_mode=OFF, no writes to shadow tables,
// so SQL from a hostile file cannot corrupt the database it runs in.
static inline int rapport_sqlite_set_defensive(sqlite3 *db) {
    return sqlite3_db_config(db, SQLITE_DBCONFIG_DEFENSIVE, 1, (int *)0);
}

// Whether defensive mode is on, for tests.
static inline int rapport_sqlite_is_defensive(sqlite3 *db) {
    int on = -1;
    sqlite3_db_config(db, SQLITE_DBCONFIG_DEFENSIVE, -1, &on);
    return on;
}
