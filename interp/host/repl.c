/*
 * repl.c -- read, evaluate, print. Expression first: "1 + 1" prints 2,
 * statements run as they are; a chunk that ends early ("<eof>" from the
 * parser) continues on the next line; `_` holds the last result; errors
 * print and the session goes on. History persists in ~/.tenor_history
 * ($TENOR_HISTORY), ~/.tenorrc.lua ($TENOR_RC) runs at start.
 */
#include "host/repl.h"

#include <errno.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include <lauxlib.h>
#include <readline/history.h>
#include <readline/readline.h>

#include "host/host.h"

#define PROMPT      "> "
#define PROMPT_MORE ">> "
#define HISTORY_MAX 2000

static int use_readline;
static char history_file[1024];

/* ----------------------------------------------------------- input */

/* Piped input: one line, without its newline, echoed after the prompt so
   that the output of a transcript reads like the session. */
static char *read_piped(const char *prompt) {
    size_t cap = 256, len = 0;
    char *buf = malloc(cap);
    int c;
    if (!buf) return NULL;
    while ((c = getchar()) != EOF && c != '\n') {
        if (len + 1 == cap) {
            char *nb = realloc(buf, cap *= 2);
            if (!nb) { free(buf); return NULL; }
            buf = nb;
        }
        buf[len++] = (char)c;
    }
    if (c == EOF && len == 0) { free(buf); return NULL; }
    buf[len] = '\0';
    printf("%s%s\n", prompt, buf);
    return buf;
}

static char *read_input(const char *prompt) {
    fflush(stdout);
    return use_readline ? readline(prompt) : read_piped(prompt);
}

/* Ctrl-C at the prompt drops what is being typed: the line, or at the
   ">>" prompt the whole unfinished chunk; never the session. The handler
   only raises a flag; repl_getc then ends readline's line, and read_chunk
   drops the chunk. */
static volatile sig_atomic_t prompt_cancelled;

static void prompt_sigint(int sig) {
    (void)sig;
    if (!use_readline) _exit(130);
    prompt_cancelled = 1;
}

/* readline's input, a byte at a time; after Ctrl-C it answers Enter so
   that readline returns (SIGINT is installed without SA_RESTART: a read
   waiting for a key stops at once). */
static int repl_getc(FILE *f) {
    unsigned char c;
    for (;;) {
        if (prompt_cancelled) return '\n';
        ssize_t n = read(fileno(f), &c, 1);
        if (n == 1) return c;
        if (n == 0 || errno != EINTR) return EOF;
    }
}

static void catch_prompt_sigint(void) {
    struct sigaction sa;
    memset(&sa, 0, sizeof sa);
    sa.sa_handler = prompt_sigint;
    sigemptyset(&sa.sa_mask);
    sigaction(SIGINT, &sa, NULL);
}

/* ---------------------------------------------------------- compiling */

static int incomplete(lua_State *L, int status) {
    if (status != LUA_ERRSYNTAX) return 0;
    size_t len;
    const char *msg = lua_tolstring(L, -1, &len);
    return len >= 5 && strcmp(msg + len - 5, "<eof>") == 0;
}

/* Compiles "return <code>" first so that expressions print; pushes the
   chunk or an error message. */
static int compile(lua_State *L, const char *code) {
    while (*code == ' ') code++;
    if (code[0] == '?') {                        /* ?name is help("name") */
        const char *name = code + 1 + strspn(code + 1, " ");
        lua_getglobal(L, "string");
        lua_getfield(L, -1, "format");
        lua_remove(L, -2);
        lua_pushliteral(L, "help(%q)");
        lua_pushstring(L, name);
        if (lua_pcall(L, 2, 1, 0) != LUA_OK) return LUA_ERRSYNTAX;    /* message on the stack */
        const char *call = lua_tostring(L, -1);
        int st = luaL_loadbuffer(L, call, strlen(call), "=stdin");
        lua_remove(L, -2);
        return st;
    }
    const char *ret = lua_pushfstring(L, "return %s;", code);
    int status = luaL_loadbuffer(L, ret, strlen(ret), "=stdin");
    lua_remove(L, -2);
    if (status == LUA_OK) return status;
    lua_pop(L, 1);
    return luaL_loadbuffer(L, code, strlen(code), "=stdin");
}

