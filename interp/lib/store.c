/*
 * store.c -- module `store`: an embedded series database with vintages (SQLite).
 *
 *   db = store.open(path, {readonly=false})   opens or creates a store
 *   db:put(name, s, {unit=, source=, description=, kind=, vintage=})
 *                                     records s as a new vintage (stamped
 *                                     `vintage`, default now, UTC); returns
 *                                     the stamp, or false when s equals the
 *                                     latest vintage (nothing recorded)
 *   db:get(name, {as_of=})           the latest vintage, or the one known at
 *                                     as_of ("2024-06-30" means by the end
 *                                     of that day); nil, message if none
 *   db:meta(name), db:vintages(name), db:list(pattern), db:delete(name),
 *   db:close(), db.path
 *
 * Schema (user_version 2):
 *   series(name PRIMARY KEY, freq, unit, source, description, kind, created)
 *   vintages(name, stamp, start, n, data BLOB, PRIMARY KEY(name, stamp))
 * data holds n little-endian IEEE doubles (NaN = missing); start is the
 * first period's text. Version 1 stores (no description/kind columns)
 * are migrated on open. Every write is one transaction in WAL mode, so a
 * process killed mid-write leaves either the old or the new vintage
 * (store._transaction makes several writes one, for db:import_csv); a
 * busy timeout (10 s by default, in total per operation) lets several
 * processes read and write one file. A record whose blob length does not
 * match n, or a file that is not a store, is an error naming the file,
 * never a crash.
 *
 * Error paths: every statement and transaction is owned by a to-be-closed
 * value on the Lua stack, so a raise anywhere (a bad argument, out of
 * memory, a corrupt record) finalizes the statement and rolls the
 * transaction back before the error leaves the function.
 */
#include <lauxlib.h>
#include <lua.h>
#include <math.h>
#include <sqlite3.h>
#include <stdint.h>
#include <stdio.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#include "core/calendar.h"
#include "series/opts.h"
#include "series/series.h"
#include "lib/tnlib.h"

#define STORE_MT "tenor.store"
#define SCHEMA_VERSION 2
#define BUSY_MS 10000

typedef struct {
    sqlite3 *db;
    int readonly;
    int busy_ms;          /* the longest wait for another process's lock */
} tn_store;

/* The store a db: method is called on; fn names the method in errors. */
static tn_store *store_self(lua_State *L, const char *fn) {
    tn_store *st = luaL_testudata(L, 1, STORE_MT);
    if (!st) tn_arg_error(L, fn, "is a store method", "called on a %s: write db:%s(...) with db = store.open(path)",
                          luaL_typename(L, 1), fn + 3);
    return st;
}

/* The same, open. */
static tn_store *check_store_as(lua_State *L, const char *fn) {
    tn_store *st = store_self(L, fn);
    if (!st->db) luaL_error(L, "%s: the store is closed", fn);
    return st;
}

/* A series name argument: a non-empty string. */
static const char *check_name(lua_State *L, int idx, const char *fn) {
    if (lua_type(L, idx) != LUA_TSTRING || lua_rawlen(L, idx) == 0)
        tn_arg_error(L, fn, "name", "must be a series name, a non-empty string (got a %s)", luaL_typename(L, idx));
    return lua_tostring(L, idx);
}

static const char *store_path(lua_State *L) {
    lua_getiuservalue(L, 1, 1);
    const char *p = lua_tostring(L, -1);
    lua_pop(L, 1);
    return p ? p : "?";
}

static int db_fail(lua_State *L, sqlite3 *db, const char *what) {
    return luaL_error(L, "store %s: %s: %s", store_path(L), what, sqlite3_errmsg(db));
}

static int exec_sql(sqlite3 *db, const char *sql) {
    return sqlite3_exec(db, sql, NULL, NULL, NULL);
}

static double now_ms(void) {
    struct timespec t;
    clock_gettime(CLOCK_MONOTONIC, &t);
    return (double)t.tv_sec * 1e3 + (double)t.tv_nsec / 1e6;
}

/* Switching to WAL, creating the schema and BEGIN IMMEDIATE can meet
   another process; the busy handler does not cover every such case, so
   retry, each try waiting only what is left of busy_ms: busy_ms in total,
   not per try. */
static int exec_retry(sqlite3 *db, const char *sql, int busy_ms) {
    double deadline = now_ms() + busy_ms;
    int rc;
    for (;;) {
        double left = deadline - now_ms();
        sqlite3_busy_timeout(db, left > 0 ? (int)left : 0);
        rc = exec_sql(db, sql);
        if ((rc != SQLITE_BUSY && rc != SQLITE_LOCKED) || now_ms() >= deadline) break;
        sqlite3_sleep(10);
    }
    sqlite3_busy_timeout(db, busy_ms);
    return rc;
}

/* ------------------------------------ statements and transactions */

#define STMT_MT "tenor.store_stmt"
#define TX_MT "tenor.store_tx"

