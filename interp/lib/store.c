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
 * process killed mid-write leaves either the old or the new vintage; a busy
 * timeout lets several processes read and write one file. A record whose
 * blob length does not match n, or a file that is not a store, is an
 * error naming the file, never a crash.
 */
#include <lauxlib.h>
#include <lua.h>
#include <math.h>
#include <sqlite3.h>
#include <stdint.h>
#include <stdio.h>
#include <string.h>
#include <time.h>

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
} tn_store;

/* The store a db: method is called on; fn names the method in errors. */
static tn_store *check_store_as(lua_State *L, const char *fn) {
    tn_store *st = luaL_testudata(L, 1, STORE_MT);
    if (!st) tn_arg_error(L, fn, "is a store method", "called on a %s: write db:%s(...) with db = store.open(path)",
                          luaL_typename(L, 1), fn + 3);
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

/* Switching to WAL and creating the schema can meet another process doing
   the same on a new file; the busy handler does not cover every such case,
   so retry for up to BUSY_MS. */
static int exec_retry(sqlite3 *db, const char *sql) {
    int rc;
    for (int waited = 0;; waited += 10) {
        rc = exec_sql(db, sql);
        if ((rc != SQLITE_BUSY && rc != SQLITE_LOCKED) || waited >= BUSY_MS) return rc;
        sqlite3_sleep(10);
    }
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
static int prepare_schema(lua_State *L, sqlite3 *db, const char *path, int readonly) {
    int v;
    if (user_version(db, &v) != SQLITE_OK)
        return luaL_error(L, "store.open: %s is not a tenor store (%s)", path, sqlite3_errmsg(db));
    if (v == SCHEMA_VERSION) return 0;
    if (v > SCHEMA_VERSION)
        return luaL_error(L, "store.open: %s has schema version %d; this tenor reads up to %d", path, v, SCHEMA_VERSION);
    if (readonly)
        return luaL_error(L, "store.open: %s needs creating or migrating (version %d) but is opened read-only", path, v);
    if (exec_retry(db, "BEGIN IMMEDIATE") != SQLITE_OK) return luaL_error(L, "store.open: %s: %s", path, sqlite3_errmsg(db));
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

/* store.open(path, {readonly=}) */
static int store_open(lua_State *L) {
    if (lua_type(L, 1) != LUA_TSTRING)
        return tn_arg_error(L, "store.open", "path", "must be a file name (got a %s)", luaL_typename(L, 1));
    const char *path = lua_tostring(L, 1);
    tn_opts_check(L, 2, "store.open");
    lua_getfield(L, 2, "readonly");
    int readonly = lua_toboolean(L, -1);
    lua_pop(L, 1);
    tn_store *st = lua_newuserdatauv(L, sizeof *st, 1);
    st->db = NULL;
    st->readonly = readonly;
    luaL_setmetatable(L, STORE_MT);
    lua_pushvalue(L, 1);
    lua_setiuservalue(L, -2, 1);
    int flags = readonly ? SQLITE_OPEN_READONLY : SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE;
    int rc = sqlite3_open_v2(path, &st->db, flags | SQLITE_OPEN_NOMUTEX, NULL);
    if (rc != SQLITE_OK) {
        const char *msg = lua_pushstring(L, st->db ? sqlite3_errmsg(st->db) : sqlite3_errstr(rc));
        sqlite3_close(st->db);
        st->db = NULL;
        return luaL_error(L, "store.open: cannot open %s: %s", path, msg);
    }
    sqlite3_busy_timeout(st->db, BUSY_MS);
    exec_sql(st->db, "PRAGMA foreign_keys = ON");
    if (!readonly && (rc = exec_retry(st->db, "PRAGMA journal_mode = WAL")) != SQLITE_OK) {
        const char *msg = lua_pushstring(L, sqlite3_errmsg(st->db));
        sqlite3_close(st->db);
        st->db = NULL;
        if (rc == SQLITE_BUSY || rc == SQLITE_LOCKED) return luaL_error(L, "store.open: %s is busy: %s", path, msg);
        return luaL_error(L, "store.open: %s is not a tenor store (%s)", path, msg);
    }
    prepare_schema(L, st->db, path, readonly);
    return 1;
}

static int store_close(lua_State *L) {
    tn_store *st = luaL_checkudata(L, 1, STORE_MT);
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

static int latest_equals(sqlite3 *db, const char *name, const char *start, const char *blob, size_t len) {
    sqlite3_stmt *q;
    int same = 0;
    if (sqlite3_prepare_v2(db, "SELECT start, data FROM vintages WHERE name = ?1 ORDER BY stamp DESC LIMIT 1",
                           -1, &q, NULL) != SQLITE_OK) return 0;
    sqlite3_bind_text(q, 1, name, -1, SQLITE_STATIC);
    if (sqlite3_step(q) == SQLITE_ROW) {
        const char *s0 = (const char *)sqlite3_column_text(q, 0);
        size_t n0 = (size_t)sqlite3_column_bytes(q, 1);
        const void *d0 = sqlite3_column_blob(q, 1);
        same = s0 && strcmp(s0, start) == 0 && n0 == len && (len == 0 || memcmp(d0, blob, len) == 0);
    }
    sqlite3_finalize(q);
    return same;
}

static int put_rows(lua_State *L, sqlite3 *db, const char *name, const tn_series *s, const char *start,
                    int opts, int sidx, const char *stamp) {
    static const char UPSERT[] =
        "INSERT INTO series(name, freq, unit, source, description, kind, created) VALUES(?1,?2,?3,?4,?5,?6,?7)"
        " ON CONFLICT(name) DO UPDATE SET unit = coalesce(?3, unit), source = coalesce(?4, source),"
        " description = coalesce(?5, description), kind = coalesce(?6, kind)";
    sqlite3_stmt *q;
    if (sqlite3_prepare_v2(db, UPSERT, -1, &q, NULL) != SQLITE_OK) return SQLITE_ERROR;
    sqlite3_bind_text(q, 1, name, -1, SQLITE_STATIC);
    sqlite3_bind_text(q, 2, tn_freq_code(s->freq), -1, SQLITE_STATIC);
    static const char *const keys[] = {"unit", "source", "description", "kind"};
    int top = lua_gettop(L);
    for (int i = 0; i < 4; i++) {
        const char *v = meta_text(L, opts, sidx, keys[i]);
        if (v) sqlite3_bind_text(q, 3 + i, v, -1, SQLITE_TRANSIENT);
        else sqlite3_bind_null(q, 3 + i);
    }
    lua_settop(L, top);
    sqlite3_bind_text(q, 7, stamp, -1, SQLITE_STATIC);
    int rc = sqlite3_step(q);
    sqlite3_finalize(q);
    if (rc != SQLITE_DONE) return rc;
    if (sqlite3_prepare_v2(db, "INSERT INTO vintages(name, stamp, start, n, data) VALUES(?1,?2,?3,?4,?5)",
                           -1, &q, NULL) != SQLITE_OK) return SQLITE_ERROR;
    push_blob(L, s);
    size_t len;
    const char *blob = lua_tolstring(L, -1, &len);
    sqlite3_bind_text(q, 1, name, -1, SQLITE_STATIC);
    sqlite3_bind_text(q, 2, stamp, -1, SQLITE_STATIC);
    sqlite3_bind_text(q, 3, start, -1, SQLITE_STATIC);
    sqlite3_bind_int64(q, 4, s->n);
    sqlite3_bind_blob(q, 5, blob, (int)len, SQLITE_STATIC);
    rc = sqlite3_step(q);
    sqlite3_finalize(q);
    lua_pop(L, 1);
    return rc == SQLITE_DONE ? SQLITE_OK : rc;
}

static int freq_of(sqlite3 *db, const char *name, char *out, size_t size) {
    sqlite3_stmt *q;
    int found = 0;
    if (sqlite3_prepare_v2(db, "SELECT freq FROM series WHERE name = ?1", -1, &q, NULL) != SQLITE_OK) return 0;
    sqlite3_bind_text(q, 1, name, -1, SQLITE_STATIC);
    if (sqlite3_step(q) == SQLITE_ROW) {
        snprintf(out, size, "%s", (const char *)sqlite3_column_text(q, 0));
        found = 1;
    }
    sqlite3_finalize(q);
    return found;
}

static int store_put(lua_State *L) {
    tn_store *st = check_store_as(L, "db:put");
    const char *name = check_name(L, 2, "db:put");
    const tn_series *s = tn_series_check(L, 3);
    if (st->readonly) return luaL_error(L, "put: store %s is open read-only", store_path(L));
    tn_opts_check(L, 4, "db:put");
    char stampbuf[64], start[64], oldfreq[16];
    const char *stamp = vintage_stamp(L, 4, stampbuf, sizeof stampbuf);
    tn_period_format(s->freq, s->start, TN_STYLE_ISO, start, sizeof start);
    if (exec_retry(st->db, "BEGIN IMMEDIATE") != SQLITE_OK) return db_fail(L, st->db, "put");
    if (freq_of(st->db, name, oldfreq, sizeof oldfreq) && strcmp(oldfreq, tn_freq_code(s->freq)) != 0) {
        exec_sql(st->db, "ROLLBACK");
        return luaL_error(L, "put: '%s' is stored with frequency %s; the new series is %s (convert it with :to())",
                          name, oldfreq, tn_freq_code(s->freq));
    }
    push_blob(L, s);
    size_t len;
    const char *blob = lua_tolstring(L, -1, &len);
    int same = latest_equals(st->db, name, start, blob, len);
    lua_pop(L, 1);
    int rc = same ? SQLITE_OK : put_rows(L, st->db, name, s, start, 4, 3, stamp);
    if (rc == SQLITE_CONSTRAINT) {
        exec_sql(st->db, "ROLLBACK");
        return luaL_error(L, "put: '%s' already has a vintage stamped %s", name, stamp);
    }
    if (rc != SQLITE_OK) {
        const char *msg = lua_pushstring(L, sqlite3_errmsg(st->db));
        exec_sql(st->db, "ROLLBACK");
        return luaL_error(L, "store %s: put '%s': %s", store_path(L), name, msg);
    }
    if (exec_sql(st->db, "COMMIT") != SQLITE_OK) {
        const char *msg = lua_pushstring(L, sqlite3_errmsg(st->db));
        exec_sql(st->db, "ROLLBACK");
        return luaL_error(L, "store %s: put '%s': %s", store_path(L), name, msg);
    }
    if (same) lua_pushboolean(L, 0);
    else lua_pushstring(L, stamp);
    return 1;
}

/* ------------------------------------------------------------ get */

/* "2024-06-30" covers the whole day: compare stamps against "2024-06-30~"
   ('~' sorts after 'T' and every digit). */
static void as_of_bound(const char *as_of, char *out, size_t size) {
    if (strlen(as_of) == 10) snprintf(out, size, "%s~", as_of);
    else snprintf(out, size, "%s", as_of);
}

static int store_get(lua_State *L) {
    tn_store *st = check_store_as(L, "db:get");
    const char *name = check_name(L, 2, "db:get");
    tn_opts_check(L, 3, "db:get");
    lua_getfield(L, 3, "as_of");
    const char *as_of = check_stamp(L, lua_tostring(L, -1), "db:get", "option 'as_of'");
    lua_pop(L, 1);                          /* the checked copy in slot 3 keeps it */
    char bound[80], freq[16];
    sqlite3_stmt *q;
    const char *sql = as_of
        ? "SELECT v.start, v.n, v.data, v.stamp, s.freq FROM vintages v JOIN series s USING(name)"
          " WHERE name = ?1 AND stamp <= ?2 ORDER BY stamp DESC LIMIT 1"
        : "SELECT v.start, v.n, v.data, v.stamp, s.freq FROM vintages v JOIN series s USING(name)"
          " WHERE name = ?1 ORDER BY stamp DESC LIMIT 1";
    if (sqlite3_prepare_v2(st->db, sql, -1, &q, NULL) != SQLITE_OK) return db_fail(L, st->db, "get");
    sqlite3_bind_text(q, 1, name, -1, SQLITE_STATIC);
    if (as_of) {
        as_of_bound(as_of, bound, sizeof bound);
        sqlite3_bind_text(q, 2, bound, -1, SQLITE_STATIC);
    }
    int rc = sqlite3_step(q);
    if (rc != SQLITE_ROW) {
        sqlite3_finalize(q);
        if (rc != SQLITE_DONE) return db_fail(L, st->db, "get");
        lua_pushnil(L);
        if (as_of) lua_pushfstring(L, "get: no vintage of '%s' known at %s", name, as_of);
        else lua_pushfstring(L, "get: no series '%s' in %s", name, store_path(L));
        return 2;
    }
    const char *start = (const char *)sqlite3_column_text(q, 0);
    sqlite3_int64 n = sqlite3_column_int64(q, 1);
    const unsigned char *blob = sqlite3_column_blob(q, 2);
    int len = sqlite3_column_bytes(q, 2);
    snprintf(freq, sizeof freq, "%s", (const char *)sqlite3_column_text(q, 4));
    lua_pushstring(L, (const char *)sqlite3_column_text(q, 3));   /* the stamp, kept for meta */
    int f;
    int64_t p0;
    const char *why;
    if (n < 0 || (sqlite3_int64)len != n * 8 || tn_freq_parse(freq, &f) != 0 || !start
        || tn_period_parse(f, start, strlen(start), 0, 1, &p0, &why) != 0) {
        sqlite3_finalize(q);
        return luaL_error(L, "store %s: the record of '%s' is corrupt (%d bytes for %d values)", store_path(L),
                          name, len, (int)n);
    }
    tn_series *s = tn_series_push(L, f, p0, (size_t)n);
    for (size_t i = 0; i < (size_t)n; i++) s->v[i] = blob_value(blob, i);
    sqlite3_finalize(q);
    int sidx = lua_gettop(L);
    lua_pushstring(L, name);
    tn_series_set_name(L, sidx);
    /* meta: vintage stamp and the descriptive fields */
    tn_series_push_meta(L, sidx);
    lua_pushvalue(L, sidx - 1);
    lua_setfield(L, -2, "vintage");
    lua_pushstring(L, store_path(L));
    lua_setfield(L, -2, "store");
    if (sqlite3_prepare_v2(st->db, "SELECT unit, source, description, kind FROM series WHERE name = ?1", -1, &q,
                           NULL) == SQLITE_OK) {
        sqlite3_bind_text(q, 1, name, -1, SQLITE_STATIC);
        if (sqlite3_step(q) == SQLITE_ROW) {
            static const char *const keys[] = {"unit", "source", "description", "kind"};
            for (int i = 0; i < 4; i++) {
                const unsigned char *t = sqlite3_column_text(q, i);
                if (t) { lua_pushstring(L, (const char *)t); lua_setfield(L, -2, keys[i]); }
            }
        }
        sqlite3_finalize(q);
    }
    lua_pop(L, 1);
    return 1;
}

/* ------------------------------------------------------------ listings */

static int store_meta(lua_State *L) {
    tn_store *st = check_store_as(L, "db:meta");
    const char *name = check_name(L, 2, "db:meta");
    sqlite3_stmt *q;
    if (sqlite3_prepare_v2(st->db,
                           "SELECT freq, unit, source, description, kind, created,"
                           " (SELECT count(*) FROM vintages v WHERE v.name = s.name),"
                           " (SELECT max(stamp) FROM vintages v WHERE v.name = s.name)"
                           " FROM series s WHERE name = ?1", -1, &q, NULL) != SQLITE_OK)
        return db_fail(L, st->db, "meta");
    sqlite3_bind_text(q, 1, name, -1, SQLITE_STATIC);
    if (sqlite3_step(q) != SQLITE_ROW) {
        sqlite3_finalize(q);
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
    sqlite3_finalize(q);
    return 1;
}

static int push_column_list(lua_State *L, sqlite3 *db, const char *sql, const char *arg) {
    sqlite3_stmt *q;
    if (sqlite3_prepare_v2(db, sql, -1, &q, NULL) != SQLITE_OK) return db_fail(L, db, "list");
    if (arg) sqlite3_bind_text(q, 1, arg, -1, SQLITE_STATIC);
    lua_newtable(L);
    int i = 0, rc;
    while ((rc = sqlite3_step(q)) == SQLITE_ROW) {
        lua_pushstring(L, (const char *)sqlite3_column_text(q, 0));
        lua_rawseti(L, -2, ++i);
    }
    sqlite3_finalize(q);
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

static int store_delete(lua_State *L) {
    tn_store *st = check_store_as(L, "db:delete");
    const char *name = check_name(L, 2, "db:delete");
    if (st->readonly) return luaL_error(L, "delete: store %s is open read-only", store_path(L));
    if (exec_retry(st->db, "BEGIN IMMEDIATE") != SQLITE_OK) return db_fail(L, st->db, "delete");
    sqlite3_stmt *q;
    int rc = SQLITE_ERROR;
    if (sqlite3_prepare_v2(st->db, "DELETE FROM vintages WHERE name = ?1", -1, &q, NULL) == SQLITE_OK) {
        sqlite3_bind_text(q, 1, name, -1, SQLITE_STATIC);
        rc = sqlite3_step(q);
        sqlite3_finalize(q);
    }
    int deleted = 0;
    if (rc == SQLITE_DONE && sqlite3_prepare_v2(st->db, "DELETE FROM series WHERE name = ?1", -1, &q, NULL) == SQLITE_OK) {
        sqlite3_bind_text(q, 1, name, -1, SQLITE_STATIC);
        rc = sqlite3_step(q);
        deleted = sqlite3_changes(st->db);
        sqlite3_finalize(q);
    }
    if (rc != SQLITE_DONE) {
        const char *msg = lua_pushstring(L, sqlite3_errmsg(st->db));
        exec_sql(st->db, "ROLLBACK");
        return luaL_error(L, "store %s: delete '%s': %s", store_path(L), name, msg);
    }
    if (exec_sql(st->db, "COMMIT") != SQLITE_OK) return db_fail(L, st->db, "delete");
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
    {"open", store_open}, {"_exec", store_exec}, {"_raw", store_raw}, {NULL, NULL}};

int luaopen_store(lua_State *L) {
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