/* Reads lines until they form a complete chunk; pushes the chunk (or the
   syntax error). Returns -1 at end of input, -2 when Ctrl-C dropped the
   chunk (nothing pushed), else the load status. The whole chunk's text is
   left in *text for the history (caller frees). */
static int read_chunk(lua_State *L, char **text) {
    prompt_cancelled = 0;
    char *line = read_input(PROMPT);
    if (prompt_cancelled) { free(line); return -2; }
    if (!line) return -1;
    size_t len = strlen(line);
    char *code = line;
    int status;
    while (incomplete(L, status = compile(L, code))) {
        lua_pop(L, 1);
        char *more = read_input(PROMPT_MORE);
        if (prompt_cancelled) { free(more); free(code); return -2; }
        if (!more) { compile(L, code); break; }         /* report the error */
        size_t mlen = strlen(more);
        char *joined = malloc(len + mlen + 2);
        if (!joined) { free(more); break; }
        memcpy(joined, code, len);
        joined[len] = '\n';
        memcpy(joined + len + 1, more, mlen + 1);
        len += mlen + 1;
        free(code);
        free(more);
        code = joined;
    }
    *text = code;
    return status;
}

/* ------------------------------------------------------------- output */

/* Prints results through tenor.show (stdlib/tenor/show.lua), which knows
   series, datasets, tables and NA; sets _ to the first result. */
static void print_results(lua_State *L, int n) {
    if (n == 0) return;
    lua_pushvalue(L, -n);
    lua_setglobal(L, "_");
    lua_getglobal(L, "tenor");
    lua_getfield(L, -1, "show");
    lua_remove(L, -2);
    lua_insert(L, -n - 1);
    if (tn_host_report(L, tn_host_docall(L, n, 1)) == LUA_OK) {
        const char *s = lua_tostring(L, -1);
        if (s && *s) puts(s);
        lua_pop(L, 1);
    }
}

/* An error at the prompt: the message, and the traceback only when it
   shows more than the typed line itself (a call into a script or module);
   a public function refusing the call (an unknown option, a wrong
   argument) says all there is to say, so its stdlib frames are left out. */
static void report(lua_State *L, int status) {
    const char *msg = lua_tostring(L, -1);
    const char *tb = msg ? strstr(msg, "\nstack traceback:") : NULL;
    int useful = 0, refusal = tn_host_refusal(msg);
    for (const char *p = tb ? strchr(tb + 1, '\n') : NULL; p; p = strchr(p + 1, '\n')) {
        const char *line = p + 1;
        size_t len = strcspn(line, "\n");
        int trivial = strncmp(line, "\t[C]:", 5) == 0 || (refusal && strncmp(line, "\tstdlib/", 8) == 0) ||
                      (refusal && strncmp(line, "\t(...tail calls...)", 19) == 0) ||
                      (strncmp(line, "\tstdin:", 7) == 0 && len > 14 &&
                       strncmp(line + len - 13, "in main chunk", 13) == 0);
        if (!trivial) { useful = 1; break; }
    }
    if (tb && !useful) {
        fflush(stdout);
        fprintf(stderr, "%.*s\n", (int)(tb - msg), msg);
        fflush(stderr);
        lua_pop(L, 1);
        return;
    }
    tn_host_report(L, status);
}

/* ---------------------------------------------------------- completion */

static lua_State *completion_state;

/* Inside a string literal when an odd number of unescaped quotes of one
   kind precede the cursor: complete file names there. */
static int in_string(const char *line, int end) {
    int dq = 0, sq = 0;
    for (int i = 0; i < end; i++) {
        if (line[i] == '\\') { i++; continue; }
        if (line[i] == '"' && !sq) dq = !dq;
        else if (line[i] == '\'' && !dq) sq = !sq;
    }
    return dq || sq;
}

/* Candidates come from tenor.complete (stdlib/tenor/complete.lua). */
static char *candidate(const char *text, int state) {
    static int index, count;
    lua_State *L = completion_state;
    (void)text;
    if (state == 0) index = 0;
    lua_getfield(L, LUA_REGISTRYINDEX, "tenor.completions");
    count = lua_istable(L, -1) ? (int)lua_rawlen(L, -1) : 0;
    char *out = NULL;
    if (index < count) {
        lua_rawgeti(L, -1, ++index);
        const char *s = lua_tostring(L, -1);
        out = s ? strdup(s) : NULL;
        lua_pop(L, 1);
    }
    lua_pop(L, 1);
    return out;
}