static int stmt_close(lua_State *L) {
    sqlite3_stmt **q = luaL_checkudata(L, 1, STMT_MT);
    sqlite3_finalize(*q);
    *q = NULL;
    return 0;
}

/* Prepares sql as a to-be-closed value pushed on the stack: finalized when
   the calling C function returns or raises. Raises (naming `what`) when
   sql does not prepare. */
static sqlite3_stmt *stmt_prepare(lua_State *L, sqlite3 *db, const char *sql, const char *what) {
    sqlite3_stmt **q = lua_newuserdatauv(L, sizeof *q, 0);
    *q = NULL;
    luaL_setmetatable(L, STMT_MT);
    lua_toclose(L, -1);
    if (sqlite3_prepare_v2(db, sql, -1, q, NULL) != SQLITE_OK) db_fail(L, db, what);
    return *q;
}

/* Finalizes the statement on top and pops it. The slot is closed with
   lua_closeslot first: Lua 5.4.4's lua_settop (and so lua_pop) keeps a
   stack pointer that a __close may invalidate (fixed in 5.4.5). */
static void stmt_done(lua_State *L) {
    lua_closeslot(L, -1);
    lua_pop(L, 1);
}

/* A write transaction: BEGIN IMMEDIATE, or a savepoint inside an outer
   one (db:put within store._transaction). */
typedef struct {
    sqlite3 *db;
    int open, nested;
} tx_guard;

static int tx_close(lua_State *L) {
    tx_guard *t = luaL_checkudata(L, 1, TX_MT);
    if (t->open) exec_sql(t->db, t->nested ? "ROLLBACK TO tn_tx; RELEASE tn_tx" : "ROLLBACK");
    t->open = 0;
    return 0;
}

/* Begins a transaction owned by a to-be-closed value pushed on the stack:
   rolled back unless tx_commit ran first. */
static tx_guard *tx_begin(lua_State *L, tn_store *st, const char *what) {
    tx_guard *t = lua_newuserdatauv(L, sizeof *t, 0);
    t->db = st->db;
    t->open = 0;
    t->nested = !sqlite3_get_autocommit(st->db);
    luaL_setmetatable(L, TX_MT);
    lua_toclose(L, -1);
    int rc = t->nested ? exec_sql(st->db, "SAVEPOINT tn_tx") : exec_retry(st->db, "BEGIN IMMEDIATE", st->busy_ms);
    if (rc != SQLITE_OK) db_fail(L, st->db, what);
    t->open = 1;
    return t;
}

static void tx_commit(lua_State *L, tx_guard *t, const char *what) {
    if (exec_sql(t->db, t->nested ? "RELEASE tn_tx" : "COMMIT") != SQLITE_OK) db_fail(L, t->db, what);
    t->open = 0;
}

static int user_version(sqlite3 *db, int *v) {
    sqlite3_stmt *q;
    int rc = sqlite3_prepare_v2(db, "PRAGMA user_version", -1, &q, NULL);
    if (rc != SQLITE_OK) return rc;
    rc = sqlite3_step(q);
    *v = rc == SQLITE_ROW ? sqlite3_column_int(q, 0) : 0;
    sqlite3_finalize(q);
    return rc == SQLITE_ROW ? SQLITE_OK : rc;
}

static const char SCHEMA[] =
    "CREATE TABLE IF NOT EXISTS series(name TEXT PRIMARY KEY, freq TEXT NOT NULL, unit TEXT,"
    " source TEXT, description TEXT, kind TEXT, created TEXT NOT NULL);"
    "CREATE TABLE IF NOT EXISTS vintages(name TEXT NOT NULL REFERENCES series(name) ON DELETE CASCADE,"
    " stamp TEXT NOT NULL, start TEXT NOT NULL, n INTEGER NOT NULL, data BLOB NOT NULL,"
    " PRIMARY KEY(name, stamp));";

/* Creates the schema in an empty file, migrates version 1, refuses newer. */
static int prepare_schema(lua_State *L, sqlite3 *db, const char *path, int readonly, int busy_ms) {
    int v;
    if (user_version(db, &v) != SQLITE_OK)
        return luaL_error(L, "store.open: %s is not a tenor store (%s)", path, sqlite3_errmsg(db));
    if (v == SCHEMA_VERSION) return 0;
    if (v > SCHEMA_VERSION)
        return luaL_error(L, "store.open: %s has schema version %d; this tenor reads up to %d", path, v, SCHEMA_VERSION);
    if (readonly)
        return luaL_error(L, "store.open: %s needs creating or migrating (version %d) but is opened read-only", path, v);
    if (exec_retry(db, "BEGIN IMMEDIATE", busy_ms) != SQLITE_OK) return luaL_error(L, "store.open: %s: %s", path, sqlite3_errmsg(db));
    if (user_version(db, &v) != SQLITE_OK) {     /* another process may have just created it */
        exec_sql(db, "ROLLBACK");
        return luaL_error(L, "store.open: %s: %s", path, sqlite3_errmsg(db));
    }
    if (v == SCHEMA_VERSION) return exec_sql(db, "COMMIT"), 0;
    int rc = SQLITE_OK;
    if (v == 0) {
        rc = exec_sql(db, SCHEMA);
    } else if (v == 1) {       /* version 1 had no description or kind */
        rc = exec_sql(db, "ALTER TABLE series ADD COLUMN description TEXT;"
                          "ALTER TABLE series ADD COLUMN kind TEXT;");
    }
    if (rc == SQLITE_OK) rc = exec_sql(db, "PRAGMA user_version = 2");
    if (rc != SQLITE_OK) {
        const char *msg = lua_pushstring(L, sqlite3_errmsg(db));
        exec_sql(db, "ROLLBACK");
        return luaL_error(L, "store.open: %s: cannot prepare the schema: %s", path, msg);
    }
    if (exec_sql(db, "COMMIT") != SQLITE_OK) return luaL_error(L, "store.open: %s: %s", path, sqlite3_errmsg(db));
    return 0;
}

#define OPT_END {NULL, NULL, NULL, 0, 0, 0, NULL, NULL, NULL}
#define NO_RANGE -HUGE_VAL, HUGE_VAL, 0
static const tn_opt open_opts[] = {
    {"readonly", "boolean", NULL, NO_RANGE, "false", "open without writing (no WAL, no schema change)", NULL},
    {"busy_timeout", "number", NULL, 0, 86400, 0, "10", "seconds to wait for another process's lock, in total per operation", NULL},
    OPT_END
};
static const tn_opt put_opts[] = {
    {"vintage", "string", NULL, NO_RANGE, "now (UTC)", "the vintage stamp: YYYY-MM-DD, optionally with a time", NULL},
    {"unit", "string", NULL, NO_RANGE, "s.meta.unit", "unit of the values", NULL},
    {"source", "string", NULL, NO_RANGE, "s.meta.source", "where the data come from", NULL},
    {"description", "string", NULL, NO_RANGE, "s.meta.description", "one line about the series", NULL},
    {"kind", "string", NULL, NO_RANGE, "s.meta.kind", "flow, stock, rate or index (how :to() aggregates)", NULL},
    OPT_END
};
static const tn_opt get_opts[] = {
    {"as_of", "string", NULL, NO_RANGE, "the latest", "the vintage known at this date (YYYY-MM-DD, or a full stamp)", NULL},
    OPT_END
};

/* A vintage date given by the caller: YYYY-MM-DD, optionally with a time. */
static const char *check_stamp(lua_State *L, const char *v, const char *fname, const char *key) {
    int y, m, d;
    if (v && (sscanf(v, "%4d-%2d-%2d", &y, &m, &d) != 3 || strlen(v) < 10 || m < 1 || m > 12 || d < 1 || d > 31))
        tn_arg_error(L, fname, key, "must be a date YYYY-MM-DD (optionally with a time), got '%s'", v);
    return v;
}

/* A file name as an SQLite URI path: '%', '?' and '#' escaped. */
static void uri_path(luaL_Buffer *b, const char *path) {
    for (const char *c = path; *c; c++) {
        if (*c == '%' || *c == '?' || *c == '#') {
            char esc[4];
            snprintf(esc, sizeof esc, "%%%02X", (unsigned char)*c);
            luaL_addstring(b, esc);
        } else {
            luaL_addchar(b, *c);
        }
    }
}

/* Opens st->db; 0, or an SQLite error code with st->db closed. A
   read-only open of a WAL store in a folder it may not write (a shared
   store read by a sandboxed run) cannot create the -shm file; with no -wal
   file there is nothing unwritten, so it opens the file as immutable. */
static int open_db(lua_State *L, tn_store *st, const char *path) {
    int flags = st->readonly ? SQLITE_OPEN_READONLY : SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE;
    int rc = sqlite3_open_v2(path, &st->db, flags | SQLITE_OPEN_NOMUTEX, NULL);
    int v;
    if (rc == SQLITE_OK && st->readonly && (rc = user_version(st->db, &v)) != SQLITE_OK) {
        const char *wal = lua_pushfstring(L, "%s-wal", path);
        int has_wal = access(wal, F_OK) == 0;
        lua_pop(L, 1);
        if ((rc & 0xff) == SQLITE_READONLY || (rc & 0xff) == SQLITE_CANTOPEN) {
            if (!has_wal) {
                luaL_Buffer b;
                luaL_buffinit(L, &b);
                luaL_addstring(&b, "file:");
                uri_path(&b, path);
                luaL_addstring(&b, "?immutable=1");
                luaL_pushresult(&b);
                sqlite3_close(st->db);
                rc = sqlite3_open_v2(lua_tostring(L, -1), &st->db, flags | SQLITE_OPEN_NOMUTEX | SQLITE_OPEN_URI, NULL);
                lua_pop(L, 1);
            }
        } else {
            rc = SQLITE_OK;          /* not a store: prepare_schema says so */
        }
    }
    return rc;
}