static char **complete(const char *text, int start, int end) {
    lua_State *L = completion_state;
    (void)text;
    if (in_string(rl_line_buffer, start)) return NULL;      /* readline's file names */
    rl_attempted_completion_over = 1;
    rl_completion_append_character = '\0';        /* "cpi." then ":yoy" must chain */
    int from = end;
    while (from > 0) {
        unsigned char c = (unsigned char)rl_line_buffer[from - 1];
        if (!(c == '_' || c == '.' || c == ':' || c >= 0x80 || (c >= '0' && c <= '9') ||
              (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z'))) break;
        from--;
    }
    lua_getglobal(L, "tenor");
    lua_getfield(L, -1, "complete");
    lua_pushlstring(L, rl_line_buffer + from, (size_t)(end - from));
    lua_pushlstring(L, rl_line_buffer, (size_t)from);      /* the line before: an open options table? */
    if (lua_pcall(L, 2, 1, 0) != LUA_OK) lua_pushnil(L);
    lua_setfield(L, LUA_REGISTRYINDEX, "tenor.completions");
    lua_pop(L, 1);
    /* readline replaces text from 'start'; our words start at 'from' */
    char **matches = rl_completion_matches(rl_line_buffer + start, candidate);
    if (matches && from < start) {           /* strip the part before readline's word start */
        for (char **m = matches; *m; m++) {
            size_t cut = (size_t)(start - from);
            if (strlen(*m) >= cut) memmove(*m, *m + cut, strlen(*m) - cut + 1);
        }
    }
    return matches;
}

/* ------------------------------------------------------------ history */

static void history_open(void) {
    const char *env = getenv("TENOR_HISTORY"), *home = getenv("HOME");
    if (env) snprintf(history_file, sizeof history_file, "%s", env);
    else if (home) snprintf(history_file, sizeof history_file, "%s/.tenor_history", home);
    if (!history_file[0]) return;
    stifle_history(HISTORY_MAX);
    if (read_history(history_file) != 0) write_history(history_file);
}

/* Appends at once, so a killed session keeps what was typed. */
static void history_add(const char *text) {
    if (!use_readline || !*text) return;
    add_history(text);
    if (history_file[0]) append_history(1, history_file);
}

static void history_close(void) {
    if (use_readline && history_file[0]) history_truncate_file(history_file, HISTORY_MAX);
}

static void run_startup_file(lua_State *L) {
    char path[1024];
    const char *env = getenv("TENOR_RC"), *home = getenv("HOME");
    if (env) snprintf(path, sizeof path, "%s", env);
    else if (home) snprintf(path, sizeof path, "%s/.tenorrc.lua", home);
    else return;
    if (access(path, R_OK) != 0) return;
    int status = luaL_loadfile(L, path);
    if (status == LUA_OK) status = tn_host_docall(L, 0, 0);
    tn_host_report(L, status);
}

int tn_repl_run(lua_State *L) {
    use_readline = isatty(STDIN_FILENO);
    if (use_readline) {
        rl_readline_name = "tenor";
        rl_catch_signals = 0;                 /* Ctrl-C is ours (prompt_sigint) */
        rl_getc_function = repl_getc;
        completion_state = L;
        rl_attempted_completion_function = complete;
        rl_basic_word_break_characters = " \t\n\"\\'`@$><=;|&{(,+-*/%^~#[]";
        rl_completer_quote_characters = "\"'";
        history_open();
        printf("tenor %s  (Lua 5.4, GSL)  Tab completes names and file paths, Ctrl-D quits\n", TN_VERSION);
    }
    tn_host_keep_session(1);
    run_startup_file(L);
    for (;;) {
        char *text = NULL;
        catch_prompt_sigint();
        int status = read_chunk(L, &text);
        signal(SIGINT, SIG_DFL);
        if (status == -2) { lua_settop(L, 0); continue; }     /* Ctrl-C: the chunk is dropped */
        if (status == -1) break;
        history_add(text);
        free(text);
        int base = lua_gettop(L);
        if (status == LUA_OK) status = tn_host_docall(L, 0, LUA_MULTRET);
        if (status == LUA_OK) print_results(L, lua_gettop(L) - base + 1);
        else report(L, status);
        lua_settop(L, 0);
        fflush(stdout);
    }
    if (use_readline) putchar('\n');
    history_close();
    tn_host_keep_session(0);
    return 0;
}