/* store.open(path, {readonly=, busy_timeout=}) */
static int store_open(lua_State *L) {
    if (lua_type(L, 1) != LUA_TSTRING)
        return tn_arg_error(L, "store.open", "path", "must be a file name (got a %s)", luaL_typename(L, 1));
    const char *path = lua_tostring(L, 1);
    tn_opts_check(L, 2, "store.open");
    lua_getfield(L, 2, "readonly");
    lua_getfield(L, 2, "busy_timeout");
    tn_store *st = lua_newuserdatauv(L, sizeof *st, 1);
    st->db = NULL;
    st->readonly = lua_toboolean(L, -3);
    st->busy_ms = lua_isnumber(L, -2) ? (int)(lua_tonumber(L, -2) * 1000) : BUSY_MS;
    luaL_setmetatable(L, STORE_MT);
    lua_pushvalue(L, 1);
    lua_setiuservalue(L, -2, 1);
    int rc = open_db(L, st, path);
    if (rc != SQLITE_OK) {
        const char *msg = lua_pushstring(L, st->db ? sqlite3_errmsg(st->db) : sqlite3_errstr(rc));
        sqlite3_close(st->db);
        st->db = NULL;
        return luaL_error(L, "store.open: cannot open %s: %s", path, msg);
    }
    sqlite3_busy_timeout(st->db, st->busy_ms);
    exec_sql(st->db, "PRAGMA foreign_keys = ON");
    if (!st->readonly && (rc = exec_retry(st->db, "PRAGMA journal_mode = WAL", st->busy_ms)) != SQLITE_OK) {
        const char *msg = lua_pushstring(L, sqlite3_errmsg(st->db));
        sqlite3_close(st->db);
        st->db = NULL;
        if (rc == SQLITE_BUSY || rc == SQLITE_LOCKED) return luaL_error(L, "store.open: %s is busy: %s", path, msg);
        return luaL_error(L, "store.open: %s is not a tenor store (%s)", path, msg);
    }
    prepare_schema(L, st->db, path, st->readonly, st->busy_ms);
    return 1;
}

static int store_close(lua_State *L) {
    tn_store *st = store_self(L, "db:close");
    if (st->db) sqlite3_close(st->db);
    st->db = NULL;
    return 0;
}

/* ------------------------------------------------------------ helpers */

/* The metadata field of s (meta.key), when opts lacks it. */
static const char *meta_text(lua_State *L, int opts, int series_idx, const char *key) {
    if (lua_istable(L, opts)) {
        lua_getfield(L, opts, key);
        if (lua_isstring(L, -1)) return lua_tostring(L, -1);   /* left on the stack */
        lua_pop(L, 1);
    }
    tn_series_push_meta(L, series_idx);
    lua_getfield(L, -1, key);
    lua_remove(L, -2);
    if (lua_isstring(L, -1)) return lua_tostring(L, -1);
    return NULL;
}

static void now_stamp(char *buf, size_t size) {
    struct timespec ts;
    clock_gettime(CLOCK_REALTIME, &ts);
    struct tm tm;
    gmtime_r(&ts.tv_sec, &tm);
    snprintf(buf, size, "%04d-%02d-%02dT%02d:%02d:%02d.%06ldZ", tm.tm_year + 1900, tm.tm_mon + 1, tm.tm_mday,
             tm.tm_hour, tm.tm_min, tm.tm_sec, ts.tv_nsec / 1000);
}

/* The vintage stamp: opts.vintage ("2024-06-30" or with a time) or now. */
static const char *vintage_stamp(lua_State *L, int opts, char *buf, size_t size) {
    lua_getfield(L, opts, "vintage");
    const char *v = check_stamp(L, lua_tostring(L, -1), "db:put", "option 'vintage'");
    if (v) snprintf(buf, size, "%s", v);
    else now_stamp(buf, size);
    lua_pop(L, 1);
    return buf;
}

/* Encodes the values as little-endian doubles into a Lua buffer string. */
static void push_blob(lua_State *L, const tn_series *s) {
    luaL_Buffer b;
    unsigned char *p = (unsigned char *)luaL_buffinitsize(L, &b, (size_t)s->n * 8);
    for (size_t i = 0; i < s->n; i++) {
        uint64_t u;
        memcpy(&u, &s->v[i], 8);
        for (int k = 0; k < 8; k++) p[i * 8 + k] = (unsigned char)(u >> (8 * k));
    }
    luaL_pushresultsize(&b, (size_t)s->n * 8);
}

static double blob_value(const unsigned char *p, size_t i) {
    uint64_t u = 0;
    for (int k = 0; k < 8; k++) u |= (uint64_t)p[i * 8 + k] << (8 * k);
    double x;
    memcpy(&x, &u, 8);
    return x;
}

/* ------------------------------------------------------------ put */

/* Whether the latest vintage of name has this start and these bytes. */
static int latest_equals(lua_State *L, sqlite3 *db, const char *name, const char *start, const char *blob, size_t len) {
    sqlite3_stmt *q = stmt_prepare(L, db, "SELECT start, data FROM vintages WHERE name = ?1 ORDER BY stamp DESC LIMIT 1",
                                   "put");
    int same = 0;
    sqlite3_bind_text(q, 1, name, -1, SQLITE_STATIC);
    if (sqlite3_step(q) == SQLITE_ROW) {
        const char *s0 = (const char *)sqlite3_column_text(q, 0);
        size_t n0 = (size_t)sqlite3_column_bytes(q, 1);
        const void *d0 = sqlite3_column_blob(q, 1);
        same = s0 && strcmp(s0, start) == 0 && n0 == len && (len == 0 || memcmp(d0, blob, len) == 0);
    }
    stmt_done(L);
    return same;
}

/* The series row: inserted, or its descriptive fields updated. */
static int upsert_series(lua_State *L, sqlite3 *db, const char *name, const tn_series *s, int opts, int sidx,
                         const char *stamp) {
    static const char UPSERT[] =
        "INSERT INTO series(name, freq, unit, source, description, kind, created) VALUES(?1,?2,?3,?4,?5,?6,?7)"
        " ON CONFLICT(name) DO UPDATE SET unit = coalesce(?3, unit), source = coalesce(?4, source),"
        " description = coalesce(?5, description), kind = coalesce(?6, kind)";
    static const char *const keys[] = {"unit", "source", "description", "kind"};
    sqlite3_stmt *q = stmt_prepare(L, db, UPSERT, "put");
    int top = lua_gettop(L);
    sqlite3_bind_text(q, 1, name, -1, SQLITE_STATIC);
    sqlite3_bind_text(q, 2, tn_freq_code(s->freq), -1, SQLITE_STATIC);
    for (int i = 0; i < 4; i++) {
        const char *v = meta_text(L, opts, sidx, keys[i]);
        if (v) sqlite3_bind_text(q, 3 + i, v, -1, SQLITE_TRANSIENT);
        else sqlite3_bind_null(q, 3 + i);
    }
    lua_settop(L, top);
    sqlite3_bind_text(q, 7, stamp, -1, SQLITE_STATIC);
    int rc = sqlite3_step(q);
    stmt_done(L);
    return rc == SQLITE_DONE ? SQLITE_OK : rc;
}

/* The vintage row; blob is the encoded values. */
static int insert_vintage(lua_State *L, sqlite3 *db, const char *name, const tn_series *s, const char *start,
                          const char *stamp, const char *blob, size_t len) {
    sqlite3_stmt *q = stmt_prepare(L, db, "INSERT INTO vintages(name, stamp, start, n, data) VALUES(?1,?2,?3,?4,?5)",
                                   "put");
    sqlite3_bind_text(q, 1, name, -1, SQLITE_STATIC);
    sqlite3_bind_text(q, 2, stamp, -1, SQLITE_STATIC);
    sqlite3_bind_text(q, 3, start, -1, SQLITE_STATIC);
    sqlite3_bind_int64(q, 4, (sqlite3_int64)s->n);
    sqlite3_bind_blob64(q, 5, blob, len, SQLITE_STATIC);
    int rc = sqlite3_step(q);
    stmt_done(L);
    return rc == SQLITE_DONE ? SQLITE_OK : rc;
}

/* The frequency name is stored with, into out; 0 when it is new. */
static int freq_of(lua_State *L, sqlite3 *db, const char *name, char *out, size_t size) {
    sqlite3_stmt *q = stmt_prepare(L, db, "SELECT freq FROM series WHERE name = ?1", "put");
    int found = 0;
    sqlite3_bind_text(q, 1, name, -1, SQLITE_STATIC);
    if (sqlite3_step(q) == SQLITE_ROW) {
        snprintf(out, size, "%s", (const char *)sqlite3_column_text(q, 0));
        found = 1;
    }
    stmt_done(L);
    return found;
}

static int store_put(lua_State *L) {
    tn_store *st = check_store_as(L, "db:put");
    const char *name = check_name(L, 2, "db:put");
    const tn_series *s = tn_series_check(L, 3);
    if (st->readonly) return luaL_error(L, "db:put: store %s is open read-only", store_path(L));
    tn_opts_check(L, 4, "db:put");
    char stampbuf[64], start[64], oldfreq[16];
    const char *stamp = vintage_stamp(L, 4, stampbuf, sizeof stampbuf);
    tn_period_format(s->freq, s->start, TN_STYLE_ISO, start, sizeof start);
    push_blob(L, s);                                   /* slot 5 */
    size_t len;
    const char *blob = lua_tolstring(L, 5, &len);
    tx_guard *tx = tx_begin(L, st, "put");             /* rolled back on any raise below */
    if (freq_of(L, st->db, name, oldfreq, sizeof oldfreq) && strcmp(oldfreq, tn_freq_code(s->freq)) != 0)
        return luaL_error(L, "db:put: '%s' is stored with frequency %s; the new series is %s (convert it with :to())",
                          name, oldfreq, tn_freq_code(s->freq));
    int same = latest_equals(L, st->db, name, start, blob, len);
    int rc = same ? SQLITE_OK : upsert_series(L, st->db, name, s, 4, 3, stamp);
    if (rc == SQLITE_OK && !same) rc = insert_vintage(L, st->db, name, s, start, stamp, blob, len);
    if (rc == SQLITE_CONSTRAINT) return luaL_error(L, "db:put: '%s' already has a vintage stamped %s", name, stamp);
    if (rc != SQLITE_OK) return luaL_error(L, "store %s: put '%s': %s", store_path(L), name, sqlite3_errmsg(st->db));
    tx_commit(L, tx, "put");
    if (same) lua_pushboolean(L, 0);
    else lua_pushstring(L, stamp);
    return 1;
}

/* store._transaction(db, f): calls f(db) inside one write transaction:
   committed when f returns, rolled back when it raises (the error goes
   on). db:put inside uses savepoints. db:import_csv is built on it. */
static int store_transaction(lua_State *L) {
    tn_store *st = check_store_as(L, "db:import_csv");
    luaL_checktype(L, 2, LUA_TFUNCTION);
    if (st->readonly) return luaL_error(L, "store %s is open read-only", store_path(L));
    lua_settop(L, 2);
    tx_guard *tx = tx_begin(L, st, "transaction");
    lua_pushvalue(L, 2);
    lua_pushvalue(L, 1);
    lua_call(L, 1, 1);
    tx_commit(L, tx, "transaction");
    return 1;
}

/* ------------------------------------------------------------ get */

/* "2024-06-30" covers the whole day: compare stamps against "2024-06-30~"
   ('~' sorts after 'T' and every digit). */
static void as_of_bound(const char *as_of, char *out, size_t size) {
    if (strlen(as_of) == 10) snprintf(out, size, "%s~", as_of);
    else snprintf(out, size, "%s", as_of);
}

/* The statement selecting name's latest vintage (known at as_of, if
   given), pushed as a to-be-closed value; bound is as_of's buffer. */
static sqlite3_stmt *vintage_query(lua_State *L, sqlite3 *db, const char *name, const char *as_of, char *bound,
                                   size_t size) {
    const char *sql = as_of
        ? "SELECT v.start, v.n, v.data, v.stamp, s.freq FROM vintages v JOIN series s USING(name)"
          " WHERE name = ?1 AND stamp <= ?2 ORDER BY stamp DESC LIMIT 1"
        : "SELECT v.start, v.n, v.data, v.stamp, s.freq FROM vintages v JOIN series s USING(name)"
          " WHERE name = ?1 ORDER BY stamp DESC LIMIT 1";
    sqlite3_stmt *q = stmt_prepare(L, db, sql, "get");
    sqlite3_bind_text(q, 1, name, -1, SQLITE_STATIC);
    if (as_of) {
        as_of_bound(as_of, bound, size);
        sqlite3_bind_text(q, 2, bound, -1, SQLITE_STATIC);
    }
    return q;
}

/* Pushes the series in the current row of q, or raises naming a corrupt
   record (n must be len / 8 exactly: compared without n * 8, which a
   damaged n would overflow). */
static void push_row_series(lua_State *L, sqlite3_stmt *q, const char *name) {
    const char *start = (const char *)sqlite3_column_text(q, 0);
    sqlite3_int64 n = sqlite3_column_int64(q, 1);
    const unsigned char *blob = sqlite3_column_blob(q, 2);
    int len = sqlite3_column_bytes(q, 2);
    const char *freq = (const char *)sqlite3_column_text(q, 4);
    int f;
    int64_t p0;
    const char *why;
    if (n < 0 || len % 8 != 0 || n != len / 8 || !freq || tn_freq_parse(freq, &f) != 0 || !start
        || tn_period_parse(f, start, strlen(start), 0, 1, &p0, &why) != 0)
        luaL_error(L, "store %s: the record of '%s' is corrupt (%d bytes for %I values)", store_path(L), name, len,
                   (lua_Integer)n);
    tn_series *s = tn_series_push(L, f, p0, (size_t)n);
    for (size_t i = 0; i < (size_t)n; i++) s->v[i] = blob_value(blob, i);
}

/* Fills the meta table on top with name's descriptive fields. */
static void add_series_fields(lua_State *L, sqlite3 *db, const char *name) {
    static const char *const keys[] = {"unit", "source", "description", "kind"};
    sqlite3_stmt *q = stmt_prepare(L, db, "SELECT unit, source, description, kind FROM series WHERE name = ?1", "get");
    sqlite3_bind_text(q, 1, name, -1, SQLITE_STATIC);
    if (sqlite3_step(q) == SQLITE_ROW) {
        for (int i = 0; i < 4; i++) {
            const unsigned char *t = sqlite3_column_text(q, i);
            if (t) { lua_pushstring(L, (const char *)t); lua_setfield(L, -3, keys[i]); }
        }
    }
    stmt_done(L);
}

/* The series at sidx gets its name and meta: vintage (the stamp), store
   and the descriptive fields. */
static void set_get_meta(lua_State *L, sqlite3 *db, int sidx, const char *name, const char *stamp) {
    lua_pushstring(L, name);
    tn_series_set_name(L, sidx);
    tn_series_push_meta(L, sidx);
    lua_pushstring(L, stamp);
    lua_setfield(L, -2, "vintage");
    lua_pushstring(L, store_path(L));
    lua_setfield(L, -2, "store");
    add_series_fields(L, db, name);
    lua_pop(L, 1);
}

static int store_get(lua_State *L) {
    tn_store *st = check_store_as(L, "db:get");
    const char *name = check_name(L, 2, "db:get");
    tn_opts_check(L, 3, "db:get");
    lua_getfield(L, 3, "as_of");
    const char *as_of = check_stamp(L, lua_tostring(L, -1), "db:get", "option 'as_of'");
    lua_pop(L, 1);                          /* the checked copy in slot 3 keeps it */
    char bound[80];
    sqlite3_stmt *q = vintage_query(L, st->db, name, as_of, bound, sizeof bound);   /* slot 4 */
    int rc = sqlite3_step(q);
    if (rc != SQLITE_ROW) {
        if (rc != SQLITE_DONE) return db_fail(L, st->db, "get");
        lua_pushnil(L);
        if (as_of) lua_pushfstring(L, "get: no vintage of '%s' known at %s", name, as_of);
        else lua_pushfstring(L, "get: no series '%s' in %s", name, store_path(L));
        return 2;
    }
    lua_pushstring(L, (const char *)sqlite3_column_text(q, 3));     /* slot 5: the stamp */
    push_row_series(L, q, name);                                     /* slot 6 */
    set_get_meta(L, st->db, 6, name, lua_tostring(L, 5));
    return 1;
}

/* ------------------------------------------------------------ listings */

static int store_meta(lua_State *L) {
    tn_store *st = check_store_as(L, "db:meta");
    const char *name = check_name(L, 2, "db:meta");
    lua_settop(L, 2);
    sqlite3_stmt *q = stmt_prepare(L, st->db,
                                   "SELECT freq, unit, source, description, kind, created,"
                                   " (SELECT count(*) FROM vintages v WHERE v.name = s.name),"
                                   " (SELECT max(stamp) FROM vintages v WHERE v.name = s.name)"
                                   " FROM series s WHERE name = ?1", "meta");
    sqlite3_bind_text(q, 1, name, -1, SQLITE_STATIC);
    if (sqlite3_step(q) != SQLITE_ROW) {
        lua_pushnil(L);
        lua_pushfstring(L, "meta: no series '%s' in %s", name, store_path(L));
        return 2;
    }
    lua_createtable(L, 0, 9);
    lua_pushstring(L, name);
    lua_setfield(L, -2, "name");
    static const char *const keys[] = {"freq", "unit", "source", "description", "kind", "created"};
    for (int i = 0; i < 6; i++) {
        const unsigned char *t = sqlite3_column_text(q, i);
        if (t) { lua_pushstring(L, (const char *)t); lua_setfield(L, -2, keys[i]); }
    }
    lua_pushinteger(L, sqlite3_column_int64(q, 6));
    lua_setfield(L, -2, "vintages");
    const unsigned char *latest = sqlite3_column_text(q, 7);
    if (latest) { lua_pushstring(L, (const char *)latest); lua_setfield(L, -2, "latest"); }
    return 1;
}

/* Pushes the first column of every row of sql (bound to arg) as a list. */
static int push_column_list(lua_State *L, sqlite3 *db, const char *sql, const char *arg) {
    sqlite3_stmt *q = stmt_prepare(L, db, sql, "list");
    if (arg) sqlite3_bind_text(q, 1, arg, -1, SQLITE_STATIC);
    lua_newtable(L);
    int i = 0, rc;
    while ((rc = sqlite3_step(q)) == SQLITE_ROW) {
        lua_pushstring(L, (const char *)sqlite3_column_text(q, 0));
        lua_rawseti(L, -2, ++i);
    }
    if (rc != SQLITE_DONE) return db_fail(L, db, "list");
    return 1;
}

/* db:list(pattern): names matching a glob ('*' any run, '?' one char). */
static int store_list(lua_State *L) {
    tn_store *st = check_store_as(L, "db:list");
    if (!lua_isnoneornil(L, 2) && lua_type(L, 2) != LUA_TSTRING)
        return tn_arg_error(L, "db:list", "pattern", "must be a glob pattern such as 'cn_*' (got a %s)", luaL_typename(L, 2));
    const char *pattern = luaL_optstring(L, 2, "*");
    return push_column_list(L, st->db, "SELECT name FROM series WHERE name GLOB ?1 ORDER BY name", pattern);
}

static int store_vintages(lua_State *L) {
    tn_store *st = check_store_as(L, "db:vintages");
    const char *name = check_name(L, 2, "db:vintages");
    return push_column_list(L, st->db, "SELECT stamp FROM vintages WHERE name = ?1 ORDER BY stamp", name);
}

/* Runs a one-parameter write statement; its status. */
static int exec_bound(lua_State *L, sqlite3 *db, const char *sql, const char *arg, const char *what) {
    sqlite3_stmt *q = stmt_prepare(L, db, sql, what);
    sqlite3_bind_text(q, 1, arg, -1, SQLITE_STATIC);
    int rc = sqlite3_step(q);
    stmt_done(L);
    return rc;
}

static int store_delete(lua_State *L) {
    tn_store *st = check_store_as(L, "db:delete");
    const char *name = check_name(L, 2, "db:delete");
    if (st->readonly) return luaL_error(L, "db:delete: store %s is open read-only", store_path(L));
    lua_settop(L, 2);
    tx_guard *tx = tx_begin(L, st, "delete");
    int rc = exec_bound(L, st->db, "DELETE FROM vintages WHERE name = ?1", name, "delete");
    if (rc == SQLITE_DONE) rc = exec_bound(L, st->db, "DELETE FROM series WHERE name = ?1", name, "delete");
    if (rc != SQLITE_DONE) return luaL_error(L, "store %s: delete '%s': %s", store_path(L), name, sqlite3_errmsg(st->db));
    int deleted = sqlite3_changes(st->db);
    tx_commit(L, tx, "delete");
    lua_pushboolean(L, deleted > 0);
    return 1;
}

static int store_index(lua_State *L) {
    luaL_checkudata(L, 1, STORE_MT);
    const char *key = luaL_checkstring(L, 2);
    if (strcmp(key, "path") == 0) { lua_getiuservalue(L, 1, 1); return 1; }
    luaL_getmetatable(L, STORE_MT);
    lua_getfield(L, -1, "methods");
    lua_getfield(L, -1, key);
    return 1;
}

static int store_tostring(lua_State *L) {
    tn_store *st = luaL_checkudata(L, 1, STORE_MT);
    lua_pushfstring(L, "store %s%s", store_path(L), st->db ? (st->readonly ? " (read-only)" : "") : " (closed)");
    return 1;
}

/* store._exec(db, sql): raw SQL, for tests that build old or damaged stores. */
static int store_exec(lua_State *L) {
    tn_store *st = check_store_as(L, "db:_exec");
    const char *sql = luaL_checkstring(L, 2);
    char *err = NULL;
    if (sqlite3_exec(st->db, sql, NULL, NULL, &err) != SQLITE_OK) {
        lua_pushstring(L, err ? err : "error");
        sqlite3_free(err);
        return lua_error(L);
    }
    return 0;
}

/* store._raw(path): a bare SQLite connection (no schema), for those tests. */
static int store_raw(lua_State *L) {
    const char *path = luaL_checkstring(L, 1);
    tn_store *st = lua_newuserdatauv(L, sizeof *st, 1);
    st->db = NULL;
    st->readonly = 0;
    st->busy_ms = BUSY_MS;
    luaL_setmetatable(L, STORE_MT);
    lua_pushvalue(L, 1);
    lua_setiuservalue(L, -2, 1);
    if (sqlite3_open(path, &st->db) != SQLITE_OK) return luaL_error(L, "store._raw: cannot open %s", path);
    return 1;
}

static const luaL_Reg store_methods[] = {
    {"put", store_put}, {"get", store_get}, {"meta", store_meta}, {"list", store_list},
    {"vintages", store_vintages}, {"delete", store_delete}, {"close", store_close}, {NULL, NULL}};

static const luaL_Reg store_funcs[] = {
    {"open", store_open}, {"_transaction", store_transaction}, {"_exec", store_exec}, {"_raw", store_raw},
    {NULL, NULL}};

int luaopen_store(lua_State *L) {
    static const luaL_Reg stmt_meta[] = {{"__close", stmt_close}, {"__gc", stmt_close}, {NULL, NULL}};
    static const luaL_Reg tx_meta[] = {{"__close", tx_close}, {NULL, NULL}};
    luaL_newmetatable(L, STMT_MT);
    luaL_setfuncs(L, stmt_meta, 0);
    luaL_newmetatable(L, TX_MT);
    luaL_setfuncs(L, tx_meta, 0);
    lua_pop(L, 2);
    luaL_newmetatable(L, STORE_MT);
    luaL_newlib(L, store_methods);
    lua_setfield(L, -2, "methods");
    lua_pushcfunction(L, store_index);
    lua_setfield(L, -2, "__index");
    lua_pushcfunction(L, store_close);
    lua_setfield(L, -2, "__gc");
    lua_pushcfunction(L, store_close);
    lua_setfield(L, -2, "__close");
    lua_pushcfunction(L, store_tostring);
    lua_setfield(L, -2, "__tostring");
    lua_pushliteral(L, "store");
    lua_setfield(L, -2, "__name");
    lua_pop(L, 1);
    luaL_newlib(L, store_funcs);
    luaL_getmetatable(L, STORE_MT);
    lua_getfield(L, -1, "methods");
    lua_setfield(L, -3, "_methods");
    lua_pop(L, 1);
    tn_opts_declare(L, "store.open", open_opts);
    tn_opts_declare(L, "db:put", put_opts);
    tn_opts_declare(L, "db:get", get_opts);
    return 1;
}
